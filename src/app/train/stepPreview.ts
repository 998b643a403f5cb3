/**
 * The step preview in words: what a recipe step fitted for a column (src/core/recipe/stepPreview.ts
 * gives it as data, computed on the training rows by the worker), e.g. "Missing values take 3
 * (the median of the training rows)".
 */
import type { FittedPart } from '../../core/recipe/stepPreview';
import type { RecipeStep } from '../../core/recipe/recipe';
import { formatCount, formatStat } from '../format/format';
import { OP_SYMBOL } from './recipeEdit';

const PART_WORDS: Record<string, string> = {
  year: 'the year',
  month: 'the month (1–12)',
  dayOfMonth: 'the day of the month (1–31)',
  dayOfWeek: 'the day of the week (0 = Monday)',
};

const STRATEGY_WORDS: Record<string, string> = { mean: 'the mean', median: 'the median', mode: 'the most frequent value', constant: 'the constant' };

function isoDay(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

function list(values: string[], max = 6): string {
  const shown = values.slice(0, max).map((v) => `“${v}”`);
  return values.length > max ? `${shown.join(', ')} and ${formatCount(values.length - max)} more` : shown.join(', ');
}

/** One sentence on what the step fitted, for the column `name`. */
export function fittedWords(part: FittedPart, step: RecipeStep, name: string): string {
  switch (part.kind) {
    case 'op': {
      const op = part.op;
      switch (op.op) {
        case 'impute': {
          const strategy = step.step === 'impute' ? step.strategy : 'constant';
          const source = strategy === 'constant' ? '' : ` (${STRATEGY_WORDS[strategy]} of the training rows)`;
          return `Missing values take ${formatStat(op.value)}${source}.`;
        }
        case 'log':
          return 'Each value x becomes ln(1 + x).';
        case 'clip':
          return step.step === 'clip'
            ? `Values are capped to [${formatStat(op.lower)}, ${formatStat(op.upper)}]: percentiles ${step.lower} and ${step.upper} of the training rows.`
            : `Values are capped to [${formatStat(op.lower)}, ${formatStat(op.upper)}].`;
        case 'scale':
          return `Each value x becomes (x − ${formatStat(op.center)}) / ${formatStat(op.scale)}.`;
        case 'bin':
          return op.edges.length === 0
            ? 'A single bin: every value becomes 0.'
            : `${op.edges.length + 1} bins, numbered 0–${op.edges.length}, split at ${op.edges.map(formatStat).join(', ')} (a value on an edge goes up).`;
      }
      break;
    }
    case 'lookup':
      return part.encoding === 'ordinal'
        ? `${formatCount(part.categories)} categories coded 0–${Math.max(0, part.categories - 1)}; any other value${part.fallback === -1 ? ' and missing' : ''} → ${formatStat(part.fallback)}.`
        : `${formatCount(part.categories)} categories replaced by their smoothed target mean; an unseen category → ${formatStat(part.fallback)} (the training rows' mean). Training rows get out-of-fold values, shown here.`;
    case 'oneHot':
      return `${formatCount(part.categories.length)} kept as 0/1 features (${list(part.categories)}); every other value goes to “${name}=other”.`;
    case 'combine':
      return `${part.left} ${OP_SYMBOL[part.op]} ${part.right}${part.op === '/' ? ' (a division by zero is missing)' : ''}.`;
    case 'datePart':
      return part.part === 'daysSince' ? `Whole days since ${part.reference === null ? '1970-01-01' : isoDay(part.reference)}.` : `${PART_WORDS[part.part][0].toUpperCase()}${PART_WORDS[part.part].slice(1)} of the date.`;
    case 'categoricalImpute':
      return `Missing values take “${part.value}”${step.step === 'impute' && step.strategy === 'mode' ? ' (the most frequent value of the training rows)' : ''}.`;
    case 'none':
      return step.step === 'drop' ? `${name} is left out of the model.` : 'Nothing to fit for this column.';
  }
  return '';
}

/**
 * A preview of one recipe step on one column, from the column's profile (all rows, raw values):
 * what the step alone does to its count, missing values, mean, minimum and maximum. Only what the
 * profile determines is given (e.g. the mean after a log transform is not: null); the fitted
 * values differ slightly in training, where each step is fitted on the training rows after the
 * steps above it.
 */
import type { RecipeStep } from '../../core/recipe/recipe';
import type { ColumnProfile } from '../../core/stats/results';

export interface ColumnSummary {
  count: number;
  missing: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

export interface StepPreview {
  before: ColumnSummary;
  /** Null when the step does not give a number column (one-hot, drop, unknown kinds). */
  after: ColumnSummary | null;
  /** What the step does to this column, in a sentence. */
  note: string;
}

const QUARTILES: Record<number, keyof ColumnProfile> = { 0: 'min', 25: 'q25', 50: 'median', 75: 'q75', 100: 'max' };

function summaryOf(p: ColumnProfile): ColumnSummary {
  return { count: p.count, missing: p.missing, mean: p.mean, min: p.min, max: p.max };
}

const formatFill = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toPrecision(6).replace(/\.?0+$/, ''));

const affine = (x: number | null, center: number, scale: number) => (x === null ? null : (x - center) / scale);

export function previewStep(step: RecipeStep, profile: ColumnProfile): StepPreview {
  const before = summaryOf(profile);
  const numeric = profile.type === 'numeric';
  const s = step as RecipeStep & Record<string, unknown>;
  if (s.step === 'drop') return { before, after: null, note: `${profile.name} is left out of the model.` };
  if (s.step === 'oneHot') {
    const top = typeof s.top === 'number' ? s.top : 20;
    const kept = Math.min(top, profile.distinct);
    return { before, after: null, note: `${profile.name} becomes ${kept} 0/1 feature${kept === 1 ? '' : 's'} (its most frequent categories) plus one for "other".` };
  }
  if (!numeric) {
    const dates = profile.type === 'datetime' ? ' Dates enter the model as days since 1970-01-01; the summary has no figures for them.' : '';
    if (s.step === 'impute') {
      const takes = before.missing > 0 ? `The ${before.missing.toLocaleString('en-US')} missing values are filled.` : 'No value is missing here; values missing in new rows will be filled.';
      return { before, after: { count: before.count + before.missing, missing: 0, mean: null, min: null, max: null }, note: `${takes}${dates}` };
    }
    if (profile.type === 'datetime' || profile.type === 'boolean') return { before, after: null, note: `${profile.name} is ${profile.type}.${dates} No preview for this step.` };
    return { before, after: null, note: `${profile.name} is ${profile.type}: this step applies to numbers.` };
  }
  switch (s.step) {
    case 'impute': {
      const fill =
        s.strategy === 'constant' ? (typeof s.value === 'number' ? s.value : null) : s.strategy === 'mean' ? profile.mean : s.strategy === 'median' ? profile.median : typeof profile.top[0]?.value === 'number' ? (profile.top[0].value as number) : null;
      const total = before.count + before.missing;
      const mean = fill === null || before.mean === null ? null : total === 0 ? null : (before.mean * before.count + fill * before.missing) / total;
      const lo = before.missing > 0 && fill !== null && before.min !== null ? Math.min(before.min, fill) : before.min;
      const hi = before.missing > 0 && fill !== null && before.max !== null ? Math.max(before.max, fill) : before.max;
      const indicator = s.indicator ? ' A 0/1 feature records which values were missing.' : '';
      const what = s.strategy === 'constant' ? (fill === null ? 'the constant' : formatFill(fill)) : `the ${s.strategy === 'mode' ? 'most frequent value' : s.strategy}${fill === null ? '' : ` (${formatFill(fill)} on all rows)`}`;
      const takes =
        before.missing > 0
          ? `The ${before.missing.toLocaleString('en-US')} missing values take ${what}.`
          : `No value is missing here; values missing in new rows will take ${what}.`;
      return { before, after: { count: total, missing: 0, mean, min: lo, max: hi }, note: `${takes}${indicator}` };
    }
    case 'log':
      return {
        before,
        after: { ...before, mean: null, min: before.min === null ? null : Math.log1p(before.min), max: before.max === null ? null : Math.log1p(before.max) },
        note: 'ln(1 + x) keeps the order of the values and pulls in the long right tail; the mean after it is not known from the summary.',
      };
    case 'clip': {
      const lowKey = QUARTILES[s.lower as number];
      const highKey = QUARTILES[s.upper as number];
      const lo = lowKey ? (profile[lowKey] as number | null) : null;
      const hi = highKey ? (profile[highKey] as number | null) : null;
      return {
        before,
        after: { ...before, mean: null, min: lo, max: hi },
        note: `Values below percentile ${s.lower} and above percentile ${s.upper} are set to those percentiles${lowKey && highKey ? '' : ' (shown when they are quartiles; otherwise computed in training)'}.`,
      };
    }
    case 'scale': {
      if (before.mean === null) return { before, after: null, note: 'No values to scale.' };
      if (s.method === 'standard') {
        const n = before.count;
        const sd = profile.std === null || n < 2 ? 0 : profile.std * Math.sqrt((n - 1) / n);
        const scale = sd > 0 ? sd : 1;
        return { before, after: { ...before, mean: 0, min: affine(before.min, before.mean, scale), max: affine(before.max, before.mean, scale) }, note: 'Centred on the mean and divided by the standard deviation: mean 0, standard deviation 1.' };
      }
      if (s.method === 'minmax') {
        const lo = before.min ?? 0;
        const range = (before.max ?? lo) - lo;
        const scale = range > 0 ? range : 1;
        return { before, after: { ...before, mean: affine(before.mean, lo, scale), min: affine(before.min, lo, scale), max: affine(before.max, lo, scale) }, note: 'Shifted and stretched to run from 0 (the minimum) to 1 (the maximum).' };
      }
      const median = profile.median ?? 0;
      const iqr = (profile.q75 ?? 0) - (profile.q25 ?? 0);
      const scale = iqr > 0 ? iqr : 1;
      return { before, after: { ...before, mean: affine(before.mean, median, scale), min: affine(before.min, median, scale), max: affine(before.max, median, scale) }, note: 'Centred on the median and divided by the interquartile range: outliers weigh less than with a z-score.' };
    }
    default:
      return { before, after: null, note: `A "${String(s.step)}" step: no preview for this kind.` };
  }
}

/**
 * Editing a feature recipe (src/core/recipe/recipe.ts) as the Train step does it: pure
 * operations that return a new recipe. The kinds with a form here are the `KNOWN_KINDS`; any
 * other kind the engine accepts (`STEP_KINDS`, which grows with the engine) is kept as it is,
 * its columns picked like any step's and its other settings edited as JSON.
 */
import { DEFAULT_BINS, DEFAULT_SMOOTHING, DEFAULT_TARGET_FOLDS, STEP_KINDS, type CombineOp, type Recipe, type RecipeStep } from '../../core/recipe/recipe';

export const KNOWN_KINDS = ['impute', 'log', 'clip', 'scale', 'oneHot', 'ordinal', 'targetEncode', 'bin', 'dateParts', 'combine', 'drop'] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

/** Every kind the engine accepts, those with a form first. */
export const ALL_KINDS: readonly string[] = [...KNOWN_KINDS, ...(STEP_KINDS as readonly string[]).filter((k) => !(KNOWN_KINDS as readonly string[]).includes(k))];

/** What each kind does, in a few words (the "Add step" menu and the step cards). */
export const KIND_WORDS: Record<KnownKind, { label: string; help: string }> = {
  impute: { label: 'Impute missing values', help: 'Fill missing values from the training rows (mean, median, most frequent) or a constant.' },
  log: { label: 'Log transform', help: 'ln(1 + x): tames long right tails such as incomes or amounts (values must be above −1).' },
  clip: { label: 'Clip outliers', help: 'Cap values at percentiles of the training rows, e.g. 1st and 99th.' },
  scale: { label: 'Scale', help: 'Put numbers on a comparable scale: standard (z-score), min–max or robust (median, IQR).' },
  oneHot: { label: 'One-hot encode', help: 'One 0/1 feature per frequent category, plus "other"; needed for categorical columns.' },
  ordinal: { label: 'Ordinal encode', help: 'Each category becomes a number 0, 1, …: in an order you give, or most frequent first.' },
  targetEncode: { label: 'Target encode', help: 'Each category becomes its smoothed target mean, fitted out-of-fold so it cannot leak.' },
  bin: { label: 'Bin', help: 'Numbers become a bin index 0, 1, …: equal-count (quantile) or equal-width bins of the training rows.' },
  dateParts: { label: 'Date parts', help: 'A date becomes its year, month, day of month, day of week or days since a reference date.' },
  combine: { label: 'Combine two columns', help: 'A new column from two numeric columns: sum, difference, product or ratio.' },
  drop: { label: 'Drop columns', help: 'Leave the columns out of the model.' },
};

export function isKnownKind(kind: unknown): kind is KnownKind {
  return typeof kind === 'string' && (KNOWN_KINDS as readonly string[]).includes(kind);
}

/** A new step of a kind with the contract's usual settings (a kind without a form: just its columns). */
export function newStep(kind: string, columns: string[] = []): RecipeStep {
  switch (kind) {
    case 'impute':
      return { step: 'impute', columns, strategy: 'median', indicator: true };
    case 'log':
      return { step: 'log', columns };
    case 'clip':
      return { step: 'clip', columns, lower: 1, upper: 99 };
    case 'scale':
      return { step: 'scale', columns, method: 'standard' };
    case 'oneHot':
      return { step: 'oneHot', columns, top: 20 };
    case 'ordinal':
      return { step: 'ordinal', columns };
    case 'targetEncode':
      return { step: 'targetEncode', columns, smoothing: DEFAULT_SMOOTHING, folds: DEFAULT_TARGET_FOLDS };
    case 'bin':
      return { step: 'bin', columns, bins: DEFAULT_BINS, strategy: 'quantile' };
    case 'dateParts':
      return { step: 'dateParts', columns, parts: ['year', 'month', 'dayOfWeek'] };
    case 'combine':
      return { step: 'combine', columns: columns.slice(0, 2) as [string, string], op: '/', name: columns.length === 2 ? `${columns[0]}_per_${columns[1]}` : '' };
    case 'drop':
      return { step: 'drop', columns };
    default:
      return { step: kind, columns } as unknown as RecipeStep;
  }
}

/** The same columns under another kind (with that kind's usual settings). */
export function changeKind(step: RecipeStep, kind: string): RecipeStep {
  return step.step === kind ? step : newStep(kind, [...stepColumns(step)]);
}

/** A step's columns ([] when a step of an unknown kind has none). */
export function stepColumns(step: RecipeStep): readonly string[] {
  const columns = (step as { columns?: unknown }).columns;
  return Array.isArray(columns) ? columns.filter((c): c is string => typeof c === 'string') : [];
}

export function addStep(recipe: Recipe, step: RecipeStep): Recipe {
  return { ...recipe, steps: [...recipe.steps, step] };
}

export function replaceStep(recipe: Recipe, index: number, step: RecipeStep): Recipe {
  return { ...recipe, steps: recipe.steps.map((s, i) => (i === index ? step : s)) };
}

export function removeStep(recipe: Recipe, index: number): Recipe {
  return { ...recipe, steps: recipe.steps.filter((_, i) => i !== index) };
}

/** Moves step `index` by `delta` places (−1 = up); out-of-range moves leave the recipe as it is. */
export function moveStep(recipe: Recipe, index: number, delta: number): Recipe {
  const to = index + delta;
  if (index < 0 || index >= recipe.steps.length || to < 0 || to >= recipe.steps.length || delta === 0) return recipe;
  const steps = [...recipe.steps];
  const [moved] = steps.splice(index, 1);
  steps.splice(to, 0, moved);
  return { ...recipe, steps };
}

/** The recipe without some columns (e.g. newly excluded ones): removed from every step, emptied steps dropped. */
export function withoutColumns(recipe: Recipe, columns: readonly string[]): Recipe {
  const gone = new Set(columns);
  if (gone.size === 0) return recipe;
  let changed = false;
  const steps: RecipeStep[] = [];
  for (const s of recipe.steps) {
    const cols = stepColumns(s);
    const kept = cols.filter((c) => !gone.has(c));
    if (kept.length === cols.length) {
      steps.push(s);
      continue;
    }
    changed = true;
    if (kept.length > 0) steps.push({ ...s, columns: kept } as RecipeStep);
  }
  return changed ? { ...recipe, steps } : recipe;
}

/** JSON with object keys sorted, so that equal recipes give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A short fingerprint of a recipe (FNV-1a, 32 bits, of its canonical JSON) to tell runs' recipes apart. */
export function recipeHash(recipe: Recipe): string {
  const text = canonicalJson(recipe);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** "5 steps", "1 step", "no steps". */
export function stepCount(recipe: Recipe): string {
  const n = recipe.steps.length;
  return n === 0 ? 'no steps' : n === 1 ? '1 step' : `${n} steps`;
}

/** How a combine step's operation reads. */
export const OP_SYMBOL: Record<CombineOp, string> = { '+': '+', '-': '−', '*': '×', '/': '÷' };

/** What a step does, in plain words (e.g. "median, with a missing indicator"). */
export function stepWords(step: RecipeStep): string {
  const s = step as RecipeStep & Record<string, unknown>;
  switch (s.step) {
    case 'impute':
      return s.strategy === 'constant'
        ? `fill with ${JSON.stringify(s.value)}${s.indicator ? ', with a missing indicator' : ''}`
        : `fill with the ${s.strategy === 'mode' ? 'most frequent value' : s.strategy}${s.indicator ? ', with a missing indicator' : ''}`;
    case 'log':
      return 'ln(1 + x)';
    case 'clip':
      return `cap at percentiles ${s.lower} and ${s.upper} of the training rows`;
    case 'scale':
      return s.method === 'standard' ? 'z-score (mean 0, std 1)' : s.method === 'minmax' ? 'to the range 0–1' : 'robust: (x − median) / IQR';
    case 'oneHot':
      return `top ${s.top ?? 20} categories + "other"`;
    case 'ordinal':
      return Array.isArray(s.order) && s.order.length > 0 ? `codes 0–${s.order.length - 1} in the given order; others −1` : 'codes 0, 1, … most frequent first; others −1';
    case 'targetEncode':
      return `smoothed target mean (m = ${s.smoothing ?? DEFAULT_SMOOTHING}), out-of-fold in ${s.folds ?? DEFAULT_TARGET_FOLDS} folds`;
    case 'bin':
      return `${s.bins ?? DEFAULT_BINS} ${s.strategy === 'uniform' ? 'equal-width' : 'equal-count'} bins`;
    case 'dateParts':
      return Array.isArray(s.parts) && s.parts.length > 0 ? `→ ${s.parts.join(', ')}` : 'choose the parts';
    case 'combine': {
      const [left, right] = stepColumns(step);
      return `${s.name || 'new column'} = ${left ?? 'left'} ${OP_SYMBOL[s.op as CombineOp] ?? String(s.op)} ${right ?? 'right'}`;
    }
    case 'drop':
      return 'left out of the model';
    default:
      return 'settings as JSON below';
  }
}

/**
 * Columns that steps before `index` create: a step's `name` (e.g. `combine`) and, for a step with
 * `parts` (e.g. `dateParts`), `<column>__<part>` for each of its columns.
 */
export function createdColumns(recipe: Recipe, index: number): string[] {
  const out: string[] = [];
  for (const s of recipe.steps.slice(0, index)) {
    const step = s as unknown as Record<string, unknown>;
    if (typeof step.name === 'string' && step.name.trim() !== '') out.push(step.name);
    if (Array.isArray(step.parts)) for (const c of stepColumns(s)) for (const part of step.parts) if (typeof part === 'string') out.push(`${c}__${part}`);
  }
  return out;
}

export interface ColumnKind {
  name: string;
  type: string;
}

/**
 * What would make a step fail or surprise, before training: columns that do not exist, the
 * target or excluded columns, a transform on a column of the wrong type.
 */
export function stepProblems(step: RecipeStep, columns: readonly ColumnKind[], target: string | null, excluded: readonly string[], created: readonly string[] = []): string[] {
  const problems: string[] = [];
  const types = new Map(columns.map((c) => [c.name, c.type]));
  for (const c of created) if (!types.has(c)) types.set(c, 'numeric');
  const out = new Set(excluded);
  const cols = stepColumns(step);
  if (cols.length === 0) problems.push('Choose at least one column.');
  for (const c of cols) {
    const type = types.get(c);
    if (type === undefined) problems.push(`'${c}' is not a column of this dataset.`);
    else if (c === target) problems.push(`'${c}' is the target: it cannot be a feature.`);
    else if (out.has(c)) problems.push(`'${c}' is excluded: remove it here or include it again.`);
    else if (step.step === 'oneHot' && type !== 'categorical') problems.push(`'${c}' is ${type}; one-hot encoding is for categorical columns.`);
    else if ((step.step === 'log' || step.step === 'clip' || step.step === 'scale') && (type === 'categorical' || type === 'text')) {
      problems.push(`'${c}' is ${type}; ${step.step} works on numbers.`);
    } else if (step.step === 'impute' && type === 'categorical' && (step.strategy === 'mean' || step.strategy === 'median')) {
      problems.push(`'${c}' is categorical: impute it with the most frequent value or a constant.`);
    } else if ((step.step === 'ordinal' || step.step === 'targetEncode') && type !== 'categorical') {
      problems.push(`'${c}' is ${type}; ${step.step === 'ordinal' ? 'ordinal' : 'target'} encoding is for categorical columns.`);
    } else if ((step.step === 'bin' || step.step === 'combine') && (type === 'categorical' || type === 'text')) {
      problems.push(`'${c}' is ${type}; ${step.step} works on numbers.`);
    } else if (step.step === 'dateParts' && type !== 'datetime') {
      problems.push(`'${c}' is ${type}; date parts are for datetime columns.`);
    }
  }
  if (step.step === 'combine') {
    if (cols.length !== 2) problems.push('Choose exactly two columns: left, then right.');
    if (typeof step.name !== 'string' || step.name.trim() === '') problems.push('Name the new column.');
    else if (types.has(step.name)) problems.push(`A column '${step.name}' exists already: choose another name.`);
  }
  if (step.step === 'dateParts') {
    if (!Array.isArray(step.parts) || step.parts.length === 0) problems.push('Choose at least one part.');
    else if (step.parts.includes('daysSince') && !/^\d{4}-\d{2}-\d{2}$/.test(step.reference ?? '')) problems.push('Days since needs a reference date, YYYY-MM-DD.');
  }
  return problems;
}

/**
 * Editing a feature recipe (src/core/recipe/recipe.ts) as the Train step does it: pure
 * operations that return a new recipe. The kinds with a form here are the `KNOWN_KINDS`; any
 * other kind the engine accepts (`STEP_KINDS`, which grows with the engine) is kept as it is,
 * its columns picked like any step's and its other settings edited as JSON.
 */
import { STEP_KINDS, type Recipe, type RecipeStep } from '../../core/recipe/recipe';

export const KNOWN_KINDS = ['impute', 'log', 'clip', 'scale', 'oneHot', 'drop'] as const;
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
    }
  }
  return problems;
}

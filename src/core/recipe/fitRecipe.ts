/**
 * Fits a recipe on the training rows: steps run in order, each fitted on the values the earlier
 * steps produced (e.g. scaling after imputation sees imputed values). Definitions follow
 * scikit-learn's transformers: SimpleImputer (mean, median = numpy median, most_frequent with
 * ties to the smallest value, constant), StandardScaler (population std; a zero std scales by 1),
 * MinMaxScaler, RobustScaler (median, IQR with numpy-linear quartiles), OneHotEncoder with the
 * `top` most frequent categories and one "other" column (max_categories = top + 1: among equal
 * counts scikit-learn keeps the larger values, and so does this).
 */
import { closestName } from '../data/columnLookup';
import { numberAt, textAt } from '../data/modelEncoding';
import type { Column, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { quantileSorted } from '../stats/quantile';
import { featureNamesOf, type CategoricalInput, type FittedRecipe, type NumericInput, type RecipeInput } from './fittedRecipe';
import type { Recipe, RecipeStep } from './recipe';

export interface FitOptions {
  /** Training rows (table row indices). */
  rows: Uint32Array;
  /** Columns that are never features: the target, --exclude. */
  exclude: readonly string[];
  /** Named in messages. */
  source?: string;
}

interface NumericState {
  input: NumericInput;
  values: Float64Array;
}

interface CategoricalState {
  input: CategoricalInput;
  values: (string | null)[];
  encoded: boolean;
}

type State = NumericState | CategoricalState;

export function fitRecipe(table: Table, recipe: Recipe, options: FitOptions): FittedRecipe {
  const excluded = new Set(options.exclude);
  const dropped = new Set<string>();
  const names = table.columns.map((c) => c.name);
  recipe.steps.forEach((step, i) => {
    for (const name of step.columns) {
      if (!names.includes(name)) {
        const hint = closestName(name, names);
        throw new InputError(`recipe step ${i + 1} (${step.step}): column '${name}' not found${options.source ? ` in ${options.source}` : ''}` + (hint ? ` (did you mean '${hint}'?)` : ''));
      }
      if (excluded.has(name)) throw new InputError(`recipe step ${i + 1} (${step.step}): '${name}' is the target or excluded, not a feature`);
    }
    if (step.step === 'drop') step.columns.forEach((c) => dropped.add(c));
  });

  const states = new Map<string, State>();
  for (const column of table.columns) {
    if (excluded.has(column.name) || dropped.has(column.name) || column.type === 'text') continue;
    states.set(column.name, initialState(column, options.rows));
  }

  recipe.steps.forEach((step, i) => {
    if (step.step === 'drop') return;
    for (const name of step.columns) {
      const state = states.get(name);
      if (!state) {
        const column = table.columns.find((c) => c.name === name)!;
        throw new InputError(
          `recipe step ${i + 1} (${step.step}): column '${name}' is ${dropped.has(name) ? 'dropped by the recipe' : `${column.type} text, which is never a feature (change its type to categorical to encode it)`}`,
        );
      }
      applyStep(step, state, `recipe step ${i + 1} (${step.step})`);
    }
  });

  const inputs: RecipeInput[] = [];
  for (const state of states.values()) {
    if (state.input.kind === 'categorical') {
      if (!(state as CategoricalState).encoded) {
        throw new InputError(`column '${state.input.column}' is categorical: add a oneHot step for it, or drop it`);
      }
    } else if ((state as NumericState).values.some(Number.isNaN)) {
      throw new InputError(
        `column '${state.input.column}' has missing values in the training rows: add an impute step for it (the default recipe imputes the median)`,
      );
    }
    inputs.push(state.input);
  }
  if (inputs.length === 0) throw new InputError('the recipe leaves no feature to train on');
  const features: string[] = [];
  const featureSources: string[] = [];
  for (const input of inputs) {
    for (const f of featureNamesOf(input)) {
      features.push(f);
      featureSources.push(input.column);
    }
  }
  return { recipe, inputs, features, featureSources };
}

function initialState(column: Column, rows: Uint32Array): State {
  if (column.type === 'categorical') {
    const values = Array.from(rows, (r) => {
      const t = textAt(column, r);
      return t === '' ? null : t;
    });
    return { input: { kind: 'categorical', column: column.name, impute: null, categories: [] }, values, encoded: false };
  }
  const values = Float64Array.from(rows, (r) => numberAt(column, r));
  const columnType = column.type === 'boolean' || column.type === 'datetime' ? column.type : 'numeric';
  return { input: { kind: 'numeric', column: column.name, columnType, indicator: false, ops: [] }, values };
}

function applyStep(step: RecipeStep, state: State, where: string): void {
  if (state.input.kind === 'categorical') {
    applyCategorical(step, state as CategoricalState, where);
    return;
  }
  const s = state as NumericState;
  const values = s.values;
  const present = () => sortedPresent(values);
  switch (step.step) {
    case 'impute': {
      let value: number;
      if (step.strategy === 'constant') {
        if (typeof step.value !== 'number') throw new InputError(`${where}: column '${s.input.column}' is numeric; the constant must be a number`);
        value = step.value;
      } else {
        const sorted = present();
        if (sorted.length === 0) throw new InputError(`${where}: column '${s.input.column}' has no values in the training rows to impute from`);
        value = step.strategy === 'mean' ? mean(sorted) : step.strategy === 'median' ? quantileSorted(sorted, 0.5) : mode(sorted);
      }
      if (step.indicator) {
        if (s.input.ops.length > 0) throw new InputError(`${where}: the missing indicator of '${s.input.column}' must come from its first step`);
        s.input.indicator = true;
      }
      s.input.ops.push({ op: 'impute', value });
      for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) values[i] = value;
      return;
    }
    case 'log': {
      for (let i = 0; i < values.length; i++) {
        if (values[i] <= -1) throw new InputError(`${where}: column '${s.input.column}' has the value ${values[i]}; log(1 + x) needs values above −1`);
      }
      s.input.ops.push({ op: 'log' });
      for (let i = 0; i < values.length; i++) values[i] = Math.log1p(values[i]);
      return;
    }
    case 'clip': {
      const sorted = present();
      if (sorted.length === 0) throw new InputError(`${where}: column '${s.input.column}' has no values in the training rows`);
      const lower = quantileSorted(sorted, step.lower / 100);
      const upper = quantileSorted(sorted, step.upper / 100);
      s.input.ops.push({ op: 'clip', lower, upper });
      for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) values[i] = Math.min(upper, Math.max(lower, values[i]));
      return;
    }
    case 'scale': {
      const sorted = present();
      if (sorted.length === 0) throw new InputError(`${where}: column '${s.input.column}' has no values in the training rows`);
      let center: number;
      let scale: number;
      if (step.method === 'standard') {
        center = mean(sorted);
        let ss = 0;
        for (const v of sorted) ss += (v - center) * (v - center);
        scale = Math.sqrt(ss / sorted.length);
      } else if (step.method === 'minmax') {
        center = sorted[0];
        scale = sorted[sorted.length - 1] - sorted[0];
      } else {
        center = quantileSorted(sorted, 0.5);
        scale = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
      }
      if (!(scale > 0)) scale = 1;
      s.input.ops.push({ op: 'scale', center, scale });
      for (let i = 0; i < values.length; i++) values[i] = (values[i] - center) / scale;
      return;
    }
    case 'oneHot':
      throw new InputError(`${where}: column '${s.input.column}' is ${s.input.columnType}; oneHot encodes categorical columns (change its type to categorical first)`);
    case 'drop':
      return;
  }
}

function applyCategorical(step: RecipeStep, state: CategoricalState, where: string): void {
  const column = state.input.column;
  if (state.encoded) throw new InputError(`${where}: column '${column}' is already one-hot encoded by an earlier step`);
  switch (step.step) {
    case 'impute': {
      if (step.strategy !== 'mode' && step.strategy !== 'constant') {
        throw new InputError(`${where}: column '${column}' is categorical; impute it with mode or constant`);
      }
      if (step.indicator) throw new InputError(`${where}: missing indicators are for numeric columns ('${column}' is categorical)`);
      const value = step.strategy === 'constant' ? String(step.value) : categoricalMode(state.values);
      if (value === null) throw new InputError(`${where}: column '${column}' has no values in the training rows to impute from`);
      state.input.impute = value;
      for (let i = 0; i < state.values.length; i++) if (state.values[i] === null) state.values[i] = value;
      return;
    }
    case 'oneHot': {
      const counts = countValues(state.values);
      const top = step.top ?? 20;
      state.input.categories = [...counts.entries()]
        // as OneHotEncoder(max_categories=top + 1): among equal counts the larger values are kept
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
        .slice(0, top)
        .map(([v]) => v);
      state.encoded = true;
      return;
    }
    default:
      throw new InputError(`${where}: column '${column}' is categorical; ${step.step} needs numbers`);
  }
}

function sortedPresent(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v)).sort();
}

/** Mean by summing in sorted order (as the values come); numpy's pairwise sum agrees to ~1e-15 relative. */
function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Most frequent value of sorted numbers; ties go to the smallest (scikit-learn's most_frequent). */
function mode(sorted: Float64Array): number {
  let best = sorted[0];
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

function countValues(values: (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

function categoricalMode(values: (string | null)[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, c] of countValues(values)) {
    if (c > bestCount || (c === bestCount && best !== null && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

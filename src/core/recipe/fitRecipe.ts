/**
 * Fits a recipe on the training rows: steps run in order, each fitted on the values the earlier
 * steps produced (e.g. scaling after imputation sees imputed values). The recipe's columns start
 * as the table's columns (in table order, leaving out the target, excluded and text columns);
 * `combine` appends a column, `dateParts` puts its parts in the date's place, `drop` removes a
 * column from then on. Each step's fitting is in steps/<step>.ts; the definitions follow
 * scikit-learn's transformers (see there).
 *
 * `fitRecipeForTraining` also returns the training rows' features as the fit produced them: the
 * same numbers applyRecipe computes for those rows (the same element-wise operations,
 * operations.ts), except that targetEncode's columns hold out-of-fold encodings
 * (steps/targetEncode.ts), so that a row's own target never shapes its training features. Train
 * on these; score any other rows with applyRecipe (which uses the mapping fitted on all
 * training rows).
 */
import { closestName } from '../data/columnLookup';
import { float32At, textAt } from '../data/modelEncoding';
import type { Column, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { featureNamesOf, sourceInput, sourceRefs, type FittedColumn, type FittedRecipe, type RecipeInput } from './fittedRecipe';
import { checkRecipe, type Recipe, type RecipeStep } from './recipe';
import { fitBin } from './steps/bin';
import { fitClip } from './steps/clip';
import { fitCombine } from './steps/combine';
import { datePartName, fitDateParts } from './steps/dateParts';
import { fitImpute } from './steps/impute';
import { fitLog } from './steps/log';
import { fitOneHot } from './steps/oneHot';
import { fitOrdinal } from './steps/ordinal';
import { fitScale } from './steps/scale';
import { fitTargetEncode } from './steps/targetEncode';
import { nameOf, type StepContext, type WorkingColumn } from './steps/workingColumn';

/** The target on the training rows (aligned with `rows`): 0/1 labels (1 = positive) or values. */
export interface TrainingTarget {
  task: 'classification' | 'regression';
  values: ArrayLike<number>;
}

export interface FitOptions {
  /** Training rows (table row indices). */
  rows: Uint32Array;
  /** Columns that are never features: the target, --exclude. */
  exclude: readonly string[];
  /** Named in messages. */
  source?: string;
  /** Needed by targetEncode steps. */
  target?: TrainingTarget;
  /** Seeds targetEncode's out-of-fold split (default 42, the training default). */
  seed?: number;
}

export interface FittedTraining {
  fitted: FittedRecipe;
  /** One Float64Array per feature (in `fitted.features` order), one value per training row (in `rows` order). */
  features: Float64Array[];
}

interface Entry {
  state: WorkingColumn;
  /** Why later steps cannot use the column any more (null while they can). */
  gone: string | null;
}

export function fitRecipe(table: Table, recipe: Recipe, options: FitOptions): FittedRecipe {
  return fitRecipeForTraining(table, recipe, options).fitted;
}

export function fitRecipeForTraining(table: Table, recipe: Recipe, options: FitOptions): FittedTraining {
  const entries = fitSteps(table, recipe, options, recipe.steps.length);
  for (const { state, gone } of entries) {
    if (gone) continue;
    if (state.kind === 'categorical') {
      throw new InputError(`column '${state.name}' is categorical: add a oneHot, ordinal or targetEncode step for it, or drop it`);
    }
    if (state.kind === 'numeric' && state.values.some(Number.isNaN)) {
      const name = state.fitted.name;
      const division = state.fitted.source.from === 'combine' && state.fitted.source.op === '/' ? ' (a division by zero is missing)' : '';
      throw new InputError(`column '${name}' has missing values in the training rows${division}: add an impute step for it (the default recipe imputes the median)`);
    }
  }
  return assemble(table, recipe, entries);
}

/** One column around one step, as fitted on the training rows: its working state before the step and what the step made of it. */
export interface StepTrace {
  /** Null when the column does not exist before the step (a name the step creates). */
  before: WorkingColumn | null;
  /** The column after the step, or the columns the step made from it (combine, dateParts); empty for drop. */
  after: WorkingColumn[];
}

/**
 * Fits the recipe's steps up to and including step `step` (0-based) on the training rows, exactly
 * as training does, and returns `column` just before and after that step. Later steps are not
 * looked at, and nothing is required of the columns yet (a categorical column may still be
 * unencoded), so a recipe under construction can be previewed step by step.
 */
export function traceStep(table: Table, recipe: Recipe, options: FitOptions, step: number, column: string): StepTrace {
  if (!Number.isInteger(step) || step < 0 || step >= recipe.steps.length) throw new InputError(`the recipe has no step ${step + 1}`);
  const s = recipe.steps[step];
  const makes = s.step === 'combine' ? [s.name] : [];
  if (!s.columns.includes(column) && !makes.includes(column)) throw new InputError(`recipe step ${step + 1} (${s.step}) does not use column '${column}'`);
  let before: WorkingColumn | null = null;
  const entries = fitSteps(table, recipe, options, step + 1, (byName) => {
    before = byName.get(column)?.state ?? null;
  });
  const find = (name: string) => entries.find((e) => nameOf(e.state) === name)?.state;
  let after: WorkingColumn[];
  switch (s.step) {
    case 'drop':
      after = [];
      break;
    case 'combine':
      after = [find(s.name)!];
      break;
    case 'dateParts':
      after = s.parts.map((part) => find(datePartName(column, part))!);
      break;
    default:
      after = [find(column)!];
  }
  return { before, after };
}

/** Fits steps 0 … count − 1; `beforeLast` sees the columns just before the last of them. */
function fitSteps(table: Table, whole: Recipe, options: FitOptions, count: number, beforeLast?: (byName: ReadonlyMap<string, Entry>) => void): Entry[] {
  checkRecipe(whole);
  const recipe: Recipe = { ...whole, steps: whole.steps.slice(0, count) };
  const excluded = new Set(options.exclude);
  const tableColumns = new Map(table.columns.map((c) => [c.name, c]));
  const createdAt = createdNames(whole);
  recipe.steps.forEach((step, i) => {
    for (const name of step.columns) {
      if (createdAt.has(name)) continue;
      if (!tableColumns.has(name)) {
        const hint = closestName(name, [...tableColumns.keys(), ...createdAt.keys()]);
        throw new InputError(`recipe step ${i + 1} (${step.step}): column '${name}' not found${options.source ? ` in ${options.source}` : ''}` + (hint ? ` (did you mean '${hint}'?)` : ''));
      }
      if (excluded.has(name)) throw new InputError(`recipe step ${i + 1} (${step.step}): '${name}' is the target or excluded, not a feature`);
    }
  });

  const entries: Entry[] = [];
  const byName = new Map<string, Entry>();
  for (const column of table.columns) {
    if (excluded.has(column.name) || column.type === 'text') continue;
    const entry: Entry = { state: initialState(column, options.rows), gone: null };
    entries.push(entry);
    byName.set(column.name, entry);
  }

  recipe.steps.forEach((step, i) => {
    if (i === count - 1) beforeLast?.(byName);
    const ctx: StepContext = {
      where: `recipe step ${i + 1} (${step.step})`,
      target: options.target,
      seed: options.seed ?? 42,
      typeOf: (name) => tableColumns.get(name)?.type ?? 'numeric',
    };
    const get = (name: string): Entry => {
      const entry = byName.get(name);
      if (!entry) {
        const column = tableColumns.get(name);
        if (column?.type === 'text') {
          throw new InputError(`${ctx.where}: column '${name}' is text, which is never a feature (change its type to categorical to encode it)`);
        }
        throw new InputError(`${ctx.where}: column '${name}' is created by a later step (step ${(createdAt.get(name) ?? 0) + 1})`);
      }
      if (entry.gone) throw new InputError(`${ctx.where}: column '${name}' ${entry.gone}`);
      return entry;
    };
    const add = (state: WorkingColumn, at: number) => {
      const name = nameOf(state);
      if (tableColumns.has(name) || byName.has(name)) throw new InputError(`${ctx.where}: a column '${name}' exists already; choose another name`);
      const entry: Entry = { state, gone: null };
      entries.splice(at, 0, entry);
      byName.set(name, entry);
    };
    switch (step.step) {
      case 'drop':
        for (const name of step.columns) {
          const entry = byName.get(name);
          if (entry) {
            if (!entry.gone) entry.gone = `was dropped by step ${i + 1}`;
          } else if (tableColumns.get(name)?.type !== 'text') {
            get(name); // a column a later step creates: say so
          }
        }
        return;
      case 'combine': {
        const [left, right] = step.columns.map((name) => get(name).state);
        add(fitCombine(step, left, right, ctx), entries.length);
        return;
      }
      case 'dateParts':
        for (const name of step.columns) {
          const entry = get(name);
          const parts = fitDateParts(step, entry.state, ctx);
          parts.forEach((part, k) => add(part, entries.indexOf(entry) + 1 + k));
          entry.gone = `was split into date parts by step ${i + 1}`;
        }
        return;
      default:
        for (const name of step.columns) {
          const entry = get(name);
          entry.state = fitColumnStep(step, entry.state, ctx);
        }
    }
  });
  return entries;
}

/** The fitted recipe and the training features from the final columns. */
function assemble(table: Table, recipe: Recipe, entries: Entry[]): FittedTraining {
  // keep the columns still in use, and the ones whose values a kept column reads
  const read = new Set<string>();
  const kept: { state: Exclude<WorkingColumn, { kind: 'categorical' }>; feature: boolean }[] = [];
  for (let j = entries.length - 1; j >= 0; j--) {
    const { state, gone } = entries[j];
    if (state.kind === 'categorical' || (gone && !read.has(state.fitted.name))) continue;
    kept.unshift({ state, feature: gone === null });
    for (const ref of sourceRefs(state.fitted)) read.add(ref.column);
  }
  const columns: FittedColumn[] = kept.map(({ state, feature }) => ({ ...state.fitted, feature }));

  const rawSources = new Map<string, Set<string>>();
  for (const column of columns) {
    const set = new Set<string>();
    const input = sourceInput(column);
    if (input !== null) set.add(input);
    for (const ref of sourceRefs(column)) for (const s of rawSources.get(ref.column) ?? []) set.add(s);
    rawSources.set(column.name, set);
  }
  const order = new Map(table.columns.map((c, i) => [c.name, i]));
  const inTableOrder = (names: Iterable<string>) => [...names].sort((a, b) => order.get(a)! - order.get(b)!);

  const features: string[] = [];
  const featureSources: string[][] = [];
  const values: Float64Array[] = [];
  kept.forEach(({ state, feature }, j) => {
    if (!feature) return;
    const names = featureNamesOf(columns[j]);
    const sources = inTableOrder(rawSources.get(columns[j].name)!);
    features.push(...names);
    for (let k = 0; k < names.length; k++) featureSources.push(sources);
    if (state.kind === 'oneHot') values.push(...state.values);
    else {
      values.push(state.values);
      if (state.missing) values.push(state.missing);
    }
  });
  if (features.length === 0) throw new InputError('the recipe leaves no feature to train on');
  const named = new Set<string>();
  for (const f of features) {
    if (named.has(f)) throw new InputError(`the recipe makes two features named '${f}': rename the column a step creates`);
    named.add(f);
  }

  const used = new Set<string>();
  for (const column of columns) {
    const input = sourceInput(column);
    if (input !== null) used.add(input);
  }
  const inputs: RecipeInput[] = inTableOrder(used).map((name) => ({
    column: name,
    columnType: table.columns[order.get(name)!].type as RecipeInput['columnType'],
  }));
  return { fitted: { recipe, inputs, columns, features, featureSources }, features: values };
}

function fitColumnStep(step: Exclude<RecipeStep, { step: 'drop' | 'combine' | 'dateParts' }>, state: WorkingColumn, ctx: StepContext): WorkingColumn {
  switch (step.step) {
    case 'impute':
      return fitImpute(step, state, ctx);
    case 'log':
      return fitLog(state, ctx);
    case 'clip':
      return fitClip(step, state, ctx);
    case 'scale':
      return fitScale(step, state, ctx);
    case 'oneHot':
      return fitOneHot(step, state, ctx);
    case 'ordinal':
      return fitOrdinal(step, state, ctx);
    case 'targetEncode':
      return fitTargetEncode(step, state, ctx);
    case 'bin':
      return fitBin(step, state, ctx);
  }
}

/** Names of the columns steps create, with the (0-based) step creating each. */
function createdNames(recipe: Recipe): Map<string, number> {
  const created = new Map<string, number>();
  recipe.steps.forEach((step, i) => {
    if (step.step === 'combine' && !created.has(step.name)) created.set(step.name, i);
    if (step.step === 'dateParts') {
      for (const c of step.columns) for (const p of step.parts) if (!created.has(datePartName(c, p))) created.set(datePartName(c, p), i);
    }
  });
  return created;
}

function initialState(column: Column, rows: Uint32Array): WorkingColumn {
  if (column.type === 'categorical') {
    const values = Array.from(rows, (r) => {
      const t = textAt(column, r);
      return t === '' ? null : t;
    });
    return { kind: 'categorical', name: column.name, impute: null, values };
  }
  return {
    kind: 'numeric',
    fitted: { kind: 'numeric', name: column.name, source: { from: 'input', column: column.name }, indicator: false, ops: [], feature: true },
    values: Float64Array.from(rows, (r) => float32At(column, r)),
    missing: null,
  };
}

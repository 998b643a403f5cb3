/**
 * A column while a recipe is being fitted: its fitted form so far and its values on the
 * training rows (the values the next step is fitted on). Step handlers (one file per step) take
 * working columns and return new ones; fitRecipe.ts keeps them in order.
 */
import { InputError } from '../../errors/errors';
import type { TrainingTarget } from '../fitRecipe';
import type { NumericColumn, OneHotColumn } from '../fittedRecipe';

/** A categorical input not encoded yet: its text per training row (null = missing). */
export interface CategoricalWorking {
  kind: 'categorical';
  name: string;
  impute: string | null;
  values: (string | null)[];
}

export interface NumericWorking {
  kind: 'numeric';
  fitted: NumericColumn;
  values: Float64Array;
  /** The indicator feature's training values (when `fitted.indicator`). */
  missing: Float64Array | null;
}

/** Encoded into several features; no step applies after it. */
export interface OneHotWorking {
  kind: 'oneHot';
  fitted: OneHotColumn;
  values: Float64Array[];
}

export type WorkingColumn = CategoricalWorking | NumericWorking | OneHotWorking;

export interface StepContext {
  /** "recipe step 3 (bin)", to start messages. */
  where: string;
  target: TrainingTarget | undefined;
  seed: number;
  /** The raw column type of an input column. */
  typeOf(column: string): string;
}

export function nameOf(column: WorkingColumn): string {
  return column.kind === 'categorical' ? column.name : column.fitted.name;
}

/** A new numeric column from a source, with its training values. */
export function numericWorking(fitted: Omit<NumericColumn, 'kind' | 'indicator' | 'ops' | 'feature'>, values: Float64Array): NumericWorking {
  return { kind: 'numeric', fitted: { kind: 'numeric', ...fitted, indicator: false, ops: [], feature: true }, values, missing: null };
}

/** The column as numbers, or an InputError saying why it is not (for steps that need numbers). */
export function requireNumeric(column: WorkingColumn, ctx: StepContext, what: string): NumericWorking {
  if (column.kind === 'numeric') return column;
  if (column.kind === 'oneHot') throw new InputError(`${ctx.where}: column '${column.fitted.name}' is one-hot encoded by an earlier step; ${what}`);
  throw new InputError(`${ctx.where}: column '${column.name}' is categorical; ${what} (encode it with ordinal or targetEncode first)`);
}

/** The column as a categorical input not encoded yet, or an InputError. */
export function requireCategorical(column: WorkingColumn, ctx: StepContext, step: string): CategoricalWorking {
  if (column.kind === 'categorical') return column;
  if (column.kind === 'oneHot') throw new InputError(`${ctx.where}: column '${column.fitted.name}' is already one-hot encoded by an earlier step`);
  const source = column.fitted.source;
  if (source.from === 'lookup') throw new InputError(`${ctx.where}: column '${column.fitted.name}' is already encoded by an earlier ${source.encoding === 'target' ? 'targetEncode' : 'ordinal'} step`);
  const type = source.from === 'input' ? ctx.typeOf(source.column) : 'numeric';
  throw new InputError(`${ctx.where}: column '${column.fitted.name}' is ${type}; ${step} encodes categorical columns (change its type to categorical first)`);
}

/** The column with `op` appended, holding `values` (the training values after it). */
export function withOp(column: NumericWorking, op: NumericColumn['ops'][number], values: Float64Array): NumericWorking {
  return { ...column, fitted: { ...column.fitted, ops: [...column.fitted.ops, op] }, values };
}

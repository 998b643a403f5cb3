/**
 * A recipe fitted on training rows. It is plain data — applied in memory (applyRecipe.ts) and
 * written into the ONNX graph (src/core/export/recipeGraph.ts) from the same parameters.
 *
 * - `inputs`: the raw columns the model takes (one ONNX input each), in table order.
 * - `columns`: the recipe's columns in order, each computed from the inputs and earlier columns:
 *   a numeric column is a source value (a numeric input, a categorical input looked up as a
 *   number, two columns combined, or a part of a date) followed by numeric operations; a one-hot
 *   column is a categorical input compared with its kept categories. A column with
 *   `feature: false` is only there because a later column uses its value (it was dropped or
 *   split into date parts after that).
 * - `features`, in order of the model's coefficients: per feature column, a numeric column's
 *   value then `<name>__missing` when an indicator was asked for; a one-hot column's
 *   `<col>=<category>` per kept category, then `<col>=other` (every other value, and missing
 *   values that were not imputed).
 */
import type { CombineOp, DatePart, Recipe } from './recipe';

export type NumericOp =
  | { op: 'impute'; value: number }
  | { op: 'log' }
  | { op: 'clip'; lower: number; upper: number }
  | { op: 'scale'; center: number; scale: number }
  /** Bin index = how many of the ascending `edges` (float32 values) are ≤ the value (as float32). */
  | { op: 'bin'; edges: number[] };

export interface RecipeInput {
  column: string;
  /** The raw column's type: how the model input is encoded (float; categorical: string). */
  columnType: 'numeric' | 'boolean' | 'datetime' | 'categorical';
}

/** The value of column `column` after its first `ops` operations. */
export interface ValueRef {
  column: string;
  ops: number;
}

/** A categorical input as a number: missing ('') becomes `impute` if set, then `keys[i]` → `values[i]`, anything else → `fallback`. */
export interface LookupSource {
  from: 'lookup';
  column: string;
  encoding: 'ordinal' | 'target';
  impute: string | null;
  keys: string[];
  values: number[];
  fallback: number;
}

export type ValueSource =
  | { from: 'input'; column: string }
  | LookupSource
  | { from: 'combine'; left: ValueRef; op: CombineOp; right: ValueRef }
  /** `reference`: days since 1970-01-01 of daysSince's reference date (null for the other parts). */
  | { from: 'datePart'; date: ValueRef; part: DatePart; reference: number | null };

export interface NumericColumn {
  kind: 'numeric';
  name: string;
  source: ValueSource;
  /** A 0/1 feature `<name>__missing`: whether the source value was missing. */
  indicator: boolean;
  ops: NumericOp[];
  feature: boolean;
}

export interface OneHotColumn {
  kind: 'oneHot';
  /** The categorical input. */
  name: string;
  /** The value missing cells take before encoding (null: missing goes to "other"). */
  impute: string | null;
  /** Kept categories, most frequent first; every other value is "other". */
  categories: string[];
  feature: boolean;
}

export type FittedColumn = NumericColumn | OneHotColumn;

export interface FittedRecipe {
  recipe: Recipe;
  inputs: RecipeInput[];
  columns: FittedColumn[];
  /** Names of the features, in the order of the model's coefficients. */
  features: string[];
  /** For each feature, the raw columns it derives from (one, or more for a combined column), in table order. */
  featureSources: string[][];
}

export function featureNamesOf(column: FittedColumn): string[] {
  if (column.kind === 'numeric') return column.indicator ? [column.name, `${column.name}__missing`] : [column.name];
  return [...column.categories.map((c) => `${column.name}=${c}`), `${column.name}=other`];
}

/** The columns a column's source value reads (besides inputs). */
export function sourceRefs(column: FittedColumn): ValueRef[] {
  if (column.kind === 'oneHot') return [];
  const s = column.source;
  return s.from === 'combine' ? [s.left, s.right] : s.from === 'datePart' ? [s.date] : [];
}

/** The input a column's source value reads directly, if any. */
export function sourceInput(column: FittedColumn): string | null {
  if (column.kind === 'oneHot') return column.name;
  const s = column.source;
  return s.from === 'input' || s.from === 'lookup' ? s.column : null;
}

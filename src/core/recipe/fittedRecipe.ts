/**
 * A recipe fitted on training rows: for each raw column used, the chain of operations with their
 * fitted parameters. It is plain data — applied in memory (applyRecipe.ts) and written into the
 * ONNX graph (src/core/export/recipeGraph.ts) from the same parameters.
 *
 * Features, in order, per input column: numeric → the transformed value, then `<col>__missing`
 * when an indicator was asked for; categorical → `<col>=<category>` per kept category, then
 * `<col>=other` (every other value, and missing values that were not imputed).
 */
import type { Recipe } from './recipe';

export type NumericOp =
  | { op: 'impute'; value: number }
  | { op: 'log' }
  | { op: 'clip'; lower: number; upper: number }
  | { op: 'scale'; center: number; scale: number };

export interface NumericInput {
  kind: 'numeric';
  column: string;
  /** The raw column's type (numeric, boolean, datetime): how the model input is encoded. */
  columnType: 'numeric' | 'boolean' | 'datetime';
  /** A 0/1 feature telling whether the raw value was missing. */
  indicator: boolean;
  ops: NumericOp[];
}

export interface CategoricalInput {
  kind: 'categorical';
  column: string;
  /** The value missing cells take before encoding (null: missing goes to "other"). */
  impute: string | null;
  /** Kept categories, most frequent first; every other value is "other". */
  categories: string[];
}

export type RecipeInput = NumericInput | CategoricalInput;

export interface FittedRecipe {
  recipe: Recipe;
  /** Raw columns the model takes, in table order. */
  inputs: RecipeInput[];
  /** Names of the features, in the order of the model's coefficients. */
  features: string[];
  /** For each feature, the raw column it derives from. */
  featureSources: string[];
}

export function featureNamesOf(input: RecipeInput): string[] {
  if (input.kind === 'numeric') return input.indicator ? [input.column, `${input.column}__missing`] : [input.column];
  return [...input.categories.map((c) => `${input.column}=${c}`), `${input.column}=other`];
}

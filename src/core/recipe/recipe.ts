/**
 * A feature recipe: an ordered list of steps applied to the raw columns, saved as JSON with a
 * schema version. The same recipe is fitted on training rows only (inside each CV fold too),
 * applied in memory for training, and exported into the ONNX graph so that the model file
 * carries its own preprocessing (src/core/export).
 *
 * Version 1 steps:
 * - `impute`   numeric: mean | median | constant (`value`), optional `indicator` (a 0/1 column
 *              `<col>__missing` from the raw value); categorical/boolean: mode | constant.
 * - `log`      ln(1 + x) (values must stay > −1).
 * - `clip`     to the `lower`/`upper` percentiles (0–100, numpy-linear) of the training rows.
 * - `scale`    standard (mean, population std) | minmax | robust (median, IQR).
 * - `oneHot`   the `top` (default 20) most frequent categories + "other" (ties as scikit-learn).
 * - `drop`     remove columns from the features.
 * Columns not mentioned pass through: numbers as they are, booleans as 0/1, datetimes as days
 * since 1970-01-01 (the contract's encodings); categorical columns need a oneHot step; text
 * columns are never features.
 */
import { InputError } from '../errors/errors';

export const RECIPE_VERSION = 1;

export type RecipeStep =
  | { step: 'impute'; columns: string[]; strategy: 'mean' | 'median' | 'mode' | 'constant'; value?: number | string; indicator?: boolean }
  | { step: 'log'; columns: string[] }
  | { step: 'clip'; columns: string[]; lower: number; upper: number }
  | { step: 'scale'; columns: string[]; method: 'standard' | 'minmax' | 'robust' }
  | { step: 'oneHot'; columns: string[]; top?: number }
  | { step: 'drop'; columns: string[] };

export interface Recipe {
  version: number;
  steps: RecipeStep[];
}

const STEP_KINDS = ['impute', 'log', 'clip', 'scale', 'oneHot', 'drop'] as const;

/** Parse and check recipe JSON text; `source` names the file in messages. */
export function parseRecipe(text: string, source = 'the recipe'): Recipe {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source} is not valid JSON (${(e as Error).message})`);
  }
  return checkRecipe(json, source);
}

export function checkRecipe(json: unknown, source = 'the recipe'): Recipe {
  const fail = (why: string): never => {
    throw new InputError(`${source}: ${why}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('expected an object { "version": 1, "steps": [...] }');
  const { version, steps } = json as { version?: unknown; steps?: unknown };
  if (version !== RECIPE_VERSION) fail(`unsupported version ${JSON.stringify(version)} (this Glassbox reads version ${RECIPE_VERSION})`);
  if (!Array.isArray(steps)) fail('"steps" must be an array');
  (steps as unknown[]).forEach((s, i) => {
    const where = `step ${i + 1}`;
    if (typeof s !== 'object' || s === null) fail(`${where} must be an object`);
    const step = s as Record<string, unknown>;
    if (!STEP_KINDS.includes(step.step as (typeof STEP_KINDS)[number])) {
      fail(`${where}: unknown step ${JSON.stringify(step.step)} (expected one of ${STEP_KINDS.join(', ')})`);
    }
    if (!Array.isArray(step.columns) || step.columns.length === 0 || !step.columns.every((c) => typeof c === 'string')) {
      fail(`${where} (${String(step.step)}): "columns" must be a non-empty array of column names`);
    }
    if (step.step === 'impute' && !['mean', 'median', 'mode', 'constant'].includes(step.strategy as string)) {
      fail(`${where} (impute): "strategy" must be mean, median, mode or constant`);
    }
    if (step.step === 'impute' && step.strategy === 'constant' && step.value === undefined) fail(`${where} (impute): a constant needs "value"`);
    if (step.step === 'scale' && !['standard', 'minmax', 'robust'].includes(step.method as string)) {
      fail(`${where} (scale): "method" must be standard, minmax or robust`);
    }
    if (step.step === 'clip') {
      const { lower, upper } = step as { lower?: unknown; upper?: unknown };
      if (typeof lower !== 'number' || typeof upper !== 'number' || !(lower >= 0 && lower < upper && upper <= 100)) {
        fail(`${where} (clip): "lower" and "upper" must be percentiles with 0 ≤ lower < upper ≤ 100`);
      }
    }
    if (step.step === 'oneHot' && step.top !== undefined && !(Number.isInteger(step.top) && (step.top as number) >= 1)) {
      fail(`${where} (oneHot): "top" must be a whole number ≥ 1`);
    }
  });
  return json as Recipe;
}

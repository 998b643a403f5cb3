/**
 * A feature recipe: an ordered list of steps applied to the raw columns, saved as JSON with a
 * schema version. The same recipe is fitted on training rows only (inside each CV fold too),
 * applied in memory for training, and exported into the ONNX graph so that the model file
 * carries its own preprocessing (src/core/export).
 *
 * Steps work on named columns: the table's columns, and the columns earlier steps created
 * (`combine`'s `name`, `dateParts`' `<col>__<part>`). Each step sees the values the earlier
 * steps produced. Version 1 steps:
 * - `impute`   numeric: mean | median | constant (`value`), optional `indicator` (a 0/1 column
 *              `<col>__missing` from the value before the column's first step); categorical/boolean:
 *              mode | constant.
 * - `log`      ln(1 + x) (values must stay > −1).
 * - `clip`     to the `lower`/`upper` percentiles (0–100, numpy-linear) of the training rows.
 * - `scale`    standard (mean, population std) | minmax | robust (median, IQR).
 * - `oneHot`   the `top` (default 20) most frequent categories + "other" (ties as scikit-learn).
 * - `ordinal`  categorical → its category's code 0, 1, …: categories in the given `order`, else
 *              most frequent first (equal counts in code-unit order of the text); a value not
 *              among them, or missing (unless imputed before), is −1.
 * - `targetEncode` categorical → the m-estimate of the target mean in its category,
 *              (Σy + m·prior) / (n + m) with m = `smoothing` (default 10) and prior = the mean
 *              target of the training rows (category_encoders' MEstimateEncoder; scikit-learn
 *              1.3's TargetEncoder with `smooth = m`). Missing (not imputed) is a category of its
 *              own; an unseen category gets the prior. Training rows get out-of-fold values: row i
 *              is encoded by a mapping fitted on the other `folds` (default 5) parts of the
 *              training rows (stratified for classification, seeded by the training seed), and
 *              later steps and the model are fitted on those values; new rows are encoded with
 *              the mapping fitted on all training rows.
 * - `bin`      numeric → bin index 0..b−1 with `bins` (default 5) bins by `strategy` quantile
 *              (numpy-linear quantiles of the training rows at 0, 1/b, …, 1) or uniform (from the
 *              training min to max); equal edges merge, so there may be fewer bins; a value on an
 *              edge goes to the upper bin; missing stays missing. Edges and values are compared in
 *              float32 (the precision of the model's inputs), so memory and ONNX agree.
 * - `dateParts` a datetime column (days since 1970-01-01 as the model receives them, in float32:
 *              a time within a minute or two of midnight may count as the next day) → the
 *              `parts` among year, month (1–12), dayOfMonth (1–31), dayOfWeek (0 = Monday, as
 *              pandas) and daysSince (whole days since the `reference` date YYYY-MM-DD), each a
 *              new column `<col>__<part>` in place of the date (only impute and clip may come
 *              before it); missing stays missing.
 * - `combine`  a new column `name` = left `op` right for `columns: [left, right]` (numeric, after
 *              their earlier steps), op one of + - * /; x / 0 is missing (impute it afterwards).
 * - `drop`     remove columns from the features (from that step on; a column used by an earlier
 *              `combine` or `dateParts` still feeds it).
 * Columns not mentioned pass through: numbers as they are, booleans as 0/1, datetimes as days
 * since 1970-01-01 (the contract's encodings); categorical columns need a oneHot, ordinal or
 * targetEncode step; text columns are never features.
 */
import { parseIsoDatetime } from '../data/datetime';
import { InputError } from '../errors/errors';

export const RECIPE_VERSION = 1;

export const DATE_PARTS = ['year', 'month', 'dayOfMonth', 'dayOfWeek', 'daysSince'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

export const COMBINE_OPS = ['+', '-', '*', '/'] as const;
export type CombineOp = (typeof COMBINE_OPS)[number];

export type RecipeStep =
  | { step: 'impute'; columns: string[]; strategy: 'mean' | 'median' | 'mode' | 'constant'; value?: number | string; indicator?: boolean }
  | { step: 'log'; columns: string[] }
  | { step: 'clip'; columns: string[]; lower: number; upper: number }
  | { step: 'scale'; columns: string[]; method: 'standard' | 'minmax' | 'robust' }
  | { step: 'oneHot'; columns: string[]; top?: number }
  | { step: 'ordinal'; columns: string[]; order?: string[] }
  | { step: 'targetEncode'; columns: string[]; smoothing?: number; folds?: number }
  | { step: 'bin'; columns: string[]; bins?: number; strategy?: 'quantile' | 'uniform' }
  | { step: 'dateParts'; columns: string[]; parts: DatePart[]; reference?: string }
  | { step: 'combine'; columns: [string, string]; op: CombineOp; name: string }
  | { step: 'drop'; columns: string[] };

export interface Recipe {
  version: number;
  steps: RecipeStep[];
}

export const STEP_KINDS = ['impute', 'log', 'clip', 'scale', 'oneHot', 'ordinal', 'targetEncode', 'bin', 'dateParts', 'combine', 'drop'] as const;

/** Defaults of the optional settings. */
export const DEFAULT_TOP = 20;
export const DEFAULT_SMOOTHING = 10;
export const DEFAULT_TARGET_FOLDS = 5;
export const DEFAULT_BINS = 5;

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
    const at = `${where} (${String(step.step)})`;
    if (!Array.isArray(step.columns) || step.columns.length === 0 || !step.columns.every((c) => typeof c === 'string')) {
      fail(`${at}: "columns" must be a non-empty array of column names`);
    }
    const wholeAtLeast = (name: string, min: number) => {
      const v = step[name];
      if (v !== undefined && !(Number.isInteger(v) && (v as number) >= min)) fail(`${at}: "${name}" must be a whole number ≥ ${min} (got ${JSON.stringify(v)})`);
    };
    switch (step.step) {
      case 'impute':
        if (!['mean', 'median', 'mode', 'constant'].includes(step.strategy as string)) fail(`${at}: "strategy" must be mean, median, mode or constant`);
        if (step.strategy === 'constant' && step.value === undefined) fail(`${at}: a constant needs "value"`);
        break;
      case 'scale':
        if (!['standard', 'minmax', 'robust'].includes(step.method as string)) fail(`${at}: "method" must be standard, minmax or robust`);
        break;
      case 'clip': {
        const { lower, upper } = step as { lower?: unknown; upper?: unknown };
        if (typeof lower !== 'number' || typeof upper !== 'number' || !(lower >= 0 && lower < upper && upper <= 100)) {
          fail(`${at}: "lower" and "upper" must be percentiles with 0 ≤ lower < upper ≤ 100`);
        }
        break;
      }
      case 'oneHot':
        wholeAtLeast('top', 1);
        break;
      case 'ordinal': {
        const order = step.order;
        if (order === undefined) break;
        if (!Array.isArray(order) || order.length === 0 || !order.every((c) => typeof c === 'string' && c !== '')) {
          fail(`${at}: "order" must be a non-empty array of category names (text, not empty)`);
        }
        const seen = new Set<string>();
        for (const c of order as string[]) {
          if (seen.has(c)) fail(`${at}: "order" lists '${c}' twice`);
          seen.add(c);
        }
        break;
      }
      case 'targetEncode':
        if (step.smoothing !== undefined && !(typeof step.smoothing === 'number' && Number.isFinite(step.smoothing) && step.smoothing >= 0)) {
          fail(`${at}: "smoothing" must be a number ≥ 0 (got ${JSON.stringify(step.smoothing)})`);
        }
        wholeAtLeast('folds', 2);
        break;
      case 'bin':
        wholeAtLeast('bins', 2);
        if (step.strategy !== undefined && step.strategy !== 'quantile' && step.strategy !== 'uniform') {
          fail(`${at}: "strategy" must be quantile or uniform (got ${JSON.stringify(step.strategy)})`);
        }
        break;
      case 'dateParts': {
        const parts = step.parts;
        if (!Array.isArray(parts) || parts.length === 0 || !parts.every((p) => DATE_PARTS.includes(p as DatePart))) {
          fail(`${at}: "parts" must be a non-empty array of ${DATE_PARTS.join(', ')}`);
        }
        if (new Set(parts as string[]).size !== (parts as string[]).length) fail(`${at}: "parts" lists a part twice`);
        const wantsReference = (parts as string[]).includes('daysSince');
        if (wantsReference && referenceDays(step.reference) === null) {
          fail(`${at}: daysSince needs "reference", a date YYYY-MM-DD (got ${JSON.stringify(step.reference)})`);
        }
        if (!wantsReference && step.reference !== undefined) fail(`${at}: "reference" is only used by the daysSince part`);
        break;
      }
      case 'combine':
        if ((step.columns as string[]).length !== 2) fail(`${at}: "columns" must name exactly two columns, [left, right]`);
        if (!COMBINE_OPS.includes(step.op as CombineOp)) fail(`${at}: "op" must be one of ${COMBINE_OPS.map((o) => `"${o}"`).join(', ')} (got ${JSON.stringify(step.op)})`);
        if (typeof step.name !== 'string' || step.name.trim() === '') fail(`${at}: "name" must name the new column`);
        break;
    }
  });
  return json as Recipe;
}

/** Days since 1970-01-01 of a reference date `YYYY-MM-DD`, or null when it is not one. */
export function referenceDays(text: unknown): number | null {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = parseIsoDatetime(text);
  return Number.isNaN(ms) ? null : Math.round(ms / 86_400_000);
}

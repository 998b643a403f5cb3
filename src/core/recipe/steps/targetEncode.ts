/**
 * `targetEncode`: a categorical column as the m-estimate of the target mean in its category,
 *
 *     encoding(c) = (Σ_{i in c} y_i + m · prior) / (n_c + m),   prior = mean of y,
 *
 * with m = `smoothing` — the definition of category_encoders' MEstimateEncoder (m) and of
 * scikit-learn 1.3's TargetEncoder with a float `smooth` (binary or continuous targets). A
 * missing value (not imputed before) is a category of its own, as in scikit-learn; a category
 * the mapping has not seen gets the prior. y is the 0/1 label for classification.
 *
 * Leakage: a row's own target must not shape its training feature. So the training rows are
 * split into `folds` parts (stratified by label for classification, plain k-fold for
 * regression, seeded — as scikit-learn's TargetEncoder.fit_transform cross-fits), and the
 * training value of a row is the encoding fitted on the other parts (their own prior and
 * counts). Those out-of-fold values are what later steps are fitted on and what the model is
 * trained on (fitRecipeForTraining). The fitted recipe keeps the mapping fitted on all training
 * rows: applyRecipe and the ONNX graph encode new rows with it.
 */
import { InputError } from '../../errors/errors';
import { allRows, type Fold } from '../../folds/fold';
import { kFold } from '../../folds/kFold';
import { stratifiedKFold } from '../../folds/stratifiedKFold';
import type { LookupSource } from '../fittedRecipe';
import { DEFAULT_SMOOTHING, DEFAULT_TARGET_FOLDS, type RecipeStep } from '../recipe';
import { numericWorking, requireCategorical, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

type TargetEncodeStep = Extract<RecipeStep, { step: 'targetEncode' }>;

export function fitTargetEncode(step: TargetEncodeStep, column: WorkingColumn, ctx: StepContext): NumericWorking {
  const c = requireCategorical(column, ctx, 'targetEncode');
  const target = ctx.target;
  if (!target) throw new InputError(`${ctx.where}: targetEncode needs the target values of the training rows`);
  const n = c.values.length;
  if (target.values.length !== n) throw new Error(`the target has ${target.values.length} values for ${n} training rows`);
  const m = step.smoothing ?? DEFAULT_SMOOTHING;
  const k = step.folds ?? DEFAULT_TARGET_FOLDS;
  if (n < k) throw new InputError(`${ctx.where}: column '${c.name}' needs at least ${k} training rows for its ${k} out-of-fold parts (it has ${n})`);

  // categories (missing = '') in code-unit order, and each row's category code
  const keys = [...new Set(c.values.map((v) => v ?? ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const codeOf = new Map(keys.map((key, j) => [key, j]));
  const codes = Int32Array.from(c.values, (v) => codeOf.get(v ?? '')!);
  const y = target.values;

  const full = mEstimates(codes, keys.length, y, allRows(n), m);
  const folds: Fold[] = target.task === 'classification' ? stratifiedKFold(allRows(n), Uint8Array.from(y), k, ctx.seed) : kFold(allRows(n), k, ctx.seed);
  const outOfFold = new Float64Array(n);
  for (const fold of folds) {
    const part = mEstimates(codes, keys.length, y, fold.train, m);
    for (const p of fold.test) outOfFold[p] = part.seen[codes[p]] ? part.values[codes[p]] : part.prior;
  }
  const source: LookupSource = {
    from: 'lookup',
    column: c.name,
    encoding: 'target',
    impute: c.impute,
    keys,
    values: Array.from(full.values),
    fallback: full.prior,
  };
  return numericWorking({ name: c.name, source }, outOfFold);
}

/** The m-estimate of each category from the rows at `positions`; unseen categories are marked. */
export function mEstimates(
  codes: Int32Array,
  categories: number,
  y: ArrayLike<number>,
  positions: Uint32Array,
  m: number,
): { prior: number; values: Float64Array; seen: Uint8Array } {
  const sums = new Float64Array(categories);
  const counts = new Float64Array(categories);
  let total = 0;
  for (const p of positions) {
    sums[codes[p]] += y[p];
    counts[codes[p]] += 1;
    total += y[p];
  }
  const prior = total / positions.length;
  const values = new Float64Array(categories);
  const seen = new Uint8Array(categories);
  for (let j = 0; j < categories; j++) {
    seen[j] = counts[j] > 0 ? 1 : 0;
    values[j] = counts[j] > 0 ? (sums[j] + m * prior) / (counts[j] + m) : prior;
  }
  return { prior, values, seen };
}

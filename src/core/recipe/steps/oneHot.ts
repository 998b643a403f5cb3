/**
 * `oneHot`: the `top` most frequent categories of the training rows, one 0/1 feature each, and
 * one "other" feature (OneHotEncoder with max_categories = top + 1: among equal counts
 * scikit-learn keeps the larger values, and so does this).
 */
import { DEFAULT_TOP, type RecipeStep } from '../recipe';
import { countValues } from './trainingValues';
import { requireCategorical, type OneHotWorking, type StepContext, type WorkingColumn } from './workingColumn';

type OneHotStep = Extract<RecipeStep, { step: 'oneHot' }>;

export function fitOneHot(step: OneHotStep, column: WorkingColumn, ctx: StepContext): OneHotWorking {
  const c = requireCategorical(column, ctx, 'oneHot');
  const categories = [...countValues(c.values).entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))
    .slice(0, step.top ?? DEFAULT_TOP)
    .map(([v]) => v);
  const index = new Map(categories.map((v, i) => [v, i]));
  const values = Array.from({ length: categories.length + 1 }, () => new Float64Array(c.values.length));
  c.values.forEach((v, i) => {
    values[(v === null ? undefined : index.get(v)) ?? categories.length][i] = 1;
  });
  return { kind: 'oneHot', fitted: { kind: 'oneHot', name: c.name, impute: c.impute, categories, feature: true }, values };
}

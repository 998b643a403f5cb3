/**
 * `ordinal`: a categorical column as the code of its category, 0, 1, …: categories in the
 * step's `order`, else by frequency in the training rows (most frequent first; equal counts in
 * code-unit order of the text). A value not among them — unseen, or missing when not imputed
 * before — is −1 (scikit-learn's OrdinalEncoder with unknown_value = −1).
 */
import { InputError } from '../../errors/errors';
import type { LookupSource } from '../fittedRecipe';
import { lookupFunction } from '../operations';
import type { RecipeStep } from '../recipe';
import { countValues } from './trainingValues';
import { numericWorking, requireCategorical, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

type OrdinalStep = Extract<RecipeStep, { step: 'ordinal' }>;

export const ORDINAL_UNKNOWN = -1;

export function fitOrdinal(step: OrdinalStep, column: WorkingColumn, ctx: StepContext): NumericWorking {
  const c = requireCategorical(column, ctx, 'ordinal');
  let keys: string[];
  if (step.order) {
    keys = [...step.order];
  } else {
    keys = [...countValues(c.values).entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v);
    if (keys.length === 0) throw new InputError(`${ctx.where}: column '${c.name}' has no values in the training rows to order (give "order")`);
  }
  const source: LookupSource = {
    from: 'lookup',
    column: c.name,
    encoding: 'ordinal',
    impute: c.impute,
    keys,
    values: keys.map((_, i) => i),
    fallback: ORDINAL_UNKNOWN,
  };
  const code = lookupFunction(source);
  return numericWorking({ name: c.name, source }, Float64Array.from(c.values, (v) => code(v ?? '')));
}

/**
 * `impute`: numeric columns (booleans and datetimes as numbers) get the mean, median (numpy),
 * most frequent value (ties to the smallest) or a constant of the training rows, optionally with
 * a 0/1 missing indicator; categorical columns get the most frequent category or a constant
 * (scikit-learn's SimpleImputer).
 */
import { InputError } from '../../errors/errors';
import { quantileSorted } from '../../stats/quantile';
import { applyNumericOp } from '../operations';
import type { RecipeStep } from '../recipe';
import { categoricalMode, mapValues, mean, mode, sortedPresent } from './trainingValues';
import { withOp, type StepContext, type WorkingColumn } from './workingColumn';

type ImputeStep = Extract<RecipeStep, { step: 'impute' }>;

export function fitImpute(step: ImputeStep, column: WorkingColumn, ctx: StepContext): WorkingColumn {
  const { where } = ctx;
  if (column.kind === 'oneHot') throw new InputError(`${where}: column '${column.fitted.name}' is already one-hot encoded by an earlier step`);
  if (column.kind === 'categorical') {
    const name = column.name;
    if (step.strategy !== 'mode' && step.strategy !== 'constant') throw new InputError(`${where}: column '${name}' is categorical; impute it with mode or constant`);
    if (step.indicator) throw new InputError(`${where}: missing indicators are for numeric columns ('${name}' is categorical)`);
    const value = step.strategy === 'constant' ? String(step.value) : categoricalMode(column.values);
    if (value === null) throw new InputError(`${where}: column '${name}' has no values in the training rows to impute from`);
    // a second imputation finds nothing missing: the first one's value stays
    return { ...column, impute: column.impute ?? value, values: column.values.map((v) => v ?? value) };
  }
  const name = column.fitted.name;
  let value: number;
  if (step.strategy === 'constant') {
    if (typeof step.value !== 'number') throw new InputError(`${where}: column '${name}' is numeric; the constant must be a number`);
    value = step.value;
  } else {
    const sorted = sortedPresent(column.values);
    if (sorted.length === 0) throw new InputError(`${where}: column '${name}' has no values in the training rows to impute from`);
    value = step.strategy === 'mean' ? mean(sorted) : step.strategy === 'median' ? quantileSorted(sorted, 0.5) : mode(sorted);
  }
  const op = { op: 'impute', value } as const;
  const next = withOp(column, op, mapValues(column.values, (v) => applyNumericOp(op, v)));
  if (step.indicator) {
    if (column.fitted.ops.length > 0) throw new InputError(`${where}: the missing indicator of '${name}' must come from its first step`);
    next.fitted.indicator = true;
    next.missing = mapValues(column.values, (v) => (Number.isNaN(v) ? 1 : 0));
  }
  return next;
}

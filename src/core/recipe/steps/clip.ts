/** `clip`: to the lower/upper percentiles (numpy-linear) of the training values. */
import { InputError } from '../../errors/errors';
import { quantileSorted } from '../../stats/quantile';
import { applyNumericOp } from '../operations';
import type { RecipeStep } from '../recipe';
import { mapValues, sortedPresent } from './trainingValues';
import { requireNumeric, withOp, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

type ClipStep = Extract<RecipeStep, { step: 'clip' }>;

export function fitClip(step: ClipStep, column: WorkingColumn, ctx: StepContext): NumericWorking {
  const c = requireNumeric(column, ctx, 'clip needs numbers');
  const sorted = sortedPresent(c.values);
  if (sorted.length === 0) throw new InputError(`${ctx.where}: column '${c.fitted.name}' has no values in the training rows`);
  const op = { op: 'clip', lower: quantileSorted(sorted, step.lower / 100), upper: quantileSorted(sorted, step.upper / 100) } as const;
  return withOp(c, op, mapValues(c.values, (v) => applyNumericOp(op, v)));
}

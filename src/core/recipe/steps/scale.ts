/**
 * `scale`: StandardScaler (mean, population std; a zero spread scales by 1), MinMaxScaler,
 * RobustScaler (median, IQR with numpy-linear quartiles), fitted on the training values.
 */
import { InputError } from '../../errors/errors';
import { quantileSorted } from '../../stats/quantile';
import { applyNumericOp } from '../operations';
import type { RecipeStep } from '../recipe';
import { mapValues, mean, sortedPresent } from './trainingValues';
import { requireNumeric, withOp, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

type ScaleStep = Extract<RecipeStep, { step: 'scale' }>;

export function fitScale(step: ScaleStep, column: WorkingColumn, ctx: StepContext): NumericWorking {
  const c = requireNumeric(column, ctx, 'scale needs numbers');
  const sorted = sortedPresent(c.values);
  if (sorted.length === 0) throw new InputError(`${ctx.where}: column '${c.fitted.name}' has no values in the training rows`);
  let center: number;
  let scale: number;
  if (step.method === 'standard') {
    center = mean(sorted);
    let ss = 0;
    for (const v of sorted) ss += (v - center) * (v - center);
    scale = Math.sqrt(ss / sorted.length);
  } else if (step.method === 'minmax') {
    center = sorted[0];
    scale = sorted[sorted.length - 1] - sorted[0];
  } else {
    center = quantileSorted(sorted, 0.5);
    scale = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  }
  if (!(scale > 0)) scale = 1;
  const op = { op: 'scale', center, scale } as const;
  return withOp(c, op, mapValues(c.values, (v) => applyNumericOp(op, v)));
}

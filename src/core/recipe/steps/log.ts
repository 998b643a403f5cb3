/** `log`: ln(1 + x); every training value must be above −1. */
import { InputError } from '../../errors/errors';
import { applyNumericOp } from '../operations';
import { mapValues } from './trainingValues';
import { requireNumeric, withOp, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

export function fitLog(column: WorkingColumn, ctx: StepContext): NumericWorking {
  const c = requireNumeric(column, ctx, 'log needs numbers');
  for (const v of c.values) {
    if (v <= -1) throw new InputError(`${ctx.where}: column '${c.fitted.name}' has the value ${v}; log(1 + x) needs values above −1`);
  }
  const op = { op: 'log' } as const;
  return withOp(c, op, mapValues(c.values, (v) => applyNumericOp(op, v)));
}

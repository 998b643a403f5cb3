/**
 * `combine`: a new numeric column `name` = left op right (+ − × ÷) of two numeric columns, each
 * as its earlier steps left it. A division by zero is missing (NaN): impute the new column after.
 */
import type { ValueRef } from '../fittedRecipe';
import { combineValue } from '../operations';
import type { RecipeStep } from '../recipe';
import { numericWorking, requireNumeric, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

type CombineStep = Extract<RecipeStep, { step: 'combine' }>;

export function fitCombine(step: CombineStep, left: WorkingColumn, right: WorkingColumn, ctx: StepContext): NumericWorking {
  const a = requireNumeric(left, ctx, 'combine needs numbers');
  const b = requireNumeric(right, ctx, 'combine needs numbers');
  const ref = (c: NumericWorking): ValueRef => ({ column: c.fitted.name, ops: c.fitted.ops.length });
  const values = new Float64Array(a.values.length);
  for (let i = 0; i < values.length; i++) values[i] = combineValue(step.op, a.values[i], b.values[i]);
  return numericWorking({ name: step.name, source: { from: 'combine', left: ref(a), op: step.op, right: ref(b) } }, values);
}

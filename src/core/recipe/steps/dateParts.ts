/**
 * `dateParts`: a datetime column (days since 1970-01-01, the model's float32 input) split into
 * parts, each a new numeric column `<col>__<part>` in the date's place: year, month (1–12),
 * dayOfMonth (1–31), dayOfWeek (0 = Monday … 6 = Sunday, pandas' dayofweek) and daysSince
 * (whole days since the `reference` date). The day is the whole day of the float32 value
 * (src/core/recipe/operations.ts); the calendar is proleptic Gregorian, UTC (civilDate.ts).
 * Missing stays missing (impute the date before, or the parts after).
 */
import { InputError } from '../../errors/errors';
import type { ValueRef } from '../fittedRecipe';
import { datePartValue } from '../operations';
import { referenceDays, type RecipeStep } from '../recipe';
import { mapValues } from './trainingValues';
import { numericWorking, requireNumeric, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

type DatePartsStep = Extract<RecipeStep, { step: 'dateParts' }>;

export function datePartName(column: string, part: string): string {
  return `${column}__${part}`;
}

export function fitDateParts(step: DatePartsStep, column: WorkingColumn, ctx: StepContext): NumericWorking[] {
  const c = requireNumeric(column, ctx, 'dateParts needs a datetime column');
  const name = c.fitted.name;
  const source = c.fitted.source;
  const type = source.from === 'input' ? ctx.typeOf(source.column) : 'numeric';
  if (type !== 'datetime') throw new InputError(`${ctx.where}: column '${name}' is ${type}; dateParts needs a datetime column`);
  const moved = c.fitted.ops.find((op) => op.op !== 'impute' && op.op !== 'clip');
  if (moved) throw new InputError(`${ctx.where}: dateParts of '${name}' must come before its ${moved.op} step (it reads the date itself)`);
  let reference: number | null = null;
  if (step.parts.includes('daysSince')) {
    reference = referenceDays(step.reference);
    if (reference === null) throw new InputError(`${ctx.where}: daysSince needs "reference", a date YYYY-MM-DD`);
  }
  const date: ValueRef = { column: name, ops: c.fitted.ops.length };
  return step.parts.map((part) => {
    const ref = part === 'daysSince' ? reference : null;
    return numericWorking({ name: datePartName(name, part), source: { from: 'datePart', date, part, reference: ref } }, mapValues(c.values, (v) => datePartValue(part, v, ref)));
  });
}

/** The step preview: one column before and after one step, on the training rows, as training fits it (hand-computed values). */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import { InputError } from '../errors/errors';
import type { Recipe } from './recipe';
import { previewRecipeStep } from './stepPreview';

// rows 0..5 train; row 6 (x = 1000, c = 'z') is held out and must not show anywhere
const table = buildTable(
  ['x', 'c', 'd', 'y'],
  [
    rawFromValues([1, 2, null, 4, 10, 3, 1000]),
    rawFromValues(['a', 'b', 'b', null, 'a', 'b', 'z']),
    rawFromValues(['2024-01-01', '2024-02-29', '2024-03-10', null, '2023-12-31', '2024-01-15', '2030-01-01']),
    rawFromValues([0, 1, 0, 1, 0, 1, 1]),
  ],
  7,
);
const train = Uint32Array.from([0, 1, 2, 3, 4, 5]);
const options = { rows: train, exclude: ['y'], target: { task: 'classification' as const, values: [0, 1, 0, 1, 0, 1] } };

const sampleStd = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
};

const recipe: Recipe = {
  version: 1,
  steps: [
    { step: 'impute', columns: ['x'], strategy: 'median', indicator: true },
    { step: 'scale', columns: ['x'], method: 'standard' },
    { step: 'oneHot', columns: ['c'], top: 1 },
    { step: 'dateParts', columns: ['d'], parts: ['month', 'dayOfWeek'] },
    { step: 'combine', columns: ['x', 'x'], op: '*', name: 'x_squared' },
    // a later step that cannot be fitted: previews of earlier steps still work
    { step: 'log', columns: ['no_such_column'] },
  ],
};

describe('previewRecipeStep', () => {
  it('impute: before has the missing value, after has the training median and an indicator', () => {
    const p = previewRecipeStep(table, recipe, options, 0, 'x');
    expect(p.rows).toBe(6);
    expect(p.before).toMatchObject({ name: 'x', kind: 'numeric', rows: 6, missing: 1 });
    const before = [1, 2, 4, 10, 3];
    expect(p.before!.numeric).toMatchObject({ mean: 4, min: 1, max: 10, distinct: 5 });
    expect(p.before!.numeric!.std).toBeCloseTo(sampleStd(before), 12);
    expect(p.after).toHaveLength(1);
    const after = p.after[0];
    // median of the training values 1, 2, 3, 4, 10 = 3 (the held-out 1000 plays no part)
    expect(after.fitted).toEqual({ kind: 'op', op: { op: 'impute', value: 3 } });
    expect(after.indicatorAdded).toBe(true);
    expect(after.summary).toMatchObject({ missing: 0, indicator: { name: 'x__missing', ones: 1 } });
    expect(after.summary.numeric!.mean).toBeCloseTo(23 / 6, 12);
    expect(after.summary.numeric!.histogram.bins.reduce((a, b) => a + b.count, 0)).toBe(6);
  });

  it('scale after impute: fitted on the imputed values (population std), after has mean 0 and sample std √(n/(n − 1))', () => {
    const p = previewRecipeStep(table, recipe, options, 1, 'x');
    const imputed = [1, 2, 3, 4, 10, 3];
    const mean = imputed.reduce((a, b) => a + b) / 6;
    const pop = Math.sqrt(imputed.reduce((a, v) => a + (v - mean) ** 2, 0) / 6);
    expect(p.before!.missing).toBe(0);
    expect(p.after[0].fitted).toEqual({ kind: 'op', op: { op: 'scale', center: mean, scale: pop } });
    expect(p.after[0].indicatorAdded).toBe(false);
    const n = p.after[0].summary.numeric!;
    expect(n.mean).toBeCloseTo(0, 12);
    expect(n.std).toBeCloseTo(Math.sqrt(6 / 5), 12);
    expect(n.max).toBeCloseTo((10 - mean) / pop, 12);
  });

  it('oneHot: before lists the training categories, after the rows per kept category and "other"', () => {
    const p = previewRecipeStep(table, recipe, options, 2, 'c');
    expect(p.before).toMatchObject({ kind: 'categorical', missing: 1, distinct: 2, categories: [{ value: 'b', count: 3 }, { value: 'a', count: 2 }] });
    expect(p.after[0].fitted).toEqual({ kind: 'oneHot', categories: ['b'] });
    expect(p.after[0].summary).toMatchObject({ kind: 'oneHot', categories: [{ value: 'b', count: 3 }, { value: 'other', count: 3 }] });
  });

  it('dateParts: before is the dates (time axis), after one column per part', () => {
    const p = previewRecipeStep(table, recipe, options, 3, 'd');
    expect(p.before).toMatchObject({ kind: 'numeric', dates: true, missing: 1 });
    expect(p.before!.numeric!.histogram.type).toBe('datetime');
    expect(p.before!.numeric!.min).toBe(Date.UTC(2023, 11, 31));
    expect(p.after.map((a) => a.summary.name)).toEqual(['d__month', 'd__dayOfWeek']);
    expect(p.after.map((a) => a.fitted)).toEqual([
      { kind: 'datePart', part: 'month', reference: null },
      { kind: 'datePart', part: 'dayOfWeek', reference: null },
    ]);
    // months of 2024-01-01, 02-29, 03-10, (missing), 2023-12-31, 2024-01-15
    expect(p.after[0].summary.numeric).toMatchObject({ min: 1, max: 12, distinct: 4 });
    expect(p.after[0].summary.missing).toBe(1);
  });

  it('imputed dates are still shown as dates', () => {
    const r: Recipe = { version: 1, steps: [{ step: 'impute', columns: ['d'], strategy: 'median' }, { step: 'dateParts', columns: ['d'], parts: ['year'] }] };
    const p = previewRecipeStep(table, r, options, 1, 'd');
    expect(p.before).toMatchObject({ dates: true, missing: 0 });
    expect(p.before!.numeric!.histogram.type).toBe('datetime');
  });

  it('combine: previewed from either column, after is the new column', () => {
    const p = previewRecipeStep(table, recipe, options, 4, 'x_squared');
    expect(p.before).toBeNull();
    expect(p.after[0].fitted).toEqual({ kind: 'combine', left: 'x', op: '*', right: 'x' });
    expect(p.after[0].summary.numeric!.min).toBeGreaterThanOrEqual(0);
    expect(previewRecipeStep(table, recipe, options, 4, 'x').before!.name).toBe('x');
  });

  it('errors name the step: a column the step does not use, a step that cannot be fitted', () => {
    expect(() => previewRecipeStep(table, recipe, options, 0, 'c')).toThrow(/step 1 \(impute\) does not use column 'c'/);
    expect(() => previewRecipeStep(table, recipe, options, 5, 'no_such_column')).toThrow(InputError);
    expect(() => previewRecipeStep(table, recipe, options, 5, 'no_such_column')).toThrow(/recipe step 6 \(log\): column 'no_such_column' not found/);
    expect(() => previewRecipeStep(table, recipe, options, 9, 'x')).toThrow(/no step 10/);
  });

  it('an unencoded categorical column does not stop the preview (training would ask for an encoding)', () => {
    const p = previewRecipeStep(table, { version: 1, steps: [{ step: 'impute', columns: ['c'], strategy: 'mode' }] }, options, 0, 'c');
    expect(p.after[0].fitted).toEqual({ kind: 'categoricalImpute', value: 'b' });
    expect(p.after[0].summary.categories![0]).toEqual({ value: 'b', count: 4 });
  });
});

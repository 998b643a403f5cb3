/** combine against hand-computed values; the columns it reads, drop, and the sources it records. */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../../data/buildTable';
import { rawFromValues } from '../../data/rawFromValues';
import { InputError } from '../../errors/errors';
import { allRows } from '../../folds/fold';
import { applyRecipe } from '../applyRecipe';
import { fitRecipe, fitRecipeForTraining } from '../fitRecipe';
import type { RecipeStep } from '../recipe';

// rows 0..4 train; row 5 is only scored
const table = buildTable(
  ['x', 'c', 'w', 'y'],
  [
    rawFromValues([1, 2, null, 4, 6, 8]),
    rawFromValues(['a', 'b', 'a', 'b', 'a', 'b']),
    rawFromValues([2, 0, 1, 4, 3, 0]),
    rawFromValues([0, 1, 0, 1, 0, 1]),
  ],
  6,
);
const train = allRows(5);
const all = allRows(6);
const fit = (steps: RecipeStep[]) => fitRecipe(table, { version: 1, steps: [{ step: 'oneHot', columns: ['c'] }, ...steps] }, { rows: train, exclude: ['y'] });

describe('combine', () => {
  it('+ − × ÷ of the columns as their earlier steps left them; later steps on the sources do not change it', () => {
    const fitted = fit([
      { step: 'impute', columns: ['x'], strategy: 'mean' }, // training mean of 1, 2, 4, 6 = 3.25
      { step: 'combine', columns: ['x', 'w'], op: '+', name: 'sum' },
      { step: 'combine', columns: ['x', 'w'], op: '-', name: 'diff' },
      { step: 'combine', columns: ['x', 'w'], op: '*', name: 'product' },
      { step: 'scale', columns: ['x'], method: 'minmax' },
      { step: 'combine', columns: ['x', 'product'], op: '*', name: 'scaled_product' },
    ]);
    expect(fitted.features).toEqual(['x', 'c=a', 'c=b', 'c=other', 'w', 'sum', 'diff', 'product', 'scaled_product']);
    expect(fitted.featureSources).toEqual([['x'], ['c'], ['c'], ['c'], ['w'], ['x', 'w'], ['x', 'w'], ['x', 'w'], ['x', 'w']]);
    expect(fitted.columns.find((c) => c.name === 'sum')).toMatchObject({ source: { from: 'combine', left: { column: 'x', ops: 1 }, op: '+', right: { column: 'w', ops: 0 } } });
    expect(fitted.columns.find((c) => c.name === 'scaled_product')).toMatchObject({ source: { left: { column: 'x', ops: 2 }, right: { column: 'product', ops: 0 } } });
    const f = applyRecipe(fitted, table, all);
    const x = [1, 2, 3.25, 4, 6, 8];
    const w = [2, 0, 1, 4, 3, 0];
    const scaled = x.map((v) => (v - 1) / 5);
    expect(Array.from(f[5])).toEqual(x.map((v, i) => v + w[i]));
    expect(Array.from(f[6])).toEqual(x.map((v, i) => v - w[i]));
    expect(Array.from(f[7])).toEqual(x.map((v, i) => v * w[i]));
    expect(Array.from(f[8])).toEqual(scaled.map((v, i) => v * x[i] * w[i]));
  });

  it('÷ 0 is missing: impute the new column (its indicator marks the divisions by zero); dropping a source after keeps it as an input', () => {
    const recipe: RecipeStep[] = [
      { step: 'impute', columns: ['x'], strategy: 'median' }, // median of 1, 2, 4, 6 = 3
      { step: 'combine', columns: ['x', 'w'], op: '/', name: 'ratio' },
      { step: 'impute', columns: ['ratio'], strategy: 'constant', value: -1, indicator: true },
      { step: 'drop', columns: ['w', 'x'] },
    ];
    const { fitted, features } = fitRecipeForTraining(table, { version: 1, steps: [{ step: 'oneHot', columns: ['c'] }, ...recipe] }, { rows: train, exclude: ['y'] });
    expect(fitted.inputs.map((i) => i.column)).toEqual(['x', 'c', 'w']);
    expect(fitted.features).toEqual(['c=a', 'c=b', 'c=other', 'ratio', 'ratio__missing']);
    expect(fitted.featureSources.slice(3)).toEqual([['x', 'w'], ['x', 'w']]);
    expect(fitted.columns.map((c) => [c.name, c.feature])).toEqual([
      ['x', false],
      ['c', true],
      ['w', false],
      ['ratio', true],
    ]);
    const f = applyRecipe(fitted, table, all);
    expect(Array.from(f[3])).toEqual([0.5, -1, 3, 1, 2, -1]);
    expect(Array.from(f[4])).toEqual([0, 1, 0, 0, 0, 1]);
    // the training features are the same numbers
    expect(features.map((v) => Array.from(v))).toEqual(f.map((v) => Array.from(v.slice(0, 5))));
  });

  it('explains what it cannot do', () => {
    const bad = (steps: RecipeStep[], message: RegExp) => {
      expect(() => fit(steps)).toThrow(InputError);
      expect(() => fit(steps)).toThrow(message);
    };
    bad([{ step: 'combine', columns: ['x', 'w'], op: '/', name: 'ratio' }], /column 'x' has missing values in the training rows: add an impute step/);
    bad(
      [
        { step: 'impute', columns: ['x'], strategy: 'median' },
        { step: 'combine', columns: ['x', 'w'], op: '/', name: 'ratio' },
      ],
      /column 'ratio' has missing values in the training rows \(a division by zero is missing\): add an impute step/,
    );
    bad([{ step: 'combine', columns: ['x', 'c'], op: '+', name: 's' }], /step 2 \(combine\): column 'c' is one-hot encoded by an earlier step; combine needs numbers/);
    bad([{ step: 'combine', columns: ['x', 'w'], op: '+', name: 'y' }], /step 2 \(combine\): a column 'y' exists already; choose another name/);
    bad([{ step: 'combine', columns: ['x', 'w'], op: '+', name: 'w' }], /a column 'w' exists already/);
    bad(
      [
        { step: 'drop', columns: ['w'] },
        { step: 'combine', columns: ['x', 'w'], op: '+', name: 's' },
      ],
      /step 3 \(combine\): column 'w' was dropped by step 2/,
    );
    bad(
      [
        { step: 'impute', columns: ['x'], strategy: 'median', indicator: true },
        { step: 'combine', columns: ['x', 'w'], op: '+', name: 'x__missing' },
      ],
      /the recipe makes two features named 'x__missing': rename the column a step creates/,
    );
    bad(
      [
        { step: 'drop', columns: ['s'] },
        { step: 'combine', columns: ['x', 'w'], op: '+', name: 's' },
      ],
      /step 2 \(drop\): column 's' is created by a later step \(step 3\)/,
    );
    bad([{ step: 'combine', columns: ['x', 'ww'], op: '+', name: 's' }], /step 2 \(combine\): column 'ww' not found \(did you mean 'w'\?\)/);
    bad([{ step: 'combine', columns: ['x'] as unknown as [string, string], op: '+', name: 's' }], /"columns" must name exactly two columns, \[left, right\]/);
    bad([{ step: 'combine', columns: ['x', 'w'], op: '%' as '+', name: 's' }], /"op" must be one of "\+", "-", "\*", "\/" \(got "%"\)/);
    bad([{ step: 'combine', columns: ['x', 'w'], op: '+', name: ' ' }], /"name" must name the new column/);
  });
});

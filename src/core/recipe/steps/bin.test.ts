/** bin against hand-computed edges and numpy (scripts/fixtures/make_recipe_step_fixtures.py). */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../../data/buildTable';
import { rawFromValues } from '../../data/rawFromValues';
import { InputError } from '../../errors/errors';
import { allRows } from '../../folds/fold';
import { repoTable } from '../../inference/testing/modelFixtures';
import { sortedNonMissing } from '../../stats/quantile';
import { applyRecipe } from '../applyRecipe';
import { fitRecipe } from '../fitRecipe';
import fixtures from '../fixtures/recipeSteps.json';
import type { NumericColumn } from '../fittedRecipe';
import type { RecipeStep } from '../recipe';
import { binEdges } from './bin';

// rows 0..9 train; rows 10..13 are only scored
const table = buildTable(
  ['x', 'z', 'c'],
  [
    rawFromValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -5, 100, null, 5.5]),
    rawFromValues([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0]),
    rawFromValues(['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a']),
  ],
  14,
);
const train = allRows(10);
const all = allRows(14);
const fit = (steps: RecipeStep[]) => fitRecipe(table, { version: 1, steps: [...steps, { step: 'drop', columns: ['c'] }] }, { rows: train, exclude: [] });
const opsOf = (column: unknown) => (column as NumericColumn).ops;

describe('bin', () => {
  it('quantile: numpy-linear edges of the training values; a value on an edge goes up; beyond the range to the ends; missing stays missing', () => {
    const fitted = fit([
      { step: 'bin', columns: ['x'], bins: 4 },
      { step: 'impute', columns: ['x'], strategy: 'constant', value: -1 },
    ]);
    // positions 0, 2.25, 4.5, 6.75, 9 of 1..10 → 1, 3.25, 5.5, 7.75, 10
    expect(opsOf(fitted.columns[0])).toEqual([
      { op: 'bin', edges: [3.25, 5.5, 7.75] },
      { op: 'impute', value: -1 },
    ]);
    expect(Array.from(applyRecipe(fitted, table, all)[0])).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 0, 3, -1, 2]);
  });

  it('uniform edges from the training min to max; equal edges merge (fewer bins)', () => {
    const uniform = fit([{ step: 'bin', columns: ['x'], bins: 3, strategy: 'uniform' }]);
    expect(opsOf(uniform.columns[0])).toEqual([{ op: 'bin', edges: [4, 7] }]);
    expect(Array.from(applyRecipe(uniform, table, all)[0]).slice(0, 10)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
    // z: eight 0s, 1, 2 → quantiles at 0, .25, .5, .75, 1 = 0, 0, 0, 0, 2 → edges 0, 2 → one bin, no inner edge
    const merged = fit([{ step: 'bin', columns: ['z'], bins: 4 }]);
    expect(opsOf(merged.columns[1])).toEqual([{ op: 'bin', edges: [] }]);
    expect(Array.from(applyRecipe(merged, table, all)[1])).toEqual(new Array(14).fill(0));
    const three = fit([{ step: 'bin', columns: ['z'], bins: 10 }]);
    // positions 0, 0.9, …, 7.2, 8.1, 9 of the sorted z: 0 (seven times), 0.2, 1.1, 2 → merged 0, 0.2, 1.1, 2 (as float32)
    expect(opsOf(three.columns[1])).toEqual([{ op: 'bin', edges: [Math.fround(0.2), Math.fround(1.1)] }]);
    expect(Array.from(applyRecipe(three, table, all)[1]).slice(0, 10)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it('matches numpy: edges = np.quantile(x, np.linspace(0, 1, b + 1)) or np.linspace(min, max, b + 1), bins by np.digitize in float32 (adult.csv)', async () => {
    const adult = await repoTable(fixtures.dataset);
    const rows = allRows(adult.rowCount).filter((i) => i % 3 !== 0);
    const first = allRows(1000);
    for (const ref of fixtures.bin) {
      const column = adult.columns.find((c) => c.name === ref.column)!;
      if (column.type !== 'numeric') throw new Error(`${ref.column} is ${column.type}`);
      const sorted = sortedNonMissing(column.values, rows);
      expect(binEdges(sorted, ref.bins, ref.strategy as 'quantile' | 'uniform'), `${ref.column} ${ref.bins}`).toEqual(ref.edges);
      const exclude = adult.columns.map((c) => c.name).filter((n) => n !== ref.column);
      const fitted = fitRecipe(adult, { version: 1, steps: [{ step: 'bin', columns: [ref.column], bins: ref.bins, strategy: ref.strategy as 'quantile' | 'uniform' }] }, { rows, exclude });
      expect(opsOf(fitted.columns[0])).toEqual([{ op: 'bin', edges: ref.merged.slice(1, -1) }]);
      expect(Array.from(applyRecipe(fitted, adult, first)[0])).toEqual(ref.index);
    }
  });

  it('explains what it cannot do', () => {
    const bad = (steps: RecipeStep[], message: RegExp) => {
      expect(() => fit(steps)).toThrow(InputError);
      expect(() => fit(steps)).toThrow(message);
    };
    bad([{ step: 'bin', columns: ['x'], bins: 1 }], /step 1 \(bin\): "bins" must be a whole number ≥ 2 \(got 1\)/);
    bad([{ step: 'bin', columns: ['x'], bins: 2.5 }], /"bins" must be a whole number ≥ 2 \(got 2.5\)/);
    bad([{ step: 'bin', columns: ['x'], strategy: 'kmeans' as 'uniform' }], /"strategy" must be quantile or uniform \(got "kmeans"\)/);
    expect(() => fitRecipe(table, { version: 1, steps: [{ step: 'bin', columns: ['c'] }] }, { rows: train, exclude: [] })).toThrow(
      /step 1 \(bin\): column 'c' is categorical; bin needs numbers \(encode it with ordinal or targetEncode first\)/,
    );
    expect(() => fitRecipe(table, { version: 1, steps: [{ step: 'bin', columns: ['x'] }, { step: 'drop', columns: ['c'] }] }, { rows: Uint32Array.of(12), exclude: [] })).toThrow(
      /column 'x' has no values in the training rows/,
    );
  });
});

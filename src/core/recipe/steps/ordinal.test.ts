/** ordinal against hand-computed codes. */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../../data/buildTable';
import { rawFromValues } from '../../data/rawFromValues';
import { InputError } from '../../errors/errors';
import { applyRecipe } from '../applyRecipe';
import { fitRecipe } from '../fitRecipe';
import type { RecipeStep } from '../recipe';

// rows 0..6 train; row 7 ('z', unseen) and row 8 (missing) are only scored
const table = buildTable(
  ['c', 'x', 'y'],
  [
    rawFromValues(['b', 'a', 'b', null, 'c', 'a', 'b', 'z', null]),
    rawFromValues([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    rawFromValues([0, 1, 0, 1, 0, 1, 0, 1, 0]),
  ],
  9,
);
const train = Uint32Array.from([0, 1, 2, 3, 4, 5, 6]);
const all = Uint32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8]);
const fit = (steps: RecipeStep[]) => fitRecipe(table, { version: 1, steps }, { rows: train, exclude: ['y'] });

describe('ordinal', () => {
  it('codes categories by training frequency (b 3, a 2, c 1); unseen and missing are −1', () => {
    const fitted = fit([{ step: 'ordinal', columns: ['c'] }]);
    expect(fitted.columns[0]).toEqual({
      kind: 'numeric',
      name: 'c',
      source: { from: 'lookup', column: 'c', encoding: 'ordinal', impute: null, keys: ['b', 'a', 'c'], values: [0, 1, 2], fallback: -1 },
      indicator: false,
      ops: [],
      feature: true,
    });
    expect(fitted.inputs).toEqual([
      { column: 'c', columnType: 'categorical' },
      { column: 'x', columnType: 'numeric' },
    ]);
    expect(fitted.features).toEqual(['c', 'x']);
    expect(Array.from(applyRecipe(fitted, table, all)[0])).toEqual([0, 1, 0, -1, 2, 1, 0, -1, -1]);
  });

  it('equal counts in code-unit order; a given order; imputation first; later numeric steps', () => {
    const tie = buildTable(['c'], [rawFromValues(['q', 'B', 'a', 'q', 'a', 'B'])], 6);
    const fitted = fitRecipe(tie, { version: 1, steps: [{ step: 'ordinal', columns: ['c'] }] }, { rows: Uint32Array.from([0, 1, 2, 3, 4, 5]), exclude: [] });
    expect(fitted.columns[0]).toMatchObject({ source: { keys: ['B', 'a', 'q'] } });

    const ordered = fit([{ step: 'ordinal', columns: ['c'], order: ['c', 'b', 'never'] }]);
    expect(Array.from(applyRecipe(ordered, table, all)[0])).toEqual([1, -1, 1, -1, 0, -1, 1, -1, -1]);

    const imputed = fit([
      { step: 'impute', columns: ['c'], strategy: 'mode' },
      { step: 'ordinal', columns: ['c'] },
      { step: 'scale', columns: ['c'], method: 'minmax' },
    ]);
    // missing → 'b' (mode) → 0; training codes 0, 1, 0, 0, 2, 1, 0 → min 0, range 2
    expect(imputed.columns[0]).toMatchObject({ source: { impute: 'b', keys: ['b', 'a', 'c'] }, ops: [{ op: 'scale', center: 0, scale: 2 }] });
    expect(Array.from(applyRecipe(imputed, table, all)[0])).toEqual([0, 0.5, 0, 0, 1, 0.5, 0, -0.5, 0]);
  });

  it('explains what it cannot do', () => {
    const bad = (steps: RecipeStep[], message: RegExp) => {
      expect(() => fit(steps)).toThrow(InputError);
      expect(() => fit(steps)).toThrow(message);
    };
    bad([{ step: 'ordinal', columns: ['x'] }], /recipe step 1 \(ordinal\): column 'x' is numeric; ordinal encodes categorical columns/);
    bad(
      [
        { step: 'ordinal', columns: ['c'] },
        { step: 'oneHot', columns: ['c'] },
      ],
      /step 2 \(oneHot\): column 'c' is already encoded by an earlier ordinal step/,
    );
    bad(
      [
        { step: 'oneHot', columns: ['c'] },
        { step: 'ordinal', columns: ['c'] },
      ],
      /step 2 \(ordinal\): column 'c' is already one-hot encoded/,
    );
    bad([{ step: 'ordinal', columns: ['c'], order: ['a', 'a'] }], /"order" lists 'a' twice/);
    bad([{ step: 'ordinal', columns: ['c'], order: [] }], /"order" must be a non-empty array/);
    const empty = buildTable(['c', 'x'], [rawFromValues(['a', null]), rawFromValues([1, 2])], 2);
    expect(() => fitRecipe(empty, { version: 1, steps: [{ step: 'ordinal', columns: ['c'] }] }, { rows: Uint32Array.of(1), exclude: [] })).toThrow(
      /column 'c' has no values in the training rows to order \(give "order"\)/,
    );
  });
});

// Reference values: src/core/stats/fixtures/*.json (scripts/fixtures/make_stats_fixtures.py):
// numpy.quantile(x, q) (default method='linear') on the non-missing values.
import { describe, expect, it } from 'vitest';
import { quantileSorted, quantiles, sortedNonMissing } from './quantile';
import { FIXTURES, expectClose, fixtureTable } from './testing/fixtures';

describe('quantiles against numpy', () => {
  for (const f of FIXTURES) {
    it(f.name, () => {
      const table = fixtureTable(f);
      for (const ref of f.reference.quantiles) {
        const column = table.columns.find((c) => c.name === ref.column)!;
        if (column.type !== 'numeric') throw new Error('fixture column not numeric');
        const got = quantiles(column.values, undefined, ref.q);
        ref.values.forEach((v, k) => expectClose(got[k], v, 1e-15, 1e-300, `${ref.column} q=${ref.q[k]}`));
      }
    });
  }

  it('edge cases', () => {
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
    expect(quantileSorted(Float64Array.of(3), 0.3)).toBe(3);
    expect(quantileSorted(Float64Array.of(1, 2), 0.5)).toBe(1.5);
    expect(quantileSorted(Float64Array.of(1, 2, 4), 1)).toBe(4);
    expect(Array.from(sortedNonMissing(Float64Array.of(3, NaN, -1, 2), Uint32Array.of(0, 1, 2)))).toEqual([-1, 3]);
  });
});

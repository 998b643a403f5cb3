// Reference values: src/core/stats/fixtures/*.json (scripts/fixtures/make_stats_fixtures.py):
// numpy.quantile (linear) quartiles, fences q25 − 1.5·IQR and q75 + 1.5·IQR, strict comparisons.
import { describe, expect, it } from 'vitest';
import { iqrOutliers } from './outliers';
import { FIXTURES, expectClose, fixtureTable } from './testing/fixtures';
import { tableFromJson } from './testing/tableFromJson';

describe('iqrOutliers against numpy', () => {
  for (const f of FIXTURES) {
    const scopes = [{ label: 'all rows', rows: undefined, ref: f.reference.outliers }];
    const sel = f.reference.selection;
    if (sel) scopes.push({ label: 'selection', rows: sel.rows as never, ref: sel.outliers });
    for (const scope of scopes) {
      it(`${f.name}: ${scope.label}`, () => {
        const table = fixtureTable(f);
        const rows = scope.rows ? Uint32Array.from(scope.rows as number[]) : undefined;
        const names = Object.keys(scope.ref);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) {
          const column = table.columns.find((c) => c.name === name)!;
          const actual = iqrOutliers(column, rows);
          const expected = scope.ref[name];
          if (expected === null) {
            expect(actual, name).toBeNull();
            continue;
          }
          expect(actual, name).not.toBeNull();
          expectClose(actual!.lowerFence, expected.lowerFence, 1e-13, 1e-13, `${name}.lowerFence`);
          expectClose(actual!.upperFence, expected.upperFence, 1e-13, 1e-13, `${name}.upperFence`);
          expect([actual!.low, actual!.high], name).toEqual([expected.low, expected.high]);
        }
      });
    }
  }

  it('is null for non-numeric columns', () => {
    const t = tableFromJson([{ name: 'c', type: 'categorical', data: ['a', 'b'] }]);
    expect(iqrOutliers(t.columns[0])).toBeNull();
  });
});

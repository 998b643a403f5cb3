// Reference values: src/core/stats/fixtures/*.json (scripts/fixtures/make_stats_fixtures.py):
// pandas isna counts, co-occurrence = isna.T @ isna, patterns counted in row order with
// collections.Counter.most_common (ties: first appearance).
import { describe, expect, it } from 'vitest';
import { missingness } from './missingness';
import { FIXTURES, fixtureTable } from './testing/fixtures';
import { tableFromJson } from './testing/tableFromJson';

describe('missingness against pandas', () => {
  for (const f of FIXTURES) {
    it(`${f.name}: all rows`, () => {
      expect(missingness(fixtureTable(f))).toEqual(f.reference.missingness);
    });
    const sel = f.reference.selection;
    if (sel) {
      it(`${f.name}: selection`, () => {
        expect(missingness(fixtureTable(f), Uint32Array.from(sel.rows))).toEqual(sel.missingness);
      });
    }
  }

  it('handles more than 52 columns with missing values (string pattern keys)', () => {
    const cols = Array.from({ length: 60 }, (_, j) => ({
      name: `c${j}`,
      type: 'numeric' as const,
      data: [j % 2 === 0 ? null : 1, null, 3, j === 59 ? null : 4],
    }));
    const r = missingness(tableFromJson(cols));
    expect(r.cooccurrence.names.length).toBe(60);
    expect(r.patterns.map((p) => p.count)).toEqual([1, 1, 1]);
    // every pattern occurs once → first-appearance order: row 0 (even columns), row 1 (all), row 3 (c59)
    expect(r.patterns.map((p) => p.columns.length)).toEqual([30, 60, 1]);
    expect(r.patterns[2].columns).toEqual(['c59']);
    expect(r.completeRows).toBe(1);
  });
});

// Reference values: src/core/stats/fixtures/*.json, computed by
// scripts/fixtures/make_stats_fixtures.py with pandas (count, isna, nunique, mean, std ddof=1,
// min, max), numpy.quantile (linear) and collections.Counter.most_common (ties: first appearance).
import { describe, expect, it } from 'vitest';
import { profileColumn, profileTable } from './profile';
import type { ColumnProfile, ProfileResult } from './results';
import { FIXTURES, expectClose, fixtureTable } from './testing/fixtures';
import { tableFromJson } from './testing/tableFromJson';

function compareProfile(actual: ProfileResult, expected: ProfileResult) {
  expect(actual.rows).toBe(expected.rows);
  expect(actual.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
  actual.columns.forEach((a, i) => compareColumn(a, expected.columns[i]));
}

function compareColumn(a: ColumnProfile, e: ColumnProfile) {
  const what = (f: string) => `${e.name}.${f}`;
  expect(a.type, what('type')).toBe(e.type);
  expect(a.count, what('count')).toBe(e.count);
  expect(a.missing, what('missing')).toBe(e.missing);
  expect(a.distinct, what('distinct')).toBe(e.distinct);
  const scale = Math.max(Math.abs(e.min ?? 0), Math.abs(e.max ?? 0));
  for (const f of ['mean', 'min', 'q25', 'median', 'q75', 'max'] as const) {
    expectClose(a[f], e[f], 1e-13, 1e-15 * scale, what(f));
  }
  // std: relative to the data's scale too (numpy's std of a constant column is ~1e-16, ours is 0)
  expectClose(a.std, e.std, 1e-12, 1e-14 * scale, what('std'));
  expect(a.top.length, what('top.length')).toBe(e.top.length);
  a.top.forEach((t, k) => {
    expect(t.count, what(`top[${k}].count`)).toBe(e.top[k].count);
    if (typeof e.top[k].value === 'number') expect(t.value === e.top[k].value, what(`top[${k}].value ${t.value}`)).toBe(true);
    else expect(t.value, what(`top[${k}].value`)).toBe(e.top[k].value);
  });
}

describe('profile against pandas/numpy', () => {
  for (const f of FIXTURES) {
    it(`${f.name}: all rows`, () => {
      compareProfile(profileTable(fixtureTable(f)), f.reference.profile);
    });
    const sel = f.reference.selection;
    if (sel) {
      it(`${f.name}: row selection (${sel.description})`, () => {
        compareProfile(profileTable(fixtureTable(f), Uint32Array.from(sel.rows)), sel.profile);
      });
    }
  }
});

describe('profile properties', () => {
  it('JSON output has no NaN and null std for a single value', () => {
    const t = tableFromJson([{ name: 'x', type: 'numeric', data: [null, 2, null] }]);
    const p = profileColumn(t.columns[0]);
    expect(p).toMatchObject({ count: 1, missing: 2, distinct: 1, mean: 2, std: null, median: 2 });
    expect(JSON.stringify(p)).not.toContain('NaN');
  });

  it('top keeps first appearance order among equal counts, within the selection', () => {
    const t = tableFromJson([{ name: 'c', type: 'categorical', data: ['a', 'b', 'b', 'a', 'c', 'c'] }]);
    expect(profileColumn(t.columns[0]).top.map((x) => x.value)).toEqual(['a', 'b', 'c']);
    // rows 2..5: b, a, c, c → c first, then b (appears before a)
    expect(profileColumn(t.columns[0], Uint32Array.from([2, 3, 4, 5])).top).toEqual([
      { value: 'c', count: 2 },
      { value: 'b', count: 1 },
      { value: 'a', count: 1 },
    ]);
  });

  it('numeric top: ties at the 10th place are decided by first appearance', () => {
    // 12 distinct values, 5 and 7 twice, the rest once: top = 5, 7, then the first 8 singletons in row order
    const data = [11, 10, 9, 5, 8, 7, 6, 5, 4, 3, 2, 1, 0, 7];
    const t = tableFromJson([{ name: 'x', type: 'numeric', data }]);
    expect(profileColumn(t.columns[0]).top.map((x) => x.value)).toEqual([5, 7, 11, 10, 9, 8, 6, 4, 3, 2]);
  });
});

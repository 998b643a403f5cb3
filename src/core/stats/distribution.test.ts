// Histogram bins have no external reference: the tests check the defining properties (every
// non-missing value counted once in the bin [start, end) that contains it, the last bin closed,
// contiguous nice edges) against brute force; category lists are checked against the pandas
// value counts of the fixtures (profile.top, Counter.most_common with first-appearance ties).
import { describe, expect, it } from 'vitest';
import type { Column } from '../data/table';
import { columnDistribution } from './distribution';
import { binCount, niceEdges } from './histogramBins';
import type { Histogram, TopCategories } from './results';
import { FIXTURES, fixtureTable } from './testing/fixtures';
import { tableFromJson } from './testing/tableFromJson';

function checkHistogram(column: Column & { values: Float64Array }, h: Histogram, rows?: Uint32Array) {
  const vals = rows ? Array.from(rows, (r) => column.values[r]) : Array.from(column.values);
  const present = vals.filter((v) => !Number.isNaN(v));
  expect(h.missing).toBe(vals.length - present.length);
  if (present.length === 0) {
    expect(h.bins).toEqual([]);
    return;
  }
  const k = h.bins.length;
  expect(k).toBeGreaterThan(0);
  for (let i = 1; i < k; i++) expect(h.bins[i].start).toBe(h.bins[i - 1].end);
  const expected = h.bins.map((b, i) => present.filter((x) => x >= b.start && (x < b.end || (i === k - 1 && x === b.end))).length);
  expect(h.bins.map((b) => b.count)).toEqual(expected);
  expect(expected.reduce((a, b) => a + b, 0)).toBe(present.length);
  // the first and last bins are not empty (edges hug the data)
  expect(h.bins[0].count).toBeGreaterThan(0);
  expect(h.bins[k - 1].count).toBeGreaterThan(0);
}

describe('columnDistribution', () => {
  for (const f of FIXTURES) {
    it(`${f.name}: histograms hold every value in its bin; categories match value counts`, () => {
      const table = fixtureTable(f);
      const sel = f.reference.selection ? Uint32Array.from(f.reference.selection.rows) : undefined;
      for (const rows of [undefined, sel]) {
        const profile = rows ? f.reference.selection!.profile : f.reference.profile;
        table.columns.forEach((column, ci) => {
          const d = columnDistribution(column, rows);
          if (column.type === 'numeric' || column.type === 'datetime') {
            expect(d.kind).toBe('histogram');
            checkHistogram(column, d as Histogram, rows);
            const h = d as Histogram;
            const p = profile.columns[ci];
            if (p.distinct > 1) expect(h.bins.length, column.name).toBeGreaterThanOrEqual(Math.min(8, p.distinct));
            expect(h.bins.length, column.name).toBeLessThanOrEqual(61);
          } else {
            const c = d as TopCategories;
            expect(c.kind).toBe('categories');
            const p = profile.columns[ci];
            expect(c.missing).toBe(p.missing);
            expect(c.categories.reduce((a, x) => a + x.count, 0) + c.otherCount).toBe(p.count);
            expect(c.categories.length).toBe(Math.min(20, p.distinct));
            // same ranking as the profile's top 10 (labels as strings)
            expect(c.categories.slice(0, 10).map((x) => x.value)).toEqual(p.top.map((t) => String(t.value)));
            expect(c.categories.slice(0, 10).map((x) => x.count)).toEqual(p.top.map((t) => t.count));
          }
        });
      }
    });
  }

  it('datetime bins use whole time units (UTC days here)', () => {
    const day = 86400000;
    const data = Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 90) * day + (i % 5) * 3600000).toISOString());
    const t = tableFromJson([{ name: 'd', type: 'datetime', data }]);
    const h = columnDistribution(t.columns[0]) as Histogram;
    for (const b of h.bins) expect(b.start % day).toBe(0);
  });

  it('nice edges are short decimals', () => {
    const edges = niceEdges(0.013, 0.987, 10);
    expect(edges[0]).toBe(0);
    expect(edges[edges.length - 1]).toBe(1);
    for (const e of edges) expect(String(e).length).toBeLessThanOrEqual(4);
    expect(niceEdges(-3.2, 101, 20).every((e) => Number.isInteger(e / 5))).toBe(true);
  });

  it('bin count: Freedman–Diaconis clamped to [10, 60], Sturges without IQR', () => {
    expect(binCount(1_000_000, 10, 1)).toBe(60);
    expect(binCount(100, 10, 5)).toBe(10);
    expect(binCount(5000, 20, 10)).toBe(18); // h = 2·10/5000^(1/3) = 1.1696, 20/h = 17.1
    expect(binCount(1000, 20, 0)).toBe(11); // Sturges: ceil(log2 1000) + 1
  });

  it('constant column: one bin around the value', () => {
    const t = tableFromJson([{ name: 'x', type: 'numeric', data: [2, 2, null] }]);
    expect(columnDistribution(t.columns[0])).toEqual({
      kind: 'histogram',
      column: 'x',
      type: 'numeric',
      bins: [{ start: 1.5, end: 2.5, count: 2 }],
      missing: 1,
    });
  });

  it('integer data: one bin per integer when at most 60 are spanned', () => {
    const t = tableFromJson([{ name: 'x', type: 'numeric', data: [1, 2, 2, 4, 4, 4] }]);
    expect((columnDistribution(t.columns[0]) as Histogram).bins).toEqual([
      { start: 0.5, end: 1.5, count: 1 },
      { start: 1.5, end: 2.5, count: 2 },
      { start: 2.5, end: 3.5, count: 0 },
      { start: 3.5, end: 4.5, count: 3 },
    ]);
  });

  it('bins option overrides the default count', () => {
    const t = tableFromJson([{ name: 'x', type: 'numeric', data: Array.from({ length: 100 }, (_, i) => i + 0.5) }]);
    expect((columnDistribution(t.columns[0], undefined, { bins: 4 }) as Histogram).bins.map((b) => b.start)).toEqual([0, 25, 50, 75]);
    expect((columnDistribution(t.columns[0], undefined, { bins: 10 }) as Histogram).bins.length).toBe(10);
  });
});

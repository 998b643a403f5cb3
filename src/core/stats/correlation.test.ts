// Reference values: src/core/stats/fixtures/*.json (scripts/fixtures/make_stats_fixtures.py):
// pandas Series.corr(method='pearson' | 'spearman') per pair (numpy.corrcoef / scipy.stats.spearmanr
// on the complete pairs) of numeric and boolean (0/1) columns,
// pairwise counts = notna.T @ notna; Cramér's V = sqrt(chi2 / (n (min(r, c) − 1))) with chi2
// from scipy.stats.chi2_contingency(pandas.crosstab(a, b), correction=False).
import { describe, expect, it } from 'vitest';
import { correlationMatrix } from './correlation';
import { cramersV } from './cramersV';
import { categoryView } from './columnViews';
import { pearson } from './pearson';
import { averageRanks } from './ranks';
import type { CorrelationMatrix } from './results';
import { spearman } from './spearman';
import { FIXTURES, type RefMatrix, expectClose, fixtureTable } from './testing/fixtures';
import { tableFromJson } from './testing/tableFromJson';

function compareMatrix(actual: CorrelationMatrix, expected: RefMatrix) {
  expect(actual.names).toEqual(expected.names);
  expect(actual.n).toEqual(expected.n);
  expected.values.forEach((row, i) =>
    row.forEach((e, j) => expectClose(actual.values[i][j], e, 1e-12, 1e-13, `${expected.names[i]} × ${expected.names[j]}`)),
  );
}

describe('correlationMatrix against pandas / scipy', () => {
  for (const f of FIXTURES) {
    for (const method of ['pearson', 'spearman', 'cramersV'] as const) {
      it(`${f.name}: ${method}, all rows`, () => {
        compareMatrix(correlationMatrix(fixtureTable(f), undefined, method), f.reference.correlation[method]);
      });
      const sel = f.reference.selection;
      if (sel) {
        it(`${f.name}: ${method}, selection`, () => {
          compareMatrix(correlationMatrix(fixtureTable(f), Uint32Array.from(sel.rows), method), sel.correlation[method]);
        });
      }
    }
  }
});

// deterministic pseudo-random numbers for property tests (no Math.random in core)
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('correlation properties', () => {
  const rnd = lcg(7);
  const x = Float64Array.from({ length: 3000 }, () => (rnd() < 0.05 ? NaN : Math.round((rnd() - 0.5) * 2000) / 10));
  // y: its own extra missing values (so pairs drop different rows on each side) and ties
  const y = Float64Array.from(x, (v, i) => (Number.isNaN(v) || i % 11 === 0 ? NaN : Math.round(v + (rnd() - 0.5) * 40)));

  it('Spearman of a strictly monotone transform is 1 (−1 when decreasing), ties included', () => {
    const t = Float64Array.from(x, (v) => Math.exp(v / 50) - 3);
    expect(spearman(x, t).r).toBeCloseTo(1, 14);
    expect(spearman(x, Float64Array.from(x, (v) => -(v ** 3))).r).toBeCloseTo(-1, 14);
    expect(pearson(x, t).r!).toBeLessThan(0.99);
  });

  it('Spearman = Pearson of average ranks on complete pairs', () => {
    const keep = Array.from(x.keys()).filter((i) => !Number.isNaN(x[i]) && !Number.isNaN(y[i]));
    const xs = Float64Array.from(keep, (i) => x[i]);
    const ys = Float64Array.from(keep, (i) => y[i]);
    const ref = pearson(averageRanks(xs), averageRanks(ys));
    const s = spearman(x, y);
    expect(s.n).toBe(keep.length);
    expectClose(s.r, ref.r, 1e-14, 1e-15, 'rho');
  });

  it('Pearson is invariant to affine maps and symmetric', () => {
    const r = pearson(x, y).r!;
    expectClose(pearson(Float64Array.from(x, (v) => 3 * v - 7), y).r, r, 1e-13, 0, 'affine');
    expectClose(pearson(Float64Array.from(x, (v) => -2 * v), y).r, -r, 1e-13, 0, 'negated');
    expect(pearson(y, x).r).toBe(r);
  });

  it('matrix cells equal the pair functions, with and without missing values and selections', () => {
    const z = Float64Array.from(x, (v, i) => (Number.isNaN(v) ? i % 7 : v * v));
    const t = tableFromJson([
      { name: 'x', type: 'numeric', data: Array.from(x, (v) => (Number.isNaN(v) ? null : v)) },
      { name: 'y', type: 'numeric', data: Array.from(y, (v) => (Number.isNaN(v) ? null : v)) },
      { name: 'z', type: 'numeric', data: Array.from(z) },
      { name: 'w', type: 'numeric', data: Array.from(z, (v) => -v * 0.5 + 1) },
    ]);
    const cols = [x, y, z, Float64Array.from(z, (v) => -v * 0.5 + 1)];
    for (const method of ['pearson', 'spearman'] as const) {
      const mat = correlationMatrix(t, undefined, method);
      const fn = method === 'pearson' ? pearson : spearman;
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          if (i === j) continue;
          const c = fn(cols[i], cols[j]);
          expect(mat.n[i][j]).toBe(c.n);
          expectClose(mat.values[i][j], c.r, 1e-13, 1e-15, `${method} ${i},${j}`);
        }
      }
      // a selection equals the matrix of the gathered sub-table
      const rows = Uint32Array.from({ length: 900 }, (_, k) => k * 3 + 1);
      const sub = tableFromJson(
        ['x', 'y', 'z', 'w'].map((name, c) => ({ name, type: 'numeric' as const, data: Array.from(rows, (r) => (Number.isNaN(cols[c][r]) ? null : cols[c][r])) })),
      );
      const a = correlationMatrix(t, rows, method);
      const b = correlationMatrix(sub, undefined, method);
      expect(a.n).toEqual(b.n);
      a.values.forEach((row, i) => row.forEach((v, j) => expectClose(v, b.values[i][j], 1e-14, 1e-15, `${method} sel ${i},${j}`)));
      expect(mat.values[2][3]).toBeCloseTo(-1, 14);
    }
  });

  it('Cramér\'s V is 1 for a relabelling, ~0 for independent columns, null for a single category', () => {
    const a = Array.from({ length: 400 }, (_, i) => ['u', 'v', 'w'][i % 3]);
    const b = a.map((v) => ({ u: 'x', v: 'y', w: 'z' })[v]!);
    const c = Array.from({ length: 400 }, (_, i) => ['p', 'q'][Math.floor(i / 3) % 2]);
    const t = tableFromJson([
      { name: 'a', type: 'categorical', data: a },
      { name: 'b', type: 'categorical', data: b },
      { name: 'c', type: 'categorical', data: c },
      { name: 'k', type: 'categorical', data: a.map(() => 'same') },
    ]);
    const [va, vb, vc, vk] = t.columns.map((col) => categoryView(col)!);
    expect(cramersV(va, vb).r).toBeCloseTo(1, 14);
    expect(cramersV(va, vc).r!).toBeLessThan(0.05);
    expect(cramersV(va, vk)).toEqual({ r: null, n: 400 });
  });

  it('rejects columns that do not suit the method', () => {
    const t = tableFromJson([{ name: 'c', type: 'categorical', data: ['a'] }]);
    expect(() => correlationMatrix(t, undefined, 'pearson', { columns: ['c'] })).toThrow(/categorical; pearson needs numeric/);
    expect(() => correlationMatrix(t, undefined, 'pearson', { columns: ['nope'] })).toThrow(/'nope' not found/);
  });
});

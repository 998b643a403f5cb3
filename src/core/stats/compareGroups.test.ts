// Reference values: src/core/stats/fixtures/*.json (scripts/fixtures/make_stats_fixtures.py):
// scipy.stats.ttest_ind(a, b, equal_var=False), scipy.stats.mannwhitneyu(a, b,
// alternative='two-sided', method='asymptotic', use_continuity=True) and
// scipy.stats.chi2_contingency(table, correction=False) (scipy 1.10); means numpy.mean,
// medians numpy.quantile(x, 0.5); groups = rows where a column equals a value.
import { describe, expect, it } from 'vitest';
import type { Table } from '../data/table';
import { categoryView, numericView } from './columnViews';
import { compareGroups } from './compareGroups';
import { mannWhitneyU } from './mannWhitney';
import { FIXTURES, expectClose, fixtureTable } from './testing/fixtures';
import { tableFromJson } from './testing/tableFromJson';
import { welchT } from './welchT';

function rowsWhere(table: Table, column: string, value: string): Uint32Array {
  const view = categoryView(table.columns.find((c) => c.name === column)!)!;
  const code = view.labels.indexOf(value);
  const out: number[] = [];
  view.codes.forEach((c, i) => c === code && out.push(i));
  return Uint32Array.from(out);
}

describe('compareGroups against scipy', () => {
  for (const f of FIXTURES) {
    for (const g of f.reference.groupTests) {
      it(`${f.name}: ${g.groups.column} = ${g.groups.a} vs ${g.groups.b}`, () => {
        const table = fixtureTable(f);
        const a = rowsWhere(table, g.groups.column, g.groups.a);
        const b = rowsWhere(table, g.groups.column, g.groups.b);
        expect(g.results.length).toBeGreaterThan(3);
        for (const ref of g.results) {
          const column = table.columns.find((c) => c.name === ref.column)!;
          const what = `${ref.column} ${ref.test}`;
          const r = compareGroups(column, a, b, ref.test === 'chi-squared' ? {} : { numericTest: ref.test });
          expect(r.test, what).toBe(ref.test);
          expectClose(r.statistic, ref.statistic, 1e-10, 1e-12, `${what} statistic`);
          expectClose(r.pValue, ref.pValue, 1e-9, 1e-300, `${what} p`);
          expectClose(r.df, ref.df, 1e-10, 0, `${what} df`);
          for (const side of ['a', 'b'] as const) {
            expect(r[side].n, what).toBe(ref[side].n);
            expectClose(r[side].mean, ref[side].mean, 1e-13, 0, `${what} ${side}.mean`);
            expectClose(r[side].median, ref[side].median, 1e-13, 0, `${what} ${side}.median`);
          }
          if (ref.table) expect(r.table, what).toEqual(ref.table);
        }
      });
    }
  }
});

describe('group tests: properties and edge cases', () => {
  it('Mann-Whitney: U_a + U_b = n_a·n_b and the p-value is symmetric', () => {
    const a = Float64Array.of(1, 2, 2, 3, 5, 8, 8, 8, 13);
    const b = Float64Array.of(2, 3, 3, 4, 9, 10, 11);
    const ab = mannWhitneyU(a, b);
    const ba = mannWhitneyU(b, a);
    expect(ab.statistic + ba.statistic).toBe(a.length * b.length);
    expect(ab.pValue).toBe(ba.pValue);
    expect(mannWhitneyU(Float64Array.of(1, 1), Float64Array.of(1)).pValue).toBe(1);
  });

  it('Welch: swapping the groups negates t and keeps p', () => {
    const a = Float64Array.of(1.5, 2.25, 3, 4.75, 5);
    const b = Float64Array.of(-1, 0, 0.5, 2, 9, 11);
    const ab = welchT(a, b);
    const ba = welchT(b, a);
    expect(ba.statistic).toBe(-ab.statistic);
    expect(ba.pValue).toBe(ab.pValue);
    expect(ba.df).toBe(ab.df);
  });

  it('undefined tests are InputErrors naming the column', () => {
    const t = tableFromJson([
      { name: 'x', type: 'numeric', data: [1, 1, 1, 1, null] },
      { name: 'c', type: 'categorical', data: ['a', 'b', null, null, null] },
    ]);
    expect(() => compareGroups(t.columns[0], Uint32Array.of(0, 1), Uint32Array.of(2, 3))).toThrow(/constant in both groups/);
    expect(() => compareGroups(t.columns[0], Uint32Array.of(0, 1), Uint32Array.of(4))).toThrow(/'x' has no non-missing values in group B/);
    expect(() => compareGroups(t.columns[1], Uint32Array.of(2), Uint32Array.of(0, 1))).toThrow(/'c' has no non-missing values in group A/);
    expect(numericView(t.columns[0])).not.toBeNull();
  });

  it('chi-squared with a single observed category: statistic 0, p 1, df 0 (as scipy)', () => {
    const t = tableFromJson([{ name: 'c', type: 'categorical', data: ['a', 'a', 'a', 'b'] }]);
    const r = compareGroups(t.columns[0], Uint32Array.of(0, 1), Uint32Array.of(2));
    expect(r).toMatchObject({ statistic: 0, pValue: 1, df: 0, table: [{ value: 'a', a: 2, b: 1 }] });
  });
});

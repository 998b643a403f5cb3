// Reference values: src/core/stats/fixtures/*.json (scripts/fixtures/make_stats_fixtures.py):
// per-group counts and target rates/means with pandas/numpy on the same groups (quantile bins
// by numpy.quantile + numpy.searchsorted, top 20 categories by Counter.most_common), mutual
// information by sklearn.metrics.mutual_info_score on the group codes vs the target classes
// (or the target's quantile bins for regression). Pairwise MI: mutual_info_score on two
// categorical columns (rows with a missing value dropped).
import { describe, expect, it } from 'vitest';
import { categoryView } from './columnViews';
import { mutualInformation } from './mutualInformation';
import { targetAnalysis } from './targetAnalysis';
import { FIXTURES, expectClose, fixtureTable } from './testing/fixtures';
import { tableFromJson } from './testing/tableFromJson';

describe('targetAnalysis against pandas / scikit-learn', () => {
  for (const f of FIXTURES) {
    for (const ref of f.reference.target) {
      it(`${f.name}: target ${ref.target} (${ref.task})`, () => {
        const r = targetAnalysis(fixtureTable(f), ref.target, undefined, ref.options);
        expect(r.task).toBe(ref.task);
        expect(r.positive).toBe(ref.positive);
        expect(r.n).toBe(ref.n);
        expectClose(r.overall, ref.overall, 1e-13, 0, 'overall');
        expect(r.columns.length).toBe(ref.columns.length);
        for (const e of ref.columns) {
          const a = r.columns.find((c) => c.column === e.column)!;
          expectClose(a.mutualInformation, e.mutualInformation, 1e-10, 1e-14, `${e.column} MI`);
          expect(a.rows.length, e.column).toBe(e.rows.length);
          a.rows.forEach((row, k) => {
            const x = e.rows[k];
            const what = `${e.column} row ${k}`;
            expect(row.count, what).toBe(x.count);
            expectClose(row.value, x.value, 1e-12, 0, `${what} value`);
            if (x.label !== undefined) expect(row.label, what).toBe(x.label);
            else {
              expectClose(row.start, x.start, 1e-15, 0, `${what} start`);
              expectClose(row.end, x.end, 1e-15, 0, `${what} end`);
            }
          });
        }
        // ranked by MI, descending
        for (let k = 1; k < r.columns.length; k++) {
          expect(r.columns[k].mutualInformation).toBeLessThanOrEqual(r.columns[k - 1].mutualInformation);
        }
      });
    }
  }

  for (const f of FIXTURES) {
    it(`${f.name}: pairwise mutual information of categorical columns`, () => {
      const table = fixtureTable(f);
      for (const ref of f.reference.mutualInformation) {
        const a = categoryView(table.columns.find((c) => c.name === ref.a)!)!;
        const b = categoryView(table.columns.find((c) => c.name === ref.b)!)!;
        expectClose(mutualInformation(a.codes, a.labels.length, b.codes, b.labels.length), ref.mi, 1e-10, 1e-14, `${ref.a} × ${ref.b}`);
      }
    });
  }
});

describe('targetAnalysis rules', () => {
  const t = tableFromJson([
    { name: 'y3', type: 'categorical', data: ['lo', 'mid', 'hi', 'lo', null, 'mid'] },
    { name: 'yb', type: 'categorical', data: ['no', 'yes', 'no', 'no', 'yes', null] },
    { name: 'one', type: 'numeric', data: [4, 4, null, 4, 4, 4] },
    { name: 'n2', type: 'numeric', data: [5, 7, 7, 5, 7, 7] },
    { name: 'd', type: 'datetime', data: ['2020-01-01', null, '2020-01-02', null, null, null] },
    { name: 'x', type: 'numeric', data: [1, 2, 3, 4, 5, 6] },
  ]);

  it('3+ classes: InputError naming the classes and suggesting to binarize', () => {
    expect(() => targetAnalysis(t, 'y3')).toThrow(/target 'y3' has 3 classes \('lo', 'mid', 'hi'\).*binarize/);
  });

  it('default positive: the less frequent class; an explicit one must exist', () => {
    expect(targetAnalysis(t, 'yb').positive).toBe('yes');
    expect(targetAnalysis(t, 'yb', undefined, { positive: 'no' }).positive).toBe('no');
    expect(targetAnalysis(t, 'yb', undefined, { positive: 'no' }).overall).toBe(0.6);
    expect(() => targetAnalysis(t, 'yb', undefined, { positive: 'maybe' })).toThrow(/'maybe' is not a value of target 'yb'.*'no' and 'yes'/);
    expect(targetAnalysis(t, 'n2').positive).toBe('5');
    // equal counts: the class that appears second
    const tie = tableFromJson([{ name: 'y', type: 'categorical', data: ['b', 'a', 'a', 'b'] }, { name: 'x', type: 'numeric', data: [1, 2, 3, 4] }]);
    expect(targetAnalysis(tie, 'y').positive).toBe('a');
    expect(targetAnalysis(t, 'n2', undefined, { positive: '7.0' }).positive).toBe('7');
  });

  it('single-valued, datetime and unknown targets are InputErrors', () => {
    expect(() => targetAnalysis(t, 'one')).toThrow(/single value \('4'\)/);
    expect(() => targetAnalysis(t, 'd')).toThrow(/datetime/);
    expect(() => targetAnalysis(t, 'nope')).toThrow(/'nope' not found/);
    expect(() => targetAnalysis(t, 'yb', Uint32Array.of(0, 2))).toThrow(/single value \('no'\)/);
  });

  it('numeric target with more than two values is regression', () => {
    const r = targetAnalysis(t, 'x');
    expect(r).toMatchObject({ task: 'regression', positive: null, overall: 3.5, n: 6 });
    const n2 = r.columns.find((c) => c.column === 'n2')!;
    expect(n2.rows).toEqual([
      { label: '5', count: 2, value: 2.5, start: 5, end: 5 },
      { label: '7', count: 4, value: 4, start: 7, end: 7 },
    ]);
  });
});

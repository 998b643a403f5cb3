/**
 * The fairness report on a table: groups from a text column equal the fixture's independent
 * values (scikit-learn / pandas / SciPy), missing values form their own group, a numeric column
 * with many values is cut into quantile bins labelled by intervals, two attributes add their
 * intersection, every interval holds its estimate, and bad input is refused.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import fixture from './fixtures/fairness.json';
import { fairnessReport, MISSING_GROUP } from './fairnessReport';

const n = fixture.y.length;
const age = Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : 18 + ((i * 37) % 60)));
const table = withColumnType(
  buildTable(
    ['y', 'p', 's', 'group', 'age'],
    [rawFromValues(fixture.y), rawFromValues(fixture.p), rawFromValues(fixture.s), rawFromValues(fixture.group), rawFromValues(age)],
    n,
  ),
  'group',
  'categorical',
);

describe('fairness report', () => {
  it('groups of a text column equal the independent reference; intervals hold their estimates', () => {
    const report = fairnessReport(table, { target: 'y', pred: 'p', score: 's', sensitive: ['group'], resamples: 200, seed: 3 });
    expect(report.positive).toBe('1');
    expect(report.favorable).toBe('1');
    const ref = fixture.favorable.positive;
    expect(report.groups.map((g) => g.group)).toEqual(['a', 'b', 'c', 'd']);
    for (const g of report.groups) {
      const r = ref.groups[g.group as keyof typeof ref.groups];
      expect(g.count).toBe(r.count);
      expect(g.selectionRate!).toBeCloseTo(r.selectionRate, 12);
      if (r.auc === null) expect(g.auc).toBeNull();
      else expect(g.auc!).toBeCloseTo(r.auc, 12);
      for (const [metric, interval] of Object.entries(g.ci)) {
        const value = g[metric as keyof typeof g] as number | null;
        if (interval && value !== null) {
          expect(interval[0]).toBeLessThanOrEqual(value + 1e-12);
          expect(interval[1]).toBeGreaterThanOrEqual(value - 1e-12);
        }
      }
    }
    expect(report.disparities[0].demographicParityDifference!).toBeCloseTo(ref.disparities.demographicParityDifference, 12);
    expect(report.overall.count).toBe(n);
    // the favourable outcome as the negative class
    const negative = fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['group'], favorable: '0', resamples: 50 });
    expect(negative.disparities[0].demographicParityRatio!).toBeCloseTo(fixture.favorable.negative.disparities.demographicParityRatio, 12);
    expect(negative.groups[0].auc).toBeNull(); // no --score
  });

  it('numeric attributes in quantile bins, missing values as their own group, and the intersection', () => {
    const report = fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['age', 'group'], bins: 4, resamples: 20 });
    const ages = report.groups.filter((g) => g.attribute === 'age').map((g) => g.group);
    expect(ages).toHaveLength(5);
    expect(ages[0]).toMatch(/^\[18, \d+(\.\d+)?\]$/);
    expect(ages.slice(1, 4).every((g) => /^\(\d+(\.\d+)?, \d+(\.\d+)?\]$/.test(g))).toBe(true);
    expect(ages[4]).toBe(MISSING_GROUP);
    expect(report.groups.filter((g) => g.attribute === 'age').reduce((s, g) => s + g.count, 0)).toBe(n);
    expect(report.disparities.map((d) => d.attribute)).toEqual(['age', 'group', 'age&group']);
    const cross = report.groups.filter((g) => g.attribute === 'age&group');
    expect(cross.every((g) => /\|[abcd]$/.test(g.group))).toBe(true);
    expect(cross.reduce((s, g) => s + g.count, 0)).toBe(n);
  });

  it('refuses what it cannot report on', () => {
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['nope'] })).toThrow(/column 'nope' not found/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', sensitive: [] })).toThrow(/at least one column/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['group'], favorable: '7' })).toThrow(/--favorable '7' is not one of the classes/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'group', sensitive: ['age'] })).toThrow(/classes/);
  });
});

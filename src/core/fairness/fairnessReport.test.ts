/**
 * The fairness report on a table against the independent reference
 * (scripts/fixtures/make_fairness_fixtures.py, scikit-learn / pandas / SciPy / NumPy): a text
 * attribute, an attribute with missing values (their own group), a numeric attribute cut into
 * quantile bins, the intersection with its empty combinations, the favourable outcome as the
 * negative class; small groups flagged; intervals hold their estimates; bad input refused.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import { FAIRNESS_DEFINITIONS } from './fairnessDefinitions';
import fixture from './fixtures/fairness.json';
import { fairnessReport, MISSING_GROUP, SMALL_GROUP, type FairnessReport } from './fairnessReport';

const n = fixture.y.length;
const table = withColumnType(
  buildTable(
    ['y', 'p', 's', 'group', 'region', 'age'],
    [rawFromValues(fixture.y), rawFromValues(fixture.p), rawFromValues(fixture.s), rawFromValues(fixture.group), rawFromValues(fixture.region), rawFromValues(fixture.age)],
    n,
  ),
  'group',
  'categorical',
);
const KEYS = ['count', 'selectionRate', 'truePositiveRate', 'falsePositiveRate', 'precision', 'accuracy', 'auc', 'expectedCalibrationError'] as const;
type Attribute = keyof typeof fixture.favorable.positive;

function expectReference(report: FairnessReport, favourable: 'positive' | 'negative', attribute: Attribute, keys: readonly (typeof KEYS)[number][] = KEYS) {
  const ref = fixture.favorable[favourable][attribute];
  const groups = report.groups.filter((g) => g.attribute === attribute);
  expect(groups.map((g) => g.group)).toEqual(Object.keys(ref.groups));
  for (const g of groups) {
    const r = ref.groups[g.group as keyof typeof ref.groups] as Record<(typeof KEYS)[number], number | null>;
    for (const key of keys) {
      if (r[key] === null) expect(g[key], `${attribute} ${g.group} ${key}`).toBeNull();
      else expect(g[key]!, `${attribute} ${g.group} ${key}`).toBeCloseTo(r[key]!, 12);
    }
    expect(g.small).toBe(g.count < SMALL_GROUP);
    for (const [metric, interval] of Object.entries(g.ci)) {
      const value = g[metric as keyof typeof g] as number | null;
      // the calibration error is biased upwards in resamples: its percentile interval may lie above it
      if (value === null || metric === 'expectedCalibrationError') continue;
      expect(interval, `${g.group} ${metric}`).not.toBeNull();
      expect(interval![0]).toBeLessThanOrEqual(value + 1e-12);
      expect(interval![1]).toBeGreaterThanOrEqual(value - 1e-12);
    }
  }
  const d = report.disparities.find((x) => x.attribute === attribute)!;
  expect(d.demographicParityDifference!).toBeCloseTo(ref.disparities.demographicParityDifference, 12);
  expect(d.demographicParityRatio!).toBeCloseTo(ref.disparities.demographicParityRatio, 12);
  expect(d.equalOpportunityDifference!).toBeCloseTo(ref.disparities.equalOpportunityDifference, 12);
  expect(d.equalizedOddsDifference!).toBeCloseTo(ref.disparities.equalizedOddsDifference, 12);
  expect(d.fourFifthsRule).toBe(ref.disparities.fourFifthsRule);
  expect(d.selectionRateTest.chi2).toBeCloseTo(ref.disparities.chi2, 10);
  expect(d.selectionRateTest.pValue).toBeCloseTo(ref.disparities.pValue, 10);
}

describe('fairness report', () => {
  it('a text attribute and one with missing values equal the reference; intervals hold their estimates', () => {
    const report = fairnessReport(table, { target: 'y', pred: 'p', score: 's', sensitive: ['group', 'region'], resamples: 100, seed: 3 });
    expect(report.positive).toBe('1');
    expect(report.favorable).toBe('1');
    expectReference(report, 'positive', 'group');
    expectReference(report, 'positive', 'region');
    expect(report.groups.filter((g) => g.attribute === 'region').map((g) => g.group)).toEqual(['north', 'south', MISSING_GROUP]);
    expect(report.overall.count).toBe(n);
    expect(report.definitions).toBe(FAIRNESS_DEFINITIONS);
  });

  it('the intersection lists every combination: empty ones with count 0, flagged, and left out of the disparities', () => {
    const report = fairnessReport(table, { target: 'y', pred: 'p', score: 's', sensitive: ['group', 'region'], resamples: 30 });
    expectReference(report, 'positive', 'group&region');
    const empty = report.groups.filter((g) => g.attribute === 'group&region' && g.count === 0);
    expect(empty.map((g) => g.group)).toEqual(['d|north', 'd|(missing)']);
    expect(empty.every((g) => g.small && g.selectionRate === null && g.ci.selectionRate === null)).toBe(true);
    expect(report.summary.at(-1)).toMatch(/fewer than 30 rows, too few to judge: .*group&region d\|north \(no rows\)/);
  });

  it('a numeric attribute in quantile bins with missing values, the favourable outcome as the negative class', () => {
    const report = fairnessReport(table, { target: 'y', pred: 'p', score: 's', sensitive: ['age'], favorable: '0', bins: 4, resamples: 30 });
    expect(report.favorable).toBe('0');
    expect(report.groups.map((g) => g.group)).toEqual(fixture.ageGroups);
    expectReference(report, 'negative', 'age');
    expect(report.groups.reduce((s, g) => s + g.count, 0)).toBe(n);
    const text = fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['group'], favorable: '0', resamples: 30 });
    expectReference(text, 'negative', 'group', KEYS.slice(0, 6));
    expect(text.groups.every((g) => g.auc === null && g.expectedCalibrationError === null)).toBe(true); // no --score
  });

  it('a date column groups by its dates (few values) or by date intervals (many)', () => {
    const few = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '2024-01-01' : i % 3 === 1 ? '2024-06-01' : null));
    const many = Array.from({ length: n }, (_, i) => `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    const dated = buildTable(['y', 'p', 'few', 'many'], [rawFromValues(fixture.y), rawFromValues(fixture.p), rawFromValues(few, true), rawFromValues(many, true)], n);
    expect(dated.columns[2].type).toBe('datetime');
    const report = fairnessReport(dated, { target: 'y', pred: 'p', sensitive: ['few', 'many'], bins: 2, resamples: 5 });
    expect(report.groups.filter((g) => g.attribute === 'few').map((g) => [g.group, g.count])).toEqual([
      ['2024-01-01', 200],
      ['2024-06-01', 200],
      [MISSING_GROUP, 200],
    ]);
    expect(report.groups.filter((g) => g.attribute === 'many').map((g) => g.group)).toEqual(['[2024-01-01, 2024-01-14]', '(2024-01-14, 2024-01-28]']);
  });

  it('refuses what it cannot report on', () => {
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['nope'] })).toThrow(/column 'nope' not found/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', sensitive: [] })).toThrow(/at least one column/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['group'], favorable: '7' })).toThrow(/--favorable '7' is not one of the classes/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'group', sensitive: ['age'] })).toThrow(/classes/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['age'], bins: 1 })).toThrow(/--bins must be a whole number ≥ 2/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', score: 'age', sensitive: ['group'] })).toThrow(/--score 'age' is missing on \d+ of the 600 rows/);
    expect(() => fairnessReport(table, { target: 'y', pred: 'p', score: 'group', sensitive: ['region'] })).toThrow(/--score 'group' must be a numeric column/);
  });
});

/**
 * The plain-language summary says what the report's numbers say: the overall selection rate at
 * the threshold, the least and most selected groups with their ratio (the reference's
 * demographic-parity ratio), the four-fifths verdict with its caveat, the chi-squared test, an
 * error rate far above the average, and the small groups.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import fixture from './fixtures/fairness.json';
import { fairnessReport } from './fairnessReport';
import { fairnessSummary, percent } from './fairnessSummary';

const n = fixture.y.length;
const table = withColumnType(
  buildTable(['y', 'p', 'group'], [rawFromValues(fixture.y), rawFromValues(fixture.p), rawFromValues(fixture.group)], n),
  'group',
  'categorical',
);

describe('fairness summary', () => {
  const report = fairnessReport(table, { target: 'y', pred: 'p', sensitive: ['group'], resamples: 10 });
  const ref = fixture.favorable.positive.group;

  it('names the least and most selected groups and their ratio, with the verdict as a heuristic', () => {
    const rates = Object.entries(ref.groups).map(([g, m]) => [g, m.selectionRate] as const);
    const low = rates.reduce((a, b) => (b[1] < a[1] ? b : a));
    const high = rates.reduce((a, b) => (b[1] > a[1] ? b : a));
    const overall = fixture.p.filter((p) => p === 1).length / n;
    expect(report.summary[0]).toBe(`The predictions give the favourable outcome ('1') to ${percent(overall)} of the 600 rows.`);
    const line = report.summary[1];
    expect(line).toContain(`By group, ${low[0]}`);
    expect(line).toContain(`${(ref.disparities.demographicParityRatio).toFixed(2)}× the rate of ${high[0]}`);
    expect(line).toContain(ref.disparities.fourFifthsRule ? 'is met — a heuristic, not proof of fairness' : 'is not met');
    expect(line).toContain(ref.disparities.pValue < 0.05 ? 'larger than chance' : 'could be chance');
    expect(report.summary.at(-1)).toMatch(/^1 group has fewer than 30 rows, too few to judge: group d \(\d+\)\.$/);
  });

  it('calls out an error rate at least 1.5× the average, and says the threshold', () => {
    const rates = { count: 100, selectionRate: 0.5, truePositiveRate: 0.8, falsePositiveRate: 0.1, precision: 0.8, accuracy: 0.8 };
    const lines = fairnessSummary({
      favorable: 'no',
      positive: 'yes',
      threshold: 0.42,
      overall: rates,
      groups: [
        { attribute: 'age', group: 'young', ...rates, truePositiveRate: 0.6 },
        { attribute: 'age', group: 'old', ...rates, selectionRate: 0.25 },
      ],
      disparities: [{ attribute: 'age', demographicParityDifference: 0.25, demographicParityRatio: 0.5, equalOpportunityDifference: 0.2, equalizedOddsDifference: 0.2, fourFifthsRule: false, selectionRateTest: { chi2: 12, pValue: 0.0004 } }],
    });
    expect(lines[0]).toBe("At threshold 0.42 the model gives the favourable outcome ('no') to 50% of the 100 rows.");
    expect(lines[1]).toContain('old gets it at 0.50× the rate of young (25% vs 50%)');
    expect(lines[1]).toContain('is not met');
    expect(lines[1]).toContain('(χ² test, p < 0.001)');
    expect(lines[2]).toBe("The false-negative ('yes' missed) rate for age young is 2.00× the average (40% vs 20%).");
    expect(lines).toHaveLength(3);
  });
});

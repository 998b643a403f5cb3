/**
 * Group metrics and disparities against scikit-learn, pandas and SciPy
 * (scripts/fixtures/make_fairness_fixtures.py): four groups, one with a single class (its AUC and
 * FPR undefined, left out of the differences), one tiny; the favourable outcome as the positive
 * class and as the negative one.
 */
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/fairness.json';
import { disparities, groupMetrics, type DecisionRows } from './groupMetrics';

const names = ['a', 'b', 'c', 'd'];
const groups = names.map((g) => Uint32Array.from(fixture.group.flatMap((v, i) => (v === g ? [i] : []))));

describe.each(['positive', 'negative'] as const)('fairness metrics, favourable outcome = the %s class', (favourable) => {
  const d: DecisionRows = { y: Uint8Array.from(fixture.y), predicted: Uint8Array.from(fixture.p), score: Float64Array.from(fixture.s), favorableIsPositive: favourable === 'positive' };
  const reference = fixture.favorable[favourable];
  const metrics = groups.map((rows) => groupMetrics(d, rows));

  it('per group: count, selection rate, TPR, FPR, precision, accuracy, AUC', () => {
    metrics.forEach((m, k) => {
      const r = reference.groups[names[k] as keyof typeof reference.groups];
      for (const key of ['count', 'selectionRate', 'truePositiveRate', 'falsePositiveRate', 'precision', 'accuracy', 'auc'] as const) {
        const expected = r[key];
        if (expected === null) expect(m[key], `${names[k]} ${key}`).toBeNull();
        else expect(m[key]!, `${names[k]} ${key}`).toBeCloseTo(expected, 12);
      }
    });
    expect(metrics[2].auc).toBeNull(); // group c has one class
  });

  it('disparities and the chi-squared test of selection rates', () => {
    const r = reference.disparities;
    const got = disparities(d, groups, metrics);
    expect(got.demographicParityDifference!).toBeCloseTo(r.demographicParityDifference, 12);
    expect(got.demographicParityRatio!).toBeCloseTo(r.demographicParityRatio, 12);
    expect(got.equalOpportunityDifference!).toBeCloseTo(r.equalOpportunityDifference, 12);
    expect(got.equalizedOddsDifference!).toBeCloseTo(r.equalizedOddsDifference, 12);
    expect(got.fourFifthsRule).toBe(r.fourFifthsRule);
    expect(got.selectionRateTest.chi2).toBeCloseTo(r.chi2, 10);
    expect(got.selectionRateTest.pValue).toBeCloseTo(r.pValue, 10);
  });
});

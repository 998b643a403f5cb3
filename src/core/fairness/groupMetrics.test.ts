/**
 * Group metrics and disparities against scikit-learn, pandas and SciPy
 * (scripts/fixtures/make_fairness_fixtures.py): four groups, one with a single class (its AUC and
 * FPR undefined, left out of the differences), one tiny; the favourable outcome as the positive
 * class and as the negative one; the expected calibration error from sklearn's calibration_curve.
 */
import { describe, expect, it } from 'vitest';
import { countDecisions } from './decisionCounts';
import fixture from './fixtures/fairness.json';
import { disparities, groupMetrics, type DecisionRows } from './groupMetrics';

const names = ['a', 'b', 'c', 'd'] as const;
const groups = names.map((g) => Uint32Array.from(fixture.group.flatMap((v, i) => (v === g ? [i] : []))));
const KEYS = ['count', 'selectionRate', 'truePositiveRate', 'falsePositiveRate', 'precision', 'accuracy', 'auc', 'expectedCalibrationError'] as const;

describe.each(['positive', 'negative'] as const)('fairness metrics, favourable outcome = the %s class', (favourable) => {
  const d: DecisionRows = { y: Uint8Array.from(fixture.y), predicted: Uint8Array.from(fixture.p), score: Float64Array.from(fixture.s), favorableIsPositive: favourable === 'positive' };
  const reference = fixture.favorable[favourable].group;
  const metrics = groups.map((rows) => groupMetrics(d, rows));

  it('per group: count, selection rate, TPR, FPR, precision, accuracy, AUC, calibration error', () => {
    metrics.forEach((m, k) => {
      const r = reference.groups[names[k]];
      for (const key of KEYS) {
        const expected = r[key];
        if (expected === null) expect(m[key], `${names[k]} ${key}`).toBeNull();
        else expect(m[key]!, `${names[k]} ${key}`).toBeCloseTo(expected, 12);
      }
    });
    expect(metrics[2].auc).toBeNull(); // group c has one class
    expect(metrics[2].expectedCalibrationError).toBeGreaterThan(0.3); // …and is badly calibrated
  });

  it('disparities and the chi-squared test of selection rates', () => {
    const r = reference.disparities;
    const got = disparities(
      groups.map((rows) => countDecisions(d.y, d.predicted, rows)),
      d.favorableIsPositive,
    );
    expect(got.demographicParityDifference!).toBeCloseTo(r.demographicParityDifference, 12);
    expect(got.demographicParityRatio!).toBeCloseTo(r.demographicParityRatio, 12);
    expect(got.equalOpportunityDifference!).toBeCloseTo(r.equalOpportunityDifference, 12);
    expect(got.equalizedOddsDifference!).toBeCloseTo(r.equalizedOddsDifference, 12);
    expect(got.fourFifthsRule).toBe(r.fourFifthsRule);
    expect(got.selectionRateTest.chi2).toBeCloseTo(r.chi2, 10);
    expect(got.selectionRateTest.pValue).toBeCloseTo(r.pValue, 10);
  });
});

describe('calibration error', () => {
  it('is null for scores that are not probabilities and for no rows', () => {
    const d: DecisionRows = { y: Uint8Array.from([1, 0]), predicted: Uint8Array.from([1, 0]), score: Float64Array.from([2.5, -1]), favorableIsPositive: true };
    expect(groupMetrics(d, [0, 1]).expectedCalibrationError).toBeNull();
    expect(groupMetrics(d, []).expectedCalibrationError).toBeNull();
    expect(groupMetrics({ ...d, score: null }, [0, 1]).expectedCalibrationError).toBeNull();
  });
});

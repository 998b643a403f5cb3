/**
 * Counts at many thresholds and the value-maximising threshold against the NumPy reference
 * (scripts/fixtures/make_fairness_fixtures.py: counts of each group at 0, 0.05, …, 1 with
 * predicted positive iff s ≥ t; the best threshold by brute force over every distinct score).
 */
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/fairness.json';
import { bestThreshold, decisionValue, valuePerRow } from './outcomeValue';
import { countsAt, sortedScores, sweepAt, sweepCounts, thresholdGrid } from './thresholdSweep';

const y = Uint8Array.from(fixture.y);
const s = Float64Array.from(fixture.s);
const rowsOf = (g: string) => fixture.group.flatMap((v, i) => (v === g ? [i] : []));

describe('threshold sweep', () => {
  it('counts of each group at each threshold equal the reference', () => {
    for (const [g, ref] of Object.entries(fixture.sweep.groups)) {
      const sweep = sweepCounts(sortedScores(y, s, rowsOf(g)), fixture.sweep.thresholds);
      expect(sweep, g).toEqual(ref);
      expect(sweepAt(sweep, 10)).toEqual({ tp: ref.tp[10], fp: ref.fp[10], fn: ref.fn[10], tn: ref.tn[10] });
    }
  });

  it('a threshold equal to a score predicts that row positive', () => {
    const sorted = sortedScores(Uint8Array.from([0, 1, 1]), Float64Array.from([0.2, 0.5, 0.5]), [0, 1, 2]);
    expect(countsAt(sorted, 0.5)).toEqual({ tp: 2, fp: 0, fn: 0, tn: 1 });
    expect(countsAt(sorted, 0.50001)).toEqual({ tp: 0, fp: 0, fn: 2, tn: 1 });
  });

  it('the grid holds the steps and the extra thresholds once, ascending', () => {
    expect(thresholdGrid(4, [0.5, 0.33, NaN])).toEqual([0, 0.25, 0.33, 0.5, 0.75, 1]);
  });
});

describe('outcome value', () => {
  const values = fixture.sweep.values;
  it('the value-maximising threshold equals brute force over every distinct score', () => {
    const all = Array.from(s.keys());
    const best = bestThreshold(sortedScores(y, s, all), values);
    expect(best.threshold).toBe(fixture.sweep.bestThreshold);
    expect(best.value).toBe(fixture.sweep.bestValue);
    expect(decisionValue(best.counts, values)).toBe(best.value);
    expect(valuePerRow(best.counts, values)).toBeCloseTo(best.value / s.length, 12);
  });

  it('when rejecting everyone is best, the threshold is 1; ties go to the lowest threshold', () => {
    const sorted = sortedScores(Uint8Array.from([1, 0, 0]), Float64Array.from([0.1, 0.6, 0.7]), [0, 1, 2]);
    expect(bestThreshold(sorted, { tp: 1, fp: -100, fn: 0, tn: 0 })).toEqual({ threshold: 1, value: 0, counts: { tp: 0, fp: 0, fn: 1, tn: 2 } });
    // every threshold is worth 0: the lowest score wins
    expect(bestThreshold(sorted, { tp: 0, fp: 0, fn: 0, tn: 0 }).threshold).toBe(0.1);
  });
});

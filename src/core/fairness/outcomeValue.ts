/**
 * The business value of decisions: the expert gives the value of each outcome (true positive,
 * false positive, false negative, true negative — in their currency or units, per row), and the
 * value of a set of decisions is Σ counts × values. `bestThreshold` finds the threshold in [0, 1]
 * with the largest value exactly: predictions only change at the distinct scores, so the
 * candidates are every distinct score in [0, 1] (predict positive iff score ≥ it) and 1 when no
 * score reaches it (nobody predicted positive); ties go to the lowest threshold.
 */
import { countTotal, type DecisionCounts } from './decisionCounts';
import type { SortedScores } from './thresholdSweep';

export interface OutcomeValues {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function decisionValue(c: DecisionCounts, v: OutcomeValues): number {
  return c.tp * v.tp + c.fp * v.fp + c.fn * v.fn + c.tn * v.tn;
}

/** Value per row (0 for no rows). */
export function valuePerRow(c: DecisionCounts, v: OutcomeValues): number {
  const n = countTotal(c);
  return n ? decisionValue(c, v) / n : 0;
}

export interface BestThreshold {
  threshold: number;
  value: number;
  counts: DecisionCounts;
}

export function bestThreshold(s: SortedScores, v: OutcomeValues): BestThreshold {
  const n = s.score.length;
  const positives = s.positivesBelow[n];
  let best: BestThreshold | null = null;
  const consider = (threshold: number, below: number) => {
    const fn = s.positivesBelow[below];
    const tp = positives - fn;
    const counts = { tp, fp: n - below - tp, fn, tn: below - fn };
    const value = decisionValue(counts, v);
    if (best === null || value > best.value) best = { threshold, value, counts };
  };
  for (let k = 0; k < n; k++) {
    const t = s.score[k];
    if (k > 0 && s.score[k - 1] === t) continue; // first row of each distinct score: everything below is negative
    if (t < 0 || t > 1) continue;
    consider(t, k);
  }
  if (n === 0 || s.score[n - 1] < 1) consider(1, n);
  return best!;
}

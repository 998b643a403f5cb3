/**
 * Per-group metrics and disparities of a binary classifier's decisions, as Fairlearn defines them
 * (shared/spec/cli.md, "fairness"): per group the count and decision rates (decisionCounts.ts),
 * ROC AUC of the scores (null without scores or in a single-class group) and the expected
 * calibration error of the scores (null without scores, or when they are not probabilities); per
 * attribute the demographic-parity difference (max − min selection rate over the groups) and
 * ratio (min / max), the equal-opportunity difference (max − min TPR), the equalized-odds
 * difference (the larger of the TPR and FPR differences), the four-fifths rule (ratio ≥ 0.8 — a
 * heuristic from US employment practice, not a certificate of fairness), and the chi-squared test
 * of independence of group and predicted outcome. Groups where a metric is undefined (empty
 * groups included) are left out of its difference, as pandas' max/min skip NaN.
 */
import { chiSquaredTest } from '../stats/chiSquared';
import { aucFromOrder, scoreOrder } from '../validation/binaryMetrics';
import { CALIBRATION_BINS, calibrationBins, expectedCalibrationError } from '../validation/calibrationError';
import { decisionRates, favourableCount, countTotal, type DecisionCounts, type DecisionRates } from './decisionCounts';

export interface DecisionRows {
  /** 1 = the positive class. */
  y: Uint8Array;
  /** 1 = predicted positive. */
  predicted: Uint8Array;
  /** P(positive) or another score, one per row; null when none was given. */
  score: Float64Array | null;
  /** Whether the favourable outcome is the positive class (else the negative one). */
  favorableIsPositive: boolean;
}

export interface GroupMetrics extends DecisionRates {
  auc: number | null;
  expectedCalibrationError: number | null;
}

export interface Disparities {
  demographicParityDifference: number | null;
  demographicParityRatio: number | null;
  equalizedOddsDifference: number | null;
  equalOpportunityDifference: number | null;
  fourFifthsRule: boolean | null;
  selectionRateTest: { chi2: number; pValue: number };
}

/** A group's rows gathered once (labels, decisions, scores in ascending order, calibration bins), for repeated weighting. */
export interface GroupArrays {
  y: Uint8Array;
  predicted: Uint8Array;
  score: Float64Array | null;
  order: Uint32Array | null;
  bins: Uint8Array | null;
  favorableIsPositive: boolean;
}

export function groupArrays(d: DecisionRows, rows: ArrayLike<number>): GroupArrays {
  const y = Uint8Array.from(rows as ArrayLike<number>, (i) => d.y[i]);
  const predicted = Uint8Array.from(rows as ArrayLike<number>, (i) => d.predicted[i]);
  const score = d.score ? Float64Array.from(rows as ArrayLike<number>, (i) => d.score![i]) : null;
  return { y, predicted, score, order: score && scoreOrder(score), bins: score && calibrationBins(score), favorableIsPositive: d.favorableIsPositive };
}

/** The metrics of a group with whole-number row weights (a bootstrap resample), or of its rows as they are. */
export function weightedGroupMetrics(g: GroupArrays, weights?: Uint32Array): GroupMetrics {
  const counts: DecisionCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < g.y.length; i++) {
    const w = weights ? weights[i] : 1;
    if (g.predicted[i] === 1) {
      if (g.y[i] === 1) counts.tp += w;
      else counts.fp += w;
    } else if (g.y[i] === 1) counts.fn += w;
    else counts.tn += w;
  }
  const auc = g.score && g.order ? aucFromOrder(g.y, g.score, g.order, weights) : null;
  const ece = g.score ? expectedCalibrationError(g.y, g.score, CALIBRATION_BINS, g.bins, weights) : null;
  return { ...decisionRates(counts, g.favorableIsPositive), auc, expectedCalibrationError: ece };
}

/** The metrics of the rows `rows` (indices into the arrays of `d`). */
export function groupMetrics(d: DecisionRows, rows: ArrayLike<number>): GroupMetrics {
  return weightedGroupMetrics(groupArrays(d, rows));
}

/** Disparities over an attribute's groups, from each group's confusion counts. */
export function disparities(groups: readonly DecisionCounts[], favorableIsPositive: boolean): Disparities {
  const rates = groups.map((c) => decisionRates(c, favorableIsPositive));
  const spread = (pick: (m: DecisionRates) => number | null) => {
    const values = rates.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
    return values.length ? { max: Math.max(...values), min: Math.min(...values) } : null;
  };
  const sel = spread((m) => m.selectionRate);
  const tpr = spread((m) => m.truePositiveRate);
  const fpr = spread((m) => m.falsePositiveRate);
  const ratio = sel ? (sel.max > 0 ? sel.min / sel.max : null) : null;
  const tprDiff = tpr ? tpr.max - tpr.min : null;
  const fprDiff = fpr ? fpr.max - fpr.min : null;
  // group × predicted outcome (favourable or not); empty groups are dropped by the test
  const counts = new Float64Array(groups.length * 2);
  groups.forEach((c, g) => {
    const favourable = favourableCount(c, favorableIsPositive);
    counts[g * 2 + 1] = favourable;
    counts[g * 2] = countTotal(c) - favourable;
  });
  const test = chiSquaredTest({ rows: groups.length, cols: 2, counts, n: counts.reduce((a, b) => a + b, 0) });
  return {
    demographicParityDifference: sel ? sel.max - sel.min : null,
    demographicParityRatio: ratio,
    equalizedOddsDifference: tprDiff === null && fprDiff === null ? null : Math.max(tprDiff ?? -Infinity, fprDiff ?? -Infinity),
    equalOpportunityDifference: tprDiff,
    fourFifthsRule: ratio === null ? null : ratio >= 0.8,
    selectionRateTest: { chi2: test.statistic, pValue: test.pValue },
  };
}

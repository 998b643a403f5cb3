/**
 * Per-group metrics and disparities of a binary classifier's decisions, as Fairlearn defines them
 * (shared/spec/cli.md, "fairness"): per group the count, selection rate (the share of rows whose
 * predicted outcome is the favourable one), true and false positive rates, precision and accuracy
 * (for the positive class), and ROC AUC of the scores (null without scores or in a single-class
 * group); per attribute the demographic-parity difference (max − min selection rate over the
 * groups) and ratio (min / max), the equal-opportunity difference (max − min TPR), the
 * equalized-odds difference (the larger of the TPR and FPR differences), the four-fifths rule
 * (ratio ≥ 0.8 — a heuristic from US employment practice, not a certificate of fairness), and the
 * chi-squared test of independence of group and predicted outcome. Groups where a metric is
 * undefined are left out of its difference (as pandas' max/min skip NaN).
 */
import { chiSquaredTest } from '../stats/chiSquared';
import { binaryMetrics, scoreOrder } from '../validation/binaryMetrics';

export interface DecisionRows {
  /** 1 = the positive class. */
  y: Uint8Array;
  /** 1 = predicted positive. */
  predicted: Uint8Array;
  score: Float64Array | null;
  /** Whether the favourable outcome is the positive class (else the negative one). */
  favorableIsPositive: boolean;
}

export interface GroupMetrics {
  count: number;
  selectionRate: number | null;
  truePositiveRate: number | null;
  falsePositiveRate: number | null;
  precision: number | null;
  accuracy: number | null;
  auc: number | null;
}

export interface Disparities {
  demographicParityDifference: number | null;
  demographicParityRatio: number | null;
  equalizedOddsDifference: number | null;
  equalOpportunityDifference: number | null;
  fourFifthsRule: boolean | null;
  selectionRateTest: { chi2: number; pValue: number };
}

/** The metrics of the rows `rows` (indices into the arrays of `d`). */
export function groupMetrics(d: DecisionRows, rows: ArrayLike<number>): GroupMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let favourable = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    const p = d.predicted[i] === 1;
    const y = d.y[i] === 1;
    if (p && y) tp++;
    else if (p) fp++;
    else if (y) fn++;
    else tn++;
    if (p === d.favorableIsPositive) favourable++;
  }
  const n = rows.length;
  let auc: number | null = null;
  if (d.score && tp + fn > 0 && fp + tn > 0) {
    const y = Uint8Array.from(rows as ArrayLike<number>, (i) => d.y[i]);
    const s = Float64Array.from(rows as ArrayLike<number>, (i) => d.score![i]);
    auc = binaryMetrics(y, s, 0.5, scoreOrder(s)).auc;
  }
  return {
    count: n,
    selectionRate: n ? favourable / n : null,
    truePositiveRate: tp + fn ? tp / (tp + fn) : null,
    falsePositiveRate: fp + tn ? fp / (fp + tn) : null,
    precision: tp + fp ? tp / (tp + fp) : null,
    accuracy: n ? (tp + tn) / n : null,
    auc,
  };
}

/** Disparities over an attribute's groups (given as row lists) and their metrics. */
export function disparities(d: DecisionRows, groups: readonly ArrayLike<number>[], metrics: readonly GroupMetrics[]): Disparities {
  const spread = (pick: (m: GroupMetrics) => number | null) => {
    const values = metrics.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
    return values.length ? { max: Math.max(...values), min: Math.min(...values) } : null;
  };
  const sel = spread((m) => m.selectionRate);
  const tpr = spread((m) => m.truePositiveRate);
  const fpr = spread((m) => m.falsePositiveRate);
  const ratio = sel ? (sel.max > 0 ? sel.min / sel.max : null) : null;
  const tprDiff = tpr ? tpr.max - tpr.min : null;
  const fprDiff = fpr ? fpr.max - fpr.min : null;
  // group × predicted outcome (favourable or not)
  const counts = new Float64Array(groups.length * 2);
  groups.forEach((rows, g) => {
    for (let k = 0; k < rows.length; k++) {
      const favourable = (d.predicted[rows[k]] === 1) === d.favorableIsPositive;
      counts[g * 2 + (favourable ? 1 : 0)]++;
    }
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

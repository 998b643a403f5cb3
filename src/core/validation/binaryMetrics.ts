/**
 * Binary classification metrics, as scikit-learn defines them, from P(positive) scores:
 * roc_auc_score (ties count half), log_loss (p clipped to [1e-15, 1 − 1e-15]), accuracy,
 * precision, recall, f1 and brier_score_loss. The predicted label is positive iff
 * score ≥ threshold. A ratio with a zero denominator is null (the contract), not 0.
 *
 * Optional `weights` (whole-number multiplicities) let the bootstrap reuse one sort.
 */
export interface BinaryMetrics {
  auc: number | null;
  logLoss: number;
  accuracy: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  brier: number;
  n: number;
}

export const BINARY_METRIC_NAMES = ['auc', 'logLoss', 'accuracy', 'precision', 'recall', 'f1', 'brier'] as const;

const EPS = 1e-15;

/**
 * `y` holds 1 for the positive class and 0 otherwise; `order` is the row order by ascending
 * score (see `scoreOrder`), needed for the AUC.
 */
export function binaryMetrics(
  y: Uint8Array,
  score: Float64Array,
  threshold: number,
  order: Uint32Array,
  weights?: Uint32Array,
): BinaryMetrics {
  const n = y.length;
  let total = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let logSum = 0;
  let brierSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    total += w;
    const p = score[i];
    const positive = y[i] === 1;
    const predicted = p >= threshold;
    if (positive) {
      if (predicted) tp += w;
      else fn += w;
    } else if (predicted) fp += w;
    else tn += w;
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    logSum -= w * (positive ? Math.log(q) : Math.log(1 - q));
    const d = p - (positive ? 1 : 0);
    brierSum += w * d * d;
  }
  return {
    auc: aucFromOrder(y, score, order, weights),
    logLoss: logSum / total,
    accuracy: (tp + tn) / total,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn),
    f1: 2 * tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn),
    brier: brierSum / total,
    n: total,
  };
}

/** Row indices by ascending score (ties in row order). */
export function scoreOrder(score: Float64Array): Uint32Array {
  const order = Uint32Array.from({ length: score.length }, (_, i) => i);
  order.sort((a, b) => score[a] - score[b] || a - b);
  return order;
}

/**
 * Area under the ROC curve = P(score of a positive > score of a negative) + ½ P(tie), i.e. the
 * Mann–Whitney U of the positives over (positives × negatives); null without both classes.
 */
export function aucFromOrder(y: Uint8Array, score: Float64Array, order: Uint32Array, weights?: Uint32Array): number | null {
  let negativesBelow = 0;
  let positives = 0;
  let sum = 0;
  let k = 0;
  const n = order.length;
  while (k < n) {
    // one group of tied scores
    const s = score[order[k]];
    let groupPos = 0;
    let groupNeg = 0;
    let j = k;
    while (j < n && score[order[j]] === s) {
      const i = order[j];
      const w = weights ? weights[i] : 1;
      if (y[i] === 1) groupPos += w;
      else groupNeg += w;
      j++;
    }
    sum += groupPos * (negativesBelow + groupNeg / 2);
    negativesBelow += groupNeg;
    positives += groupPos;
    k = j;
  }
  if (positives === 0 || negativesBelow === 0) return null;
  return sum / (positives * negativesBelow);
}

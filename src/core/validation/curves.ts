/**
 * Evaluation curves of a binary classifier, as scikit-learn computes them:
 * - `rocCurve` = sklearn.metrics.roc_curve(drop_intermediate=False): one point per distinct score
 *   (descending), preceded by (0, 0) whose threshold is +∞ (null in JSON);
 * - `precisionRecallCurve` = sklearn.metrics.precision_recall_curve (scikit-learn 1.2): one point
 *   per distinct score, thresholds ascending, then precision 1 at recall 0;
 * - `calibrationCurve` = sklearn.calibration.calibration_curve(strategy='uniform'): mean
 *   predicted probability and observed positive rate in each non-empty bin of [0, 1].
 */

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Score thresholds; the first (+∞) is null. */
  thresholds: (number | null)[];
}

export interface PrecisionRecallCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
}

export interface CalibrationCurve {
  /** Observed share of positives per non-empty bin. */
  fractionPositive: number[];
  /** Mean predicted probability per non-empty bin. */
  meanPredicted: number[];
  /** Rows per non-empty bin. */
  count: number[];
}

/** Cumulative true/false positives at each distinct score, scores descending (sklearn's _binary_clf_curve). */
function cumulativeCounts(y: Uint8Array, score: Float64Array) {
  const order = Uint32Array.from({ length: score.length }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  const tps: number[] = [];
  const fps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (y[i] === 1) tp++;
    else fp++;
    if (k === order.length - 1 || score[order[k + 1]] !== score[i]) {
      tps.push(tp);
      fps.push(fp);
      thresholds.push(score[i]);
    }
  }
  return { tps, fps, thresholds };
}

export function rocCurve(y: Uint8Array, score: Float64Array): RocCurve | null {
  const { tps, fps, thresholds } = cumulativeCounts(y, score);
  const p = tps[tps.length - 1] ?? 0;
  const n = fps[fps.length - 1] ?? 0;
  if (p === 0 || n === 0) return null;
  return {
    fpr: [0, ...fps.map((f) => f / n)],
    tpr: [0, ...tps.map((t) => t / p)],
    thresholds: [null, ...thresholds],
  };
}

export function precisionRecallCurve(y: Uint8Array, score: Float64Array): PrecisionRecallCurve | null {
  const { tps, fps, thresholds } = cumulativeCounts(y, score);
  const positives = tps[tps.length - 1] ?? 0;
  if (positives === 0) return null;
  const precision: number[] = [];
  const recall: number[] = [];
  const t: number[] = [];
  for (let k = tps.length - 1; k >= 0; k--) {
    precision.push(tps[k] / (tps[k] + fps[k]));
    recall.push(tps[k] / positives);
    t.push(thresholds[k]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: t };
}

export function calibrationCurve(y: Uint8Array, probability: Float64Array, bins = 10): CalibrationCurve {
  const sumPred = new Float64Array(bins);
  const sumTrue = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i];
    const b = calibrationBin(p, bins);
    sumPred[b] += p;
    sumTrue[b] += y[i];
    count[b]++;
  }
  const out: CalibrationCurve = { fractionPositive: [], meanPredicted: [], count: [] };
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    out.fractionPositive.push(sumTrue[b] / count[b]);
    out.meanPredicted.push(sumPred[b] / count[b]);
    out.count.push(count[b]);
  }
  return out;
}

/**
 * The bin of a probability among `bins` equal-width bins of [0, 1], as calibration_curve finds it:
 * edges k / bins as numpy.linspace computes them, numpy.searchsorted(interior edges, p, 'left') —
 * a value on an edge goes to the lower bin.
 */
export function calibrationBin(p: number, bins: number): number {
  const step = 1 / bins;
  let b = 0;
  while (b < bins - 1 && (b + 1) * step < p) b++;
  return b;
}

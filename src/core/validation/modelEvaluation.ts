/**
 * Everything the evaluation views show for a scored model, aggregated for charts:
 * - classification: ROC and precision-recall curves (scikit-learn's, thinned for drawing),
 *   calibration (uniform bins, as sklearn's calibration_curve), cumulative gains and lift
 *   by decile, and the score distribution per class; AUC, log loss and Brier score;
 * - regression: metrics, predicted-vs-actual as a 2-D histogram, the residual histogram and
 *   residual quartiles per decile of the prediction.
 * Threshold-dependent figures (confusion matrix, precision, recall…) are in thresholdMetrics.
 * Every result says which rows it used: `n` of `inScope` (the filter) of `total`.
 */
import { quantileSorted } from '../stats/quantile';
import { sortFloat64 } from '../stats/sortFloat64';
import { binaryMetrics, scoreOrder } from './binaryMetrics';
import { calibrationCurve, precisionRecallCurve, rocCurve, type CalibrationCurve, type PrecisionRecallCurve, type RocCurve } from './curves';
import type { ScoredRows } from './evaluateScores';
import { regressionMetrics, type RegressionMetrics } from './regressionMetrics';

export interface RowsUsed {
  /** Rows with both a target and a score. */
  n: number;
  /** Rows in scope (after the subpopulation filter). */
  inScope: number;
  /** Rows in the dataset. */
  total: number;
}

export interface GainsCurve {
  /** Share of rows taken, highest scores first (ties taken together). */
  fraction: number[];
  /** Share of all positives among them. */
  gain: number[];
}

export interface LiftRow {
  /** 0.1, 0.2, … 1.0 — the top share of rows by score. */
  fraction: number;
  /** Cumulative gain at that share (linear between the curve's points). */
  gain: number;
  /** gain / fraction: how many times the positive rate of the top share exceeds the base rate. */
  lift: number;
}

export interface ScoreBin {
  start: number;
  end: number;
  positives: number;
  negatives: number;
}

export interface ClassificationEvaluation {
  task: 'classification';
  rows: RowsUsed;
  positive: string;
  negative: string;
  positives: number;
  negatives: number;
  auc: number | null;
  logLoss: number;
  brier: number;
  /** For drawing: at most ~MAX_CURVE_POINTS points (the first and last are always kept). */
  roc: RocCurve | null;
  pr: PrecisionRecallCurve | null;
  calibration: CalibrationCurve;
  gains: GainsCurve;
  lift: LiftRow[];
  scoreHistogram: ScoreBin[];
}

export interface Bin2d {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  count: number;
}

export interface ResidualBin {
  start: number;
  end: number;
  count: number;
}

export interface ResidualQuartiles {
  /** Mean prediction in this decile of the predictions. */
  predicted: number;
  q25: number;
  median: number;
  q75: number;
  count: number;
}

export interface RegressionEvaluation {
  task: 'regression';
  rows: RowsUsed;
  metrics: RegressionMetrics;
  predictedVsActual: Bin2d[];
  residualHistogram: ResidualBin[];
  residualsByPrediction: ResidualQuartiles[];
}

export type ModelEvaluation = ClassificationEvaluation | RegressionEvaluation;

export interface ThresholdMetrics {
  threshold: number;
  rows: RowsUsed;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  falsePositiveRate: number | null;
  /** Share of rows predicted positive. */
  predictedPositiveRate: number;
}

export const MAX_CURVE_POINTS = 400;

export function evaluateModel(scored: ScoredRows, inScope: number, total: number): ModelEvaluation {
  const rows: RowsUsed = { n: scored.rows.length, inScope, total };
  if (scored.task === 'regression') return evaluateRegression(scored.value, scored.score, rows);
  const { label: y, score: s } = scored;
  const metrics = binaryMetrics(y, s, 0.5, scoreOrder(s));
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i];
  const roc = rocCurve(y, s);
  const pr = precisionRecallCurve(y, s);
  const gains = gainsCurve(y, s);
  return {
    task: 'classification',
    rows,
    positive: scored.positive,
    negative: scored.negative,
    positives,
    negatives: y.length - positives,
    auc: metrics.auc,
    logLoss: metrics.logLoss,
    brier: metrics.brier,
    roc: roc && thinRoc(roc),
    pr: pr && thinPr(pr),
    calibration: calibrationCurve(y, s, 10),
    gains: thinGains(gains),
    lift: liftTable(gains),
    scoreHistogram: scoreHistogram(y, s, 20),
  };
}

export function thresholdMetrics(scored: ScoredRows & { task: 'classification' }, threshold: number, inScope: number, total: number): ThresholdMetrics {
  const { label: y, score: s } = scored;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < y.length; i++) {
    const predicted = s[i] >= threshold;
    if (y[i] === 1) {
      if (predicted) tp++;
      else fn++;
    } else if (predicted) fp++;
    else tn++;
  }
  const n = y.length;
  const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = 2 * tp + fp + fn === 0 ? null : (2 * tp) / (2 * tp + fp + fn);
  return {
    threshold,
    rows: { n, inScope, total },
    tp,
    fp,
    tn,
    fn,
    accuracy: (tp + tn) / n,
    precision,
    recall,
    f1,
    falsePositiveRate: ratio(fp, fp + tn),
    predictedPositiveRate: (tp + fp) / n,
  };
}

/** Cumulative gains at every distinct score (descending), starting at (0, 0). */
export function gainsCurve(y: Uint8Array, score: Float64Array): GainsCurve {
  const n = y.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  let positives = 0;
  for (let i = 0; i < n; i++) positives += y[i];
  const fraction = [0];
  const gain = [0];
  let tp = 0;
  for (let k = 0; k < n; k++) {
    tp += y[order[k]];
    if (k === n - 1 || score[order[k + 1]] !== score[order[k]]) {
      fraction.push((k + 1) / n);
      gain.push(positives === 0 ? 0 : tp / positives);
    }
  }
  return { fraction, gain };
}

/** Gain and lift at 10 %, 20 %, … 100 % of the rows, interpolating linearly within tied blocks. */
export function liftTable(gains: GainsCurve): LiftRow[] {
  const out: LiftRow[] = [];
  let j = 1;
  for (let d = 1; d <= 10; d++) {
    const f = d / 10;
    while (j < gains.fraction.length - 1 && gains.fraction[j] < f) j++;
    const f0 = gains.fraction[j - 1];
    const f1 = gains.fraction[j];
    const g0 = gains.gain[j - 1];
    const g1 = gains.gain[j];
    const gain = f1 === f0 ? g1 : g0 + ((g1 - g0) * (f - f0)) / (f1 - f0);
    out.push({ fraction: f, gain, lift: gain / f });
  }
  return out;
}

function scoreHistogram(y: Uint8Array, s: Float64Array, bins: number): ScoreBin[] {
  const out: ScoreBin[] = Array.from({ length: bins }, (_, k) => ({ start: k / bins, end: (k + 1) / bins, positives: 0, negatives: 0 }));
  for (let i = 0; i < s.length; i++) {
    const k = Math.min(bins - 1, Math.max(0, Math.floor(s[i] * bins)));
    if (y[i] === 1) out[k].positives++;
    else out[k].negatives++;
  }
  return out;
}

/** Indices to keep when drawing a curve of `length` points: evenly spaced, first and last included. */
function keepIndices(length: number): number[] {
  if (length <= MAX_CURVE_POINTS) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (MAX_CURVE_POINTS - 1);
  const out: number[] = [];
  for (let k = 0; k < MAX_CURVE_POINTS; k++) out.push(Math.round(k * step));
  return out;
}

export function thinRoc(c: RocCurve): RocCurve {
  const keep = keepIndices(c.fpr.length);
  return { fpr: keep.map((i) => c.fpr[i]), tpr: keep.map((i) => c.tpr[i]), thresholds: keep.map((i) => c.thresholds[i]) };
}

function thinPr(c: PrecisionRecallCurve): PrecisionRecallCurve {
  const keep = keepIndices(c.precision.length);
  // thresholds has one entry fewer than precision/recall (the final (recall 0, precision 1) point).
  return {
    precision: keep.map((i) => c.precision[i]),
    recall: keep.map((i) => c.recall[i]),
    thresholds: keep.filter((i) => i < c.thresholds.length).map((i) => c.thresholds[i]),
  };
}

function thinGains(g: GainsCurve): GainsCurve {
  const keep = keepIndices(g.fraction.length);
  return { fraction: keep.map((i) => g.fraction[i]), gain: keep.map((i) => g.gain[i]) };
}

function evaluateRegression(y: Float64Array, prediction: Float64Array, rows: RowsUsed): RegressionEvaluation {
  const n = y.length;
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = y[i] - prediction[i];
  return {
    task: 'regression',
    rows,
    metrics: regressionMetrics(y, prediction),
    predictedVsActual: histogram2d(prediction, y, 30),
    residualHistogram: histogram1d(residual, 30),
    residualsByPrediction: residualQuartiles(prediction, residual, 10),
  };
}

function range(values: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** Square bins over a domain shared by both axes (so the diagonal is y = x). */
function histogram2d(x: Float64Array, y: Float64Array, bins: number): Bin2d[] {
  const [xl, xh] = range(x);
  const [yl, yh] = range(y);
  const lo = Math.min(xl, yl);
  const hi = Math.max(xh, yh);
  const width = (hi - lo) / bins;
  const counts = new Map<number, number>();
  for (let i = 0; i < x.length; i++) {
    const bx = Math.min(bins - 1, Math.floor((x[i] - lo) / width));
    const by = Math.min(bins - 1, Math.floor((y[i] - lo) / width));
    const key = bx * bins + by;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const bx = Math.floor(key / bins);
    const by = key % bins;
    return { x0: lo + bx * width, x1: lo + (bx + 1) * width, y0: lo + by * width, y1: lo + (by + 1) * width, count };
  });
}

function histogram1d(values: Float64Array, bins: number): ResidualBin[] {
  const [lo, hi] = range(values);
  const width = (hi - lo) / bins;
  const out: ResidualBin[] = Array.from({ length: bins }, (_, k) => ({ start: lo + k * width, end: lo + (k + 1) * width, count: 0 }));
  for (let i = 0; i < values.length; i++) out[Math.min(bins - 1, Math.floor((values[i] - lo) / width))].count++;
  return out;
}

/** Rows sorted by prediction, cut into `groups` equal-count groups; residual quartiles per group. */
function residualQuartiles(prediction: Float64Array, residual: Float64Array, groups: number): ResidualQuartiles[] {
  const n = prediction.length;
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => prediction[a] - prediction[b] || a - b);
  const out: ResidualQuartiles[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * n) / groups);
    const to = Math.floor(((g + 1) * n) / groups);
    if (to <= from) continue;
    const r = new Float64Array(to - from);
    let sum = 0;
    for (let k = from; k < to; k++) {
      r[k - from] = residual[order[k]];
      sum += prediction[order[k]];
    }
    const sorted = sortFloat64(r);
    out.push({
      predicted: sum / (to - from),
      q25: quantileSorted(sorted, 0.25),
      median: quantileSorted(sorted, 0.5),
      q75: quantileSorted(sorted, 0.75),
      count: to - from,
    });
  }
  return out;
}

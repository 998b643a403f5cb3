/**
 * Histogram binning of one feature for tree training: at most `maxBins` bins of the training
 * values (compared in float32, the precision an exported ONNX tree ensemble reads its inputs
 * in), plus a bin of its own for missing values. Bin k holds the values v with
 * thresholds[k − 1] < fround(v) ≤ thresholds[k]; every threshold is a float32 value that occurs
 * in the training rows (the largest of its bin).
 *
 * A split after bin k sends x left when fround(x) ≤ cuts[k]: the largest float32 at or below
 * the midpoint of the bin's largest value and the next bin's smallest — for every float32 input
 * the same side as scikit-learn's `x ≤ (a + b) / 2` in double, and, being a float32 itself, the
 * same side in memory and in onnxruntime (BRANCH_LEQ on float32). Training values are split
 * exactly as by their bins.
 *
 * With more distinct values than bins, the cuts are at the training values holding the
 * quantile ranks k·n/maxBins (k = 1 … maxBins − 1), equal values never split — about equal
 * counts per bin, as histogram GBDTs (LightGBM, XGBoost's hist, scikit-learn's
 * HistGradientBoosting) bin their features.
 */

import { lowerBound } from '../stats/lowerBound';

/** The bin of missing values (bins 0 … 254 hold numbers). */
export const MISSING_BIN = 255;
export const MAX_BINS = 255;

export interface FeatureBins {
  /** Ascending float32 values: the largest value of bins 0 … bins − 2 (the last bin is unbounded). */
  thresholds: number[];
  /** The smallest training value of each bin (0 … bins − 1). */
  lows: number[];
  /** The float32 split value after each of bins 0 … bins − 2 (see above): cutBetween(thresholds[k], lows[k + 1]). */
  cuts: number[];
  /** Number of bins for non-missing values (thresholds.length + 1; 1 when the feature is constant or empty). */
  bins: number;
}

export function fitBins(values: ArrayLike<number>, rows: ArrayLike<number> | null, maxBins: number = MAX_BINS): FeatureBins {
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > MAX_BINS) throw new RangeError(`maxBins must be a whole number from 2 to ${MAX_BINS} (got ${maxBins})`);
  const n = rows ? rows.length : values.length;
  const few = fewDistinct(values, rows, n);
  if (few && few.length <= maxBins) return few.length <= 1 ? { thresholds: [], lows: few.slice(0, 1), cuts: [], bins: 1 } : distinctBins(few);
  const present = new Float32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[rows ? rows[i] : i];
    if (v === v) present[m++] = v;
  }
  const sorted = present.subarray(0, m).sort();
  // distinct values and the rank just after each
  const distinct: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < m; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct.push(sorted[i]);
      end.push(i + 1);
    } else end[end.length - 1] = i + 1;
  }
  if (distinct.length <= 1) return { thresholds: [], lows: distinct.slice(0, 1), cuts: [], bins: 1 };
  if (distinct.length <= maxBins) return distinctBins(distinct);
  const thresholds: number[] = [];
  const lows: number[] = [distinct[0]];
  const cuts: number[] = [];
  let d = 0;
  for (let k = 1; k < maxBins; k++) {
    const rank = (k * m) / maxBins;
    while (d < distinct.length - 1 && end[d] < rank) d++;
    if (d >= distinct.length - 1) break;
    if (thresholds.length === 0 || thresholds[thresholds.length - 1] !== distinct[d]) {
      thresholds.push(distinct[d]);
      lows.push(distinct[d + 1]);
      cuts.push(cutBetween(distinct[d], distinct[d + 1]));
    }
  }
  return { thresholds, lows, cuts, bins: thresholds.length + 1 };
}

/** One bin per distinct value (ascending, at least two). */
function distinctBins(distinct: readonly number[]): FeatureBins {
  const thresholds = distinct.slice(0, -1);
  return { thresholds, lows: distinct.slice(), cuts: thresholds.map((v, k) => cutBetween(v, distinct[k + 1])), bins: distinct.length };
}

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

/** The largest float32 ≤ (a + b) / 2 for float32 values a < b (so a ≤ cut < b). */
export function cutBetween(a: number, b: number): number {
  const mid = a / 2 + b / 2;
  const f = Math.fround(mid);
  if (f <= mid) return f;
  // rounded up: step down to the float32 just below
  F32[0] = f;
  if (f > 0) I32[0] -= 1;
  else if (f < 0) I32[0] += 1;
  else return -Math.fround(1.401298464324817e-45);
  return F32[0];
}

const FEW = 16;

/**
 * The distinct float32 values (ascending) of a feature that has at most FEW of them, else null:
 * what sorting finds, without sorting (one-hot and other low-cardinality columns). When both −0
 * and +0 occur, the sort keeps −0 (it orders first), so this does too.
 */
function fewDistinct(values: ArrayLike<number>, rows: ArrayLike<number> | null, n: number): number[] | null {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[rows ? rows[i] : i];
    if (v !== v) continue;
    const f = Math.fround(v);
    let k = 0;
    while (k < seen.length && seen[k] !== f) k++;
    if (k === seen.length) {
      if (k === FEW) return null;
      seen.push(f);
    } else if (f === 0 && Object.is(f, -0)) seen[k] = -0;
  }
  return seen.sort((a, b) => a - b);
}

/** The bin of one value (MISSING_BIN for NaN). */
export function binOf(bins: FeatureBins, v: number): number {
  if (v !== v) return MISSING_BIN;
  // the first threshold ≥ the float32 value
  return lowerBound(bins.thresholds, Math.fround(v));
}

/** The bins of `values` (of `rows`, in their order). */
export function binValues(bins: FeatureBins, values: ArrayLike<number>, rows: ArrayLike<number> | null): Uint8Array {
  const n = rows ? rows.length : values.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = binOf(bins, values[rows ? rows[i] : i]);
  return out;
}

/**
 * Expected calibration error of P(positive) scores: the rows cut into `bins` equal-width bins of
 * [0, 1] exactly as sklearn.calibration.calibration_curve(strategy='uniform') cuts them
 * (`calibrationBin`), then ECE = Σ over non-empty bins (rows in bin / n) · |observed positive
 * rate − mean predicted probability| (Naeini et al. 2015; Guo et al. 2017). Null for no rows or
 * for scores outside [0, 1] (not probabilities).
 *
 * Optional whole-number `weights` (row multiplicities) and precomputed `binOf` let the bootstrap
 * reuse one binning.
 */
import { calibrationBin } from './curves';

export const CALIBRATION_BINS = 10;

/** Each row's bin, or null when a score is not a probability. */
export function calibrationBins(probability: Float64Array, bins = CALIBRATION_BINS): Uint8Array | null {
  const out = new Uint8Array(probability.length);
  for (let i = 0; i < probability.length; i++) {
    const p = probability[i];
    if (!(p >= 0 && p <= 1)) return null;
    out[i] = calibrationBin(p, bins);
  }
  return out;
}

export function expectedCalibrationError(
  y: Uint8Array,
  probability: Float64Array,
  bins = CALIBRATION_BINS,
  binOf: Uint8Array | null = calibrationBins(probability, bins),
  weights?: Uint32Array,
): number | null {
  if (binOf === null) return null;
  const count = new Float64Array(bins);
  const sumTrue = new Float64Array(bins);
  const sumPred = new Float64Array(bins);
  let n = 0;
  for (let i = 0; i < probability.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const b = binOf[i];
    count[b] += w;
    sumTrue[b] += w * y[i];
    sumPred[b] += w * probability[i];
    n += w;
  }
  if (n === 0) return null;
  let sum = 0;
  for (let b = 0; b < bins; b++) if (count[b] > 0) sum += count[b] * Math.abs(sumTrue[b] / count[b] - sumPred[b] / count[b]);
  return sum / n;
}

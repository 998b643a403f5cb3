/**
 * Count, mean, sample variance (ddof = 1), min and max of the non-missing values of a
 * Float64 column view. Two passes (mean first, then squared deviations), each summed with
 * Neumaier's compensated summation, so results agree with numpy / pandas to ~1e-15 relative
 * (numpy uses pairwise summation; both are far more accurate than naive summation).
 */
import type { RowSelection } from '../data/table';

export interface Moments {
  /** Non-missing values. */
  count: number;
  /** NaN when count = 0. */
  mean: number;
  /** Sample variance (ddof = 1); NaN when count < 2. Exactly 0 for a constant column. */
  variance: number;
  /** NaN when count = 0. */
  min: number;
  max: number;
}

export function moments(values: Float64Array, rows?: RowSelection): Moments {
  const n = rows ? rows.length : values.length;
  // pass 1: count, sum, min, max
  let count = 0;
  let sum = 0;
  let comp = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = rows ? values[rows[i]] : values[i];
    if (v !== v) continue;
    count++;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return { count, mean: NaN, variance: NaN, min: NaN, max: NaN };
  if (min === max) return { count, mean: min, variance: count < 2 ? NaN : 0, min, max };
  let mean = (sum + comp) / count;
  // pass 2: squared deviations (and the residual sum, which corrects the mean's rounding)
  let ss = 0;
  let ssComp = 0;
  let dsum = 0;
  for (let i = 0; i < n; i++) {
    const v = rows ? values[rows[i]] : values[i];
    if (v !== v) continue;
    const d = v - mean;
    dsum += d;
    const sq = d * d;
    const t = ss + sq;
    ssComp += ss >= sq ? ss - t + sq : sq - t + ss;
    ss = t;
  }
  // Σ(x − m)² = Σ(x − m')² − n·(m' − m)², with m' − m = dsum / n (corrected two-pass formula).
  const variance = count < 2 ? NaN : Math.max(0, (ss + ssComp - (dsum * dsum) / count) / (count - 1));
  mean = Math.min(max, Math.max(min, mean));
  return { count, mean, variance, min, max };
}

/** Neumaier-compensated sum of a dense array. */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + comp;
}

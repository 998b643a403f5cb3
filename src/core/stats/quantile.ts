/**
 * Quantiles exactly as numpy's default (`np.quantile(x, q)`, method='linear', Hyndman & Fan
 * type 7) on the sorted non-missing values, including numpy's two-sided interpolation formula
 * so that results agree to the last bit in the common cases.
 */
import type { RowSelection } from '../data/table';
import { sortFloat64 } from './sortFloat64';

/** The non-NaN values of `values` (restricted to `rows`), as a new ascending Float64Array. */
export function sortedNonMissing(values: Float64Array, rows?: RowSelection): Float64Array {
  const out = nonMissingValues(values, rows);
  sortFloat64(out);
  return out;
}

/** The non-NaN values of `values` restricted to `rows`, in row order (a new array). */
export function nonMissingValues(values: Float64Array, rows?: RowSelection): Float64Array {
  const n = rows ? rows.length : values.length;
  const out = new Float64Array(n);
  let k = 0;
  if (rows) {
    for (let i = 0; i < n; i++) {
      const v = values[rows[i]];
      if (v === v) out[k++] = v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v === v) out[k++] = v;
    }
  }
  return k === n ? out : out.slice(0, k);
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` values, numpy 'linear' method.
 * NaN when `sorted` is empty.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0 || !(q >= 0 && q <= 1)) return NaN;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1];
  const prev = Math.floor(virtual);
  const gamma = virtual - prev;
  return lerp(sorted[prev], sorted[prev + 1], gamma);
}

/** numpy's `_lerp`: a + (b − a)·t, computed from the nearer end for t ≥ 0.5. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Several quantiles of the non-missing values of a column view (NaN when there are none). */
export function quantiles(values: Float64Array, rows: RowSelection, qs: readonly number[]): number[] {
  const sorted = sortedNonMissing(values, rows);
  return qs.map((q) => quantileSorted(sorted, q));
}

/**
 * The 1-Wasserstein (earth mover's) distance between two samples, as
 * scipy.stats.wasserstein_distance(u, v) computes it: over the pooled sorted values, the sum of
 * |U(x) − V(x)| · (next value − x), with U and V the empirical CDFs (searchsorted 'right').
 * Neumaier-compensated summation (NumPy sums pairwise; both are within a few ulps of the exact sum).
 */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number | null {
  const n = u.length;
  const m = v.length;
  if (n === 0 || m === 0) return null;
  const a = Float64Array.from(u).sort();
  const b = Float64Array.from(v).sort();
  let i = 0;
  let j = 0;
  let sum = 0;
  let compensation = 0;
  // walk the pooled values in order; at each value x, i and j count the values ≤ x on each side
  let x = Math.min(a[0], b[0]);
  while (i < n || j < m) {
    while (i < n && a[i] <= x) i++;
    while (j < m && b[j] <= x) j++;
    if (i === n && j === m) break;
    const next = Math.min(i < n ? a[i] : Infinity, j < m ? b[j] : Infinity);
    const term = Math.abs(i / n - j / m) * (next - x);
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    x = next;
  }
  return sum + compensation;
}

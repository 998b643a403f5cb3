/**
 * Cumulative distribution and survival functions of the normal, Student t and chi-squared
 * distributions (as scipy.stats.norm / t / chi2 cdf and sf), built on specialFunctions.ts.
 */
import { erfc, incompleteBeta, incompleteGamma } from './specialFunctions';

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal survival function 1 − Φ(z) (accurate in the upper tail). */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** Lower tail 0.5·I_{df/(df+t²)}(df/2, ½) = P(T ≤ −|t|). */
function studentTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return 0.5 * incompleteBeta(df / 2, 0.5, x, y).p;
}

/** Student t CDF P(T ≤ t) with `df` (> 0, not necessarily integer) degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTail(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** Student t survival function P(T > t). */
export function studentTSf(t: number, df: number): number {
  const tail = studentTail(t, df);
  return t > 0 ? tail : 1 - tail;
}

/** Two-sided p-value P(|T| ≥ |t|). */
export function studentTTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * studentTail(t, df));
}

/** Chi-squared survival function P(X > x) with k degrees of freedom. */
export function chiSquaredSf(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return NaN;
  if (x <= 0) return 1;
  return incompleteGamma(k / 2, x / 2).q;
}

/** Chi-squared CDF P(X ≤ x) with k degrees of freedom. */
export function chiSquaredCdf(x: number, k: number): number {
  if (Number.isNaN(x) || !(k > 0)) return NaN;
  if (x <= 0) return 0;
  return incompleteGamma(k / 2, x / 2).p;
}

/**
 * Mann–Whitney U test, two-sided, normal approximation with continuity and tie correction, as
 * scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic',
 * use_continuity=True): U_a = R_a − n_a(n_a+1)/2 from average ranks of the pooled sample,
 * z = (max(U_a, U_b) − n_a·n_b/2 − ½) / σ with σ² = n_a·n_b/12 · ((n+1) − Σ(t³−t)/(n(n−1))),
 * p = min(1, 2·P(Z > z)). The statistic reported is U for sample a (as scipy).
 */
import { InputError } from '../errors/errors';
import { argsortValues } from './argsort';
import { normalSf } from './distributions';

export interface MannWhitneyResult {
  statistic: number;
  pValue: number;
}

/** a, b: the non-missing values of each group. */
export function mannWhitneyU(a: Float64Array, b: Float64Array): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) {
    throw new InputError(`the Mann-Whitney test needs values in both groups (got ${n1} and ${n2})`);
  }
  const n = n1 + n2;
  const pooled = new Float64Array(n);
  pooled.set(a);
  pooled.set(b, n1);
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const order = argsortValues(pooled, all);
  let r1 = 0;
  let tieTerm = 0;
  let i = 0;
  while (i < n) {
    const v = pooled[order[i]];
    let j = i;
    let inA = 0;
    while (j < n && pooled[order[j]] === v) {
      if (order[j] < n1) inA++;
      j++;
    }
    const t = j - i;
    r1 += inA * (i + (t + 1) / 2);
    if (t > 1) tieTerm += t * t * t - t;
    i = j;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const mu = (n1 * n2) / 2;
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (!(s > 0)) return { statistic: u1, pValue: 1 };
  const z = (Math.max(u1, u2) - mu - 0.5) / s;
  return { statistic: u1, pValue: Math.min(1, Math.max(0, 2 * normalSf(z))) };
}

/**
 * Welch's unequal-variances t-test, two-sided, as scipy.stats.ttest_ind(a, b, equal_var=False):
 * t = (mean_a − mean_b) / √(v_a/n_a + v_b/n_b) with sample variances (ddof = 1), Welch–
 * Satterthwaite degrees of freedom, p = 2·P(T_df > |t|).
 */
import { InputError } from '../errors/errors';
import { studentTTwoSided } from './distributions';
import { moments } from './moments';

export interface TTestResult {
  statistic: number;
  df: number;
  pValue: number;
}

/** a, b: the non-missing values of each group. Throws InputError when the test is undefined. */
export function welchT(a: Float64Array, b: Float64Array): TTestResult {
  if (a.length < 2 || b.length < 2) {
    throw new InputError(`Welch's t-test needs at least 2 values in each group (got ${a.length} and ${b.length})`);
  }
  const ma = moments(a);
  const mb = moments(b);
  const va = ma.variance / a.length;
  const vb = mb.variance / b.length;
  const se2 = va + vb;
  if (!(se2 > 0)) throw new InputError("Welch's t-test is undefined: the values are constant in both groups");
  const statistic = (ma.mean - mb.mean) / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  return { statistic, df, pValue: studentTTwoSided(statistic, df) };
}

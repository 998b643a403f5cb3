/**
 * Pearson's chi-squared test of independence on a contingency table, as
 * scipy.stats.chi2_contingency(table, correction=False) after dropping all-zero rows and
 * columns: statistic Σ (observed − expected)² / expected with expected = row·col / n,
 * dof = (r − 1)(c − 1), p = chi2.sf(statistic, dof). With dof = 0 the statistic is 0 and p = 1
 * (as scipy).
 */
import { type Contingency, dropEmpty, margins } from './contingency';
import { chiSquaredSf } from './distributions';

export interface ChiSquaredResult {
  statistic: number;
  dof: number;
  pValue: number;
  /** Non-empty rows and columns used. */
  rows: number;
  cols: number;
  n: number;
}

export function chiSquaredTest(table: Contingency): ChiSquaredResult {
  const t = dropEmpty(table);
  const dof = Math.max(0, (t.rows - 1) * (t.cols - 1));
  if (dof === 0 || t.n === 0) return { statistic: 0, dof, pValue: 1, rows: t.rows, cols: t.cols, n: t.n };
  const { rowSums, colSums } = margins(t);
  let statistic = 0;
  for (let i = 0; i < t.rows; i++) {
    for (let j = 0; j < t.cols; j++) {
      const expected = (rowSums[i] * colSums[j]) / t.n;
      const d = t.counts[i * t.cols + j] - expected;
      statistic += (d * d) / expected;
    }
  }
  return { statistic, dof, pValue: chiSquaredSf(statistic, dof), rows: t.rows, cols: t.cols, n: t.n };
}

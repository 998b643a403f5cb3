/**
 * Mutual information (nats) between two discrete code arrays, as
 * sklearn.metrics.mutual_info_score: Σ p(i,j)·ln(p(i,j) / (p(i)·p(j))) over the contingency
 * table (rows where either code is negative are left out), clipped at 0.
 * Numeric columns are discretised first (quantileBins.ts).
 */
import type { RowSelection } from '../data/table';
import { type Contingency, contingency, margins } from './contingency';

export function mutualInformation(a: Int32Array, ka: number, b: Int32Array, kb: number, rows?: RowSelection): number {
  return mutualInformationFromTable(contingency(a, ka, b, kb, rows));
}

export function mutualInformationFromTable(t: Contingency): number {
  if (t.n === 0) return 0;
  const { rowSums, colSums } = margins(t);
  const lnN = Math.log(t.n);
  let mi = 0;
  for (let i = 0; i < t.rows; i++) {
    if (rowSums[i] === 0) continue;
    const lnA = Math.log(rowSums[i]);
    for (let j = 0; j < t.cols; j++) {
      const c = t.counts[i * t.cols + j];
      if (c === 0) continue;
      mi += (c / t.n) * (Math.log(c) + lnN - lnA - Math.log(colSums[j]));
    }
  }
  return mi > 0 ? mi : 0;
}

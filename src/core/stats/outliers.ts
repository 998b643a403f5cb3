/**
 * Tukey's rule: values strictly below q25 − 1.5·IQR or strictly above q75 + 1.5·IQR, with
 * numpy-linear quartiles of the non-missing values. Numeric columns only (null otherwise, and
 * when there is no non-missing value).
 */
import type { Column, RowSelection } from '../data/table';
import { quantileSorted, sortedNonMissing } from './quantile';
import type { OutlierCounts } from './results';

export const TUKEY_K = 1.5;

export function iqrOutliers(column: Column, rows?: RowSelection): OutlierCounts | null {
  if (column.type !== 'numeric') return null;
  const sorted = sortedNonMissing(column.values, rows);
  const n = sorted.length;
  if (n === 0) return null;
  const q25 = quantileSorted(sorted, 0.25);
  const q75 = quantileSorted(sorted, 0.75);
  const iqr = q75 - q25;
  const lowerFence = q25 - TUKEY_K * iqr;
  const upperFence = q75 + TUKEY_K * iqr;
  let low = 0;
  while (low < n && sorted[low] < lowerFence) low++;
  let high = 0;
  while (high < n && sorted[n - 1 - high] > upperFence) high++;
  return { lowerFence, upperFence, low, high };
}

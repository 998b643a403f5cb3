/**
 * Contingency tables of two dictionary-coded views (codes ≥ 0; negative codes = missing, and
 * such rows are left out).
 */
import type { RowSelection } from '../data/table';

export interface Contingency {
  rows: number;
  cols: number;
  /** Row-major counts, rows × cols. */
  counts: Float64Array;
  /** Total count. */
  n: number;
}

export function contingency(
  a: Int32Array,
  ka: number,
  b: Int32Array,
  kb: number,
  selection?: RowSelection,
): Contingency {
  const counts = new Float64Array(ka * kb);
  const len = selection ? selection.length : a.length;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const r = selection ? selection[i] : i;
    const x = a[r];
    const y = b[r];
    if (x < 0 || y < 0) continue;
    counts[x * kb + y]++;
    n++;
  }
  return { rows: ka, cols: kb, counts, n };
}

/** Row and column totals. */
export function margins(t: Contingency): { rowSums: Float64Array; colSums: Float64Array } {
  const rowSums = new Float64Array(t.rows);
  const colSums = new Float64Array(t.cols);
  for (let i = 0; i < t.rows; i++) {
    for (let j = 0; j < t.cols; j++) {
      const c = t.counts[i * t.cols + j];
      rowSums[i] += c;
      colSums[j] += c;
    }
  }
  return { rowSums, colSums };
}

/** The table without its all-zero rows and columns. */
export function dropEmpty(t: Contingency): Contingency {
  const { rowSums, colSums } = margins(t);
  const keepRows: number[] = [];
  const keepCols: number[] = [];
  rowSums.forEach((s, i) => s > 0 && keepRows.push(i));
  colSums.forEach((s, j) => s > 0 && keepCols.push(j));
  if (keepRows.length === t.rows && keepCols.length === t.cols) return t;
  const counts = new Float64Array(keepRows.length * keepCols.length);
  keepRows.forEach((i, r) => keepCols.forEach((j, c) => (counts[r * keepCols.length + c] = t.counts[i * t.cols + j])));
  return { rows: keepRows.length, cols: keepCols.length, counts, n: t.n };
}

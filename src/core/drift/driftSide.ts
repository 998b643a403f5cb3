/**
 * One side of a drift comparison: a table and the rows of it that belong to the side (all rows
 * when `rows` is null). The reference and the current side may be two tables (two files) or two
 * row sets of one table (a split by a condition or a date). Columns are read by name.
 */
import { cellAt } from '../data/cellAt';
import { formatNumber } from '../data/formatNumber';
import type { Column, Table } from '../data/table';

export interface DriftSide {
  table: Table;
  rows: Uint32Array | null;
}

export const MISSING_CATEGORY = '(missing)';

export function sideSize(side: DriftSide): number {
  return side.rows ? side.rows.length : side.table.rowCount;
}

export function rowAt(side: DriftSide, k: number): number {
  return side.rows ? side.rows[k] : k;
}

/** The non-missing numbers of a numeric or datetime column on the side. */
export function numbersOf(side: DriftSide, column: Column & { values: Float64Array }): Float64Array {
  const n = sideSize(side);
  const out = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = column.values[rowAt(side, k)];
    if (v === v) out[m++] = v;
  }
  return out.slice(0, m);
}

/** A cell as category text (numbers as they read back, dates ISO), missing as "(missing)". */
export function categoryAt(column: Column, i: number): string {
  const v = cellAt(column, i);
  return v === null ? MISSING_CATEGORY : typeof v === 'number' ? formatNumber(v) : String(v);
}

/** Counts per category on the side, in first-seen order. */
export function categoryCounts(side: DriftSide, column: Column): Map<string, number> {
  const counts = new Map<string, number>();
  const n = sideSize(side);
  for (let k = 0; k < n; k++) {
    const c = categoryAt(column, rowAt(side, k));
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

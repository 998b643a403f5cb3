/**
 * `glassbox profile` (shared/spec/cli.md, "profile"): per-column counts, moments, numpy-linear
 * quantiles and the most frequent values.
 *
 * - count = non-missing values, missing = the rest of the rows in scope.
 * - distinct: numeric → distinct numbers (−0 = 0); categorical/text → distinct strings of the
 *   typed view's dictionary; boolean → distinct of {true, false}; datetime → distinct raw texts.
 * - mean, std (ddof = 1; null when count < 2), min, q25, median, q75, max: numeric type only.
 * - top: up to 10 values, most frequent first, ties broken by first appearance in the rows in
 *   scope; JSON numbers for numeric, booleans for boolean, strings otherwise (raw text for
 *   datetime columns).
 * A column whose type the user overrode is profiled through its current typed view.
 */
import { BOOL_MISSING, type Column, type DatetimeColumn, type RowSelection, type Table } from '../data/table';
import { columnLength } from './columnViews';
import { moments } from './moments';
import { nonMissingValues, quantileSorted } from './quantile';
import { sortFloat64 } from './sortFloat64';
import type { ColumnProfile, ProfileResult } from './results';
import { codeCounts, topCodes } from './valueCounts';

export const PROFILE_TOP = 10;

export function profileTable(table: Table, rows?: RowSelection): ProfileResult {
  return {
    rows: rows ? rows.length : table.rowCount,
    columns: table.columns.map((c) => profileColumn(c, rows)),
  };
}

export function profileColumn(column: Column, rows?: RowSelection): ColumnProfile {
  const n = rows ? rows.length : columnLength(column);
  const empty = { mean: null, std: null, min: null, q25: null, median: null, q75: null, max: null };
  switch (column.type) {
    case 'numeric': {
      const { sorted, distinct, top } = numericCounts(column.values, rows);
      const count = sorted.length;
      const base = { name: column.name, type: column.type, count, missing: n - count, distinct };
      if (count === 0) return { ...base, ...empty, top };
      const m = moments(column.values, rows);
      return {
        ...base,
        mean: m.mean,
        std: count < 2 ? null : Math.sqrt(m.variance),
        min: sorted[0],
        q25: quantileSorted(sorted, 0.25),
        median: quantileSorted(sorted, 0.5),
        q75: quantileSorted(sorted, 0.75),
        max: sorted[count - 1],
        top,
      };
    }
    case 'boolean': {
      const { counts, first, missing } = codeCounts(column.values, 2, rows, BOOL_MISSING);
      const top = topCodes(counts, first, PROFILE_TOP).map((c) => ({ value: c === 1, count: counts[c] }));
      return { name: column.name, type: column.type, count: n - missing, missing, distinct: top.length, ...empty, top };
    }
    case 'datetime':
      return { ...datetimeCounts(column, rows, n), ...empty };
    default: {
      const { counts, first, missing } = codeCounts(column.codes, column.dictionary.length, rows);
      let distinct = 0;
      for (let c = 0; c < counts.length; c++) if (counts[c] > 0) distinct++;
      const top = topCodes(counts, first, PROFILE_TOP).map((c) => ({ value: column.dictionary[c], count: counts[c] }));
      return { name: column.name, type: column.type, count: n - missing, missing, distinct, ...empty, top };
    }
  }
}

/**
 * Sorted non-missing values, distinct count and top values of a numeric view in one sort: the
 * values are sorted together with their positions (in row order), so the first appearance of
 * each distinct value is the smallest position of its run.
 */
function numericCounts(values: Float64Array, rows: RowSelection) {
  const sorted = nonMissingValues(values, rows);
  const m = sorted.length;
  if (orderScratch.length < m) orderScratch = new Uint32Array(m);
  const order = orderScratch.subarray(0, m);
  for (let i = 0; i < m; i++) order[i] = i;
  sortFloat64(sorted, order);
  // One pass over the runs of equal values, keeping the best PROFILE_TOP (count desc, first asc).
  const top = new TopRuns(PROFILE_TOP);
  let distinct = 0;
  let i = 0;
  while (i < m) {
    const v = sorted[i];
    let first = order[i];
    let j = i + 1;
    while (j < m && sorted[j] === v) {
      if (order[j] < first) first = order[j]; // −0 and +0 share a run, −0 sorted first
      j++;
    }
    distinct++;
    top.offer(v === 0 ? 0 : v, j - i, first); // −0 and 0 are one value, reported as 0
    i = j;
  }
  return { sorted, distinct, top: top.list() };
}

let orderScratch = new Uint32Array(0);

/** The k best (value, count, first) runs: most frequent first, ties by first appearance. */
class TopRuns {
  private readonly items: { value: number; count: number; first: number }[] = [];
  constructor(private readonly k: number) {}

  offer(value: number, count: number, first: number): void {
    const items = this.items;
    const better = (a: { count: number; first: number }) => count > a.count || (count === a.count && first < a.first);
    if (items.length === this.k && !better(items[this.k - 1])) return;
    let at = items.length === this.k ? this.k - 1 : items.length;
    while (at > 0 && better(items[at - 1])) at--;
    items.splice(at, 0, { value, count, first });
    if (items.length > this.k) items.pop();
  }

  list(): { value: number; count: number }[] {
    return this.items.map(({ value, count }) => ({ value, count }));
  }
}

/** Datetime columns count and rank their raw texts (rows missing in the typed view are missing). */
function datetimeCounts(column: DatetimeColumn, rows: RowSelection, n: number) {
  const { values, raw } = column;
  // Datetimes are only ever derived from text (columnTypes.makeColumn refuses numbers).
  if (raw.kind !== 'strings') throw new Error(`datetime column '${column.name}' has no raw text`);
  // dictionary codes of the raw text, masked by the typed view
  const d = raw.dictionary.length;
  const counts = new Float64Array(d);
  const first = new Float64Array(d).fill(-1);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const r = rows ? rows[i] : i;
    const code = raw.codes[r];
    if (Number.isNaN(values[r]) || code < 0) {
      missing++;
      continue;
    }
    if (counts[code]++ === 0) first[code] = i;
  }
  let distinct = 0;
  for (let c = 0; c < d; c++) if (counts[c] > 0) distinct++;
  const top = topCodes(counts, first, PROFILE_TOP).map((c) => ({ value: raw.dictionary[c], count: counts[c] }));
  return { name: column.name, type: column.type, count: n - missing, missing, distinct, top };
}

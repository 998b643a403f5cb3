/**
 * Orders row indices by one column (stable; missing values last in both directions).
 * Text is ordered by a locale collator over the dictionary, computed once per distinct value
 * (numeric-aware, so "item 9" comes before "item 10").
 */
import type { Column } from './table';
import { BOOL_MISSING, CODE_MISSING } from './table';

export function sortRows(column: Column, rows: Uint32Array, descending: boolean): Uint32Array {
  const keys = sortKeys(column);
  const present: number[] = [];
  const missing: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (Number.isNaN(keys[i])) missing.push(i);
    else present.push(i);
  }
  const sign = descending ? -1 : 1;
  present.sort((a, b) => sign * (keys[a] - keys[b]) || a - b);
  const out = new Uint32Array(rows.length);
  out.set(present);
  out.set(missing, present.length);
  return out;
}

/** A numeric key per row (NaN = missing) whose order is the column's order. */
function sortKeys(column: Column): Float64Array {
  if (column.type === 'numeric' || column.type === 'datetime') return column.values;
  if (column.type === 'boolean') {
    const out = new Float64Array(column.values.length);
    column.values.forEach((v, i) => (out[i] = v === BOOL_MISSING ? NaN : v));
    return out;
  }
  const dict = column.dictionary;
  const collator = new Intl.Collator(undefined, { numeric: true });
  const byText = dict.map((_, k) => k).sort((a, b) => collator.compare(dict[a], dict[b]));
  const rank = new Float64Array(dict.length);
  byText.forEach((code, r) => (rank[code] = r));
  const out = new Float64Array(column.codes.length);
  column.codes.forEach((c, i) => (out[i] = c === CODE_MISSING ? NaN : rank[c]));
  return out;
}

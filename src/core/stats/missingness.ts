/**
 * Where values are missing: per-column counts, the co-occurrence matrix over the columns that
 * have missing values (`counts[i][j]` = rows missing both; diagonal = the column's own count),
 * and the most common row patterns (which set of columns is missing in a row).
 */
import { BOOL_MISSING, type Column, type RowSelection, type Table } from '../data/table';
import type { MissingnessResult } from './results';

export const TOP_PATTERNS = 10;

export function missingness(table: Table, rows?: RowSelection): MissingnessResult {
  const n = rows ? rows.length : table.rowCount;
  const words = (n + 31) >>> 5;
  const columns: MissingnessResult['columns'] = [];
  const masks: Uint32Array[] = [];
  const names: string[] = [];
  const missingCounts: number[] = [];
  for (const column of table.columns) {
    const mask = new Uint32Array(words);
    const missing = missingMask(column, rows, n, mask);
    columns.push({ name: column.name, missing, fraction: n > 0 ? missing / n : 0 });
    if (missing > 0) {
      masks.push(mask);
      names.push(column.name);
      missingCounts.push(missing);
    }
  }
  const m = masks.length;
  const counts: number[][] = [];
  for (let i = 0; i < m; i++) {
    counts.push(new Array<number>(m).fill(0));
    counts[i][i] = missingCounts[i];
  }
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const a = masks[i];
      const b = masks[j];
      let c = 0;
      for (let w = 0; w < words; w++) {
        const x = a[w] & b[w];
        if (x !== 0) c += popcount(x);
      }
      counts[i][j] = c;
      counts[j][i] = c;
    }
  }
  const { patterns, completeRows } = rowPatterns(masks, names, n);
  return { rows: n, columns, cooccurrence: { names, counts }, patterns, completeRows };
}

/** Sets bit i of `mask` for each missing row position i; returns the count. */
function missingMask(column: Column, rows: RowSelection, n: number, mask: Uint32Array): number {
  let missing = 0;
  const set = (i: number) => {
    mask[i >>> 5] |= 1 << (i & 31);
    missing++;
  };
  switch (column.type) {
    case 'numeric':
    case 'datetime': {
      const v = column.values;
      for (let i = 0; i < n; i++) {
        const x = rows ? v[rows[i]] : v[i];
        if (x !== x) set(i);
      }
      break;
    }
    case 'boolean': {
      const v = column.values;
      for (let i = 0; i < n; i++) if ((rows ? v[rows[i]] : v[i]) === BOOL_MISSING) set(i);
      break;
    }
    default: {
      const c = column.codes;
      for (let i = 0; i < n; i++) if ((rows ? c[rows[i]] : c[i]) < 0) set(i);
    }
  }
  return missing;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Counts rows by their set of missing columns (keys: bit sets, as numbers when ≤ 52 columns). */
function rowPatterns(masks: Uint32Array[], names: string[], n: number) {
  const m = masks.length;
  const stats = new Map<number | string, { count: number; first: number }>();
  let completeRows = 0;
  const record = (key: number | string, i: number) => {
    const s = stats.get(key);
    if (s) s.count++;
    else stats.set(key, { count: 1, first: i });
  };
  if (m <= 52) {
    const keys = new Float64Array(n);
    for (let j = 0; j < m; j++) {
      const mask = masks[j];
      const bit = Math.pow(2, j);
      for (let w = 0; w < mask.length; w++) {
        let x = mask[w];
        while (x !== 0) {
          const low = x & -x;
          keys[(w << 5) + (31 - Math.clz32(low))] += bit;
          x ^= low;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if (keys[i] === 0) completeRows++;
      else record(keys[i], i);
    }
  } else {
    for (let i = 0; i < n; i++) {
      let key = '';
      for (let j = 0; j < m; j++) if (masks[j][i >>> 5] & (1 << (i & 31))) key += `${j},`;
      if (key === '') completeRows++;
      else record(key, i);
    }
  }
  const ranked = [...stats.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const patterns = ranked.slice(0, TOP_PATTERNS).map(([key, s]) => ({ columns: patternColumns(key, names), count: s.count }));
  return { patterns, completeRows };
}

function patternColumns(key: number | string, names: string[]): string[] {
  if (typeof key === 'string') return key.split(',').filter((s) => s !== '').map((j) => names[Number(j)]);
  const out: string[] = [];
  let k = key;
  for (let j = 0; k > 0; j++) {
    if (k % 2 === 1) out.push(names[j]);
    k = Math.floor(k / 2);
  }
  return out;
}

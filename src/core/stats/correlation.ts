/**
 * Correlation matrices over the columns of a table, pairwise-complete observations per cell.
 *
 * - 'pearson' / 'spearman': numeric columns, and boolean columns as 0/1 (as pandas corr() does
 *   with bool columns). Datetime, categorical and text columns are left out.
 * - 'cramersV': categorical and boolean columns (text columns are left out: too many values).
 *
 * Cells are null where undefined (fewer than 2 complete pairs, or a side constant over them);
 * the diagonal is 1 (null for a constant or nearly empty column). For speed on 1,000,000 rows
 * × 30 columns every pair is a single pass: each column is centred (Pearson) or ranked
 * (Spearman) once; a pair involving missing values is computed on its complete rows — Pearson
 * with sums shifted by the columns' means, Spearman with each rank corrected for the values
 * dropped from the pair (see spearmanCorrected), which equals re-ranking the complete rows.
 */
import type { Column, RowSelection, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { argsortValues, presentPositions } from './argsort';
import { categoryView, numericView } from './columnViews';
import { contingency } from './contingency';
import { cramersVFromTable } from './cramersV';
import { correlationFromSums, type PairCorrelation } from './pearson';
import { rankInto } from './ranks';
import type { CorrelationMatrix, CorrelationMethod } from './results';

export interface CorrelationOptions {
  /** Restrict to these columns (in this order); each must suit the method. */
  columns?: readonly string[];
}

/** Whether a column takes part in a matrix of the given method. */
export function suitsMethod(column: Column, method: CorrelationMethod): boolean {
  if (method === 'cramersV') return column.type === 'categorical' || column.type === 'boolean';
  return column.type === 'numeric' || column.type === 'boolean';
}

export function correlationMatrix(
  table: Table,
  rows: RowSelection,
  method: CorrelationMethod,
  opts: CorrelationOptions = {},
): CorrelationMatrix {
  const columns = pickColumns(table, method, opts.columns);
  const cells = method === 'cramersV' ? categoricalCells(columns, rows) : numericCells(columns, rows, method);
  return { method, names: columns.map((c) => c.name), ...cells };
}

function pickColumns(table: Table, method: CorrelationMethod, names?: readonly string[]): Column[] {
  if (!names) return table.columns.filter((c) => suitsMethod(c, method));
  return names.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new InputError(`column '${name}' not found`);
    if (!suitsMethod(column, method)) {
      const wanted = method === 'cramersV' ? 'categorical or boolean' : 'numeric or boolean';
      throw new InputError(`column '${name}' is ${column.type}; ${method} needs ${wanted} columns`);
    }
    return column;
  });
}

interface Cells {
  values: (number | null)[][];
  n: number[][];
}

function emptyCells(k: number): Cells {
  return {
    values: Array.from({ length: k }, () => new Array<number | null>(k).fill(null)),
    n: Array.from({ length: k }, () => new Array<number>(k).fill(0)),
  };
}

function set(cells: Cells, i: number, j: number, c: PairCorrelation): void {
  cells.values[i][j] = cells.values[j][i] = c.r;
  cells.n[i][j] = cells.n[j][i] = c.n;
}

/** A column's values over the selection as a dense Float64Array (NaN = missing). */
function gather(values: Float64Array, rows: RowSelection): Float64Array {
  if (!rows) return values;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

interface NumericInfo {
  x: Float64Array;
  present: number;
  constant: boolean;
  complete: boolean;
  /** Mean of the present values (Pearson) or of their ranks (Spearman). */
  centre: number;
  /** Complete columns: Σ(v − centre) and Σ(v − centre)² − (Σ(v − centre))²/n. */
  residual: number;
  ss: number;
  /** Positions where the value is missing. */
  missing: Uint32Array;
  /** Spearman: average ranks among the present values (NaN where missing). */
  ranks?: Float64Array | Float32Array;
}

function numericCells(columns: Column[], rows: RowSelection, method: 'pearson' | 'spearman'): Cells {
  const k = columns.length;
  const m = rows ? rows.length : columns.length ? numericView(columns[0])!.length : 0;
  const infos = columns.map((c) => describe(gather(numericView(c)!, rows), method));
  const cells = emptyCells(k);
  const scratch: Scratch = { tables: [null, null] };
  for (let i = 0; i < k; i++) {
    const a = infos[i];
    set(cells, i, i, { r: a.present >= 2 && !a.constant ? 1 : null, n: a.present });
    for (let j = i + 1; j < k; j++) {
      const b = infos[j];
      if (a.complete && b.complete) {
        set(cells, i, j, { r: a.constant || b.constant ? null : completePair(a, b, m), n: m });
      } else if (method === 'pearson') {
        set(cells, i, j, pearsonShifted(a, b));
      } else {
        set(cells, i, j, spearmanCorrected(a, b, scratch));
      }
    }
  }
  return cells;
}

function describe(x: Float64Array, method: 'pearson' | 'spearman'): NumericInfo {
  const m = x.length;
  let present = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const v = x[i];
    if (v !== v) continue;
    present++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const missing = new Uint32Array(m - present);
  if (present < m) {
    let k = 0;
    for (let i = 0; i < m; i++) if (x[i] !== x[i]) missing[k++] = i;
  }
  const info: NumericInfo = {
    x,
    present,
    constant: present > 0 && min === max,
    complete: present === m,
    centre: present > 0 ? sum / present : 0,
    residual: 0,
    ss: 0,
    missing,
  };
  if (method === 'spearman') {
    // half-integer ranks below 2^23 are exact in float32
    const ranks = m < 1 << 23 ? new Float32Array(m).fill(NaN) : new Float64Array(m).fill(NaN);
    rankInto(x, argsortValues(x, presentPositions(x)), ranks);
    info.ranks = ranks;
    info.centre = (present + 1) / 2;
  }
  if (info.complete && !info.constant && m >= 2) centre(info, info.ranks ?? x);
  return info;
}

function centre(info: NumericInfo, v: ArrayLike<number>): void {
  let r = 0;
  let ss = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v[i] - info.centre;
    r += d;
    ss += d * d;
  }
  info.residual = r;
  info.ss = ss - (r * r) / v.length;
}

/** Correlation of two complete, non-constant columns in one pass. */
function completePair(a: NumericInfo, b: NumericInfo, m: number): number | null {
  const x = a.ranks ?? a.x;
  const y = b.ranks ?? b.x;
  const ca = a.centre;
  const cb = b.centre;
  let sxy = 0;
  for (let i = 0; i < m; i++) sxy += (x[i] - ca) * (y[i] - cb);
  return correlationFromSums(sxy - (a.residual * b.residual) / m, a.ss, b.ss);
}

/**
 * Pearson over the complete pairs in one pass, on values shifted by each column's mean over
 * all its present values (close to the pairs' means, so the shifted sums lose nothing).
 */
function pearsonShifted(a: NumericInfo, b: NumericInfo): PairCorrelation {
  const { x } = a;
  const y = b.x;
  const ca = a.centre;
  const cb = b.centre;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const u = x[i];
    const v = y[i];
    if (u !== u || v !== v) continue;
    n++;
    if (u < minX) minX = u;
    if (u > maxX) maxX = u;
    if (v < minY) minY = v;
    if (v > maxY) maxY = v;
    const dx = u - ca;
    const dy = v - cb;
    sx += dx;
    sy += dy;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (n < 2 || minX === maxX || minY === maxY) return { r: null, n };
  return { r: correlationFromSums(sxy - (sx * sy) / n, sxx - (sx * sx) / n, syy - (sy * sy) / n), n };
}

/**
 * Spearman over the complete pairs in one pass. Each column is ranked once over all its
 * present values; within the complete pairs a value's average rank is that rank minus the
 * number of dropped values below it and half the dropped values equal to it (dropped = present
 * here, missing on the other side). Distinct values have average ranks at least 1 apart, so
 * that shift is tabulated by ⌊rank⌋ (see shiftTable). Equals re-ranking the complete pairs.
 */
function spearmanCorrected(a: NumericInfo, b: NumericInfo, scratch: Scratch): PairCorrelation {
  const ra = a.ranks!;
  const rb = b.ranks!;
  const shiftA = shiftTable(ra, b.missing, a.present, scratch, 0);
  const shiftB = shiftTable(rb, a.missing, b.present, scratch, 1);
  const n = a.present - shiftA.dropped;
  if (n < 2) return { r: null, n: Math.max(n, 0) };
  const ta = shiftA.table;
  const tb = shiftB.table;
  const { x } = a;
  const y = b.x;
  const c = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const u = x[i];
    const v = y[i];
    if (u !== u || v !== v) continue;
    let p = ra[i];
    if (ta) p -= ta[Math.floor(p)] / 2;
    let q = rb[i];
    if (tb) q -= tb[Math.floor(q)] / 2;
    const dx = p - c;
    const dy = q - c;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { r: correlationFromSums(sxy, sxx, syy), n };
}

interface Scratch {
  tables: [Uint32Array | null, Uint32Array | null];
}

/**
 * table[⌊r⌋] = 2·(dropped values ranked below r) + (dropped values ranked r), for the values
 * of a column (ranks `ranks`, `present` of them) at the positions dropped from a pair; null
 * table when nothing is dropped.
 */
function shiftTable(
  ranks: Float64Array | Float32Array,
  positions: Uint32Array,
  present: number,
  scratch: Scratch,
  slot: 0 | 1,
): { table: Uint32Array | null; dropped: number } {
  let dropped = 0;
  for (let i = 0; i < positions.length; i++) if (ranks[positions[i]] === ranks[positions[i]]) dropped++;
  if (dropped === 0) return { table: null, dropped };
  let buffer = scratch.tables[slot];
  if (!buffer || buffer.length < present + 2) buffer = scratch.tables[slot] = new Uint32Array(present + 2);
  const table = buffer.subarray(0, present + 2).fill(0);
  for (let i = 0; i < positions.length; i++) {
    const r = ranks[positions[i]];
    if (r === r) table[Math.floor(r)]++;
  }
  let below = 0;
  for (let k = 0; k < table.length; k++) {
    const c = table[k];
    table[k] = 2 * below + c;
    below += c;
  }
  return { table, dropped };
}

function categoricalCells(columns: Column[], rows: RowSelection): Cells {
  const views = columns.map((c) => categoryView(c)!);
  const cells = emptyCells(columns.length);
  for (let i = 0; i < views.length; i++) {
    for (let j = i; j < views.length; j++) {
      const a = views[i];
      const b = views[j];
      set(cells, i, j, cramersVFromTable(contingency(a.codes, a.labels.length, b.codes, b.labels.length, rows)));
    }
  }
  return cells;
}

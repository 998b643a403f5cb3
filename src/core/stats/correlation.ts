/**
 * Correlation matrices over the columns of a table, pairwise-complete observations per cell.
 *
 * - 'pearson' / 'spearman': numeric columns, and boolean columns as 0/1 (as pandas corr() does
 *   with bool columns). Datetime, categorical and text columns are left out.
 * - 'cramersV': categorical and boolean columns (text columns are left out: too many values).
 *
 * Cells are null where undefined (fewer than 2 complete pairs, or a side constant over them);
 * the diagonal is 1 (null for a constant or nearly empty column). For speed on 1,000,000 rows
 * × 30 columns: columns without missing values are centred (Pearson) or ranked (Spearman) once
 * and each pair is then a single pass; pairs involving missing values are computed on their
 * complete rows (Spearman re-ranks the complete rows by walking each column's precomputed order).
 */
import type { Column, RowSelection, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { argsortValues, presentPositions } from './argsort';
import { categoryView, numericView } from './columnViews';
import { contingency } from './contingency';
import { cramersVFromTable } from './cramersV';
import { correlationFromSums, pearson, type PairCorrelation } from './pearson';
import { rankInto } from './ranks';
import type { CorrelationMatrix, CorrelationMethod } from './results';
import { spearmanFromOrders } from './spearman';

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
  /** Complete columns: centre, Σ(x − centre), Σ(x − centre)² (Pearson: values; Spearman: ranks). */
  centre: number;
  residual: number;
  ss: number;
  /** Spearman: value order of the present positions; ranks when complete. */
  order?: Uint32Array;
  ranks?: Float64Array | Float32Array;
}

function numericCells(columns: Column[], rows: RowSelection, method: 'pearson' | 'spearman'): Cells {
  const k = columns.length;
  const m = rows ? rows.length : columns.length ? numericView(columns[0])!.length : 0;
  const infos = columns.map((c) => describe(gather(numericView(c)!, rows), method));
  const cells = emptyCells(k);
  let rx: Float64Array | undefined;
  let ry: Float64Array | undefined;
  for (let i = 0; i < k; i++) {
    const a = infos[i];
    set(cells, i, i, { r: a.present >= 2 && !a.constant ? 1 : null, n: a.present });
    for (let j = i + 1; j < k; j++) {
      const b = infos[j];
      if (a.complete && b.complete) {
        set(cells, i, j, { r: a.constant || b.constant ? null : completePair(a, b, m), n: m });
      } else if (method === 'pearson') {
        set(cells, i, j, pearson(a.x, b.x));
      } else {
        rx ??= new Float64Array(m);
        ry ??= new Float64Array(m);
        set(cells, i, j, spearmanFromOrders(a.x, b.x, a.order!, b.order!, rx, ry));
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
  const info: NumericInfo = {
    x,
    present,
    constant: present > 0 && min === max,
    complete: present === m,
    centre: 0,
    residual: 0,
    ss: 0,
  };
  if (method === 'spearman') info.order = argsortValues(x, presentPositions(x));
  if (!info.complete || info.constant || m < 2) return info;
  if (method === 'pearson') {
    info.centre = sum / m;
    centre(info, x);
  } else {
    const ranks = m < 1 << 23 ? new Float32Array(m) : new Float64Array(m); // half-integers < 2^23 are exact in float32
    rankInto(x, info.order!, ranks);
    info.ranks = ranks;
    info.centre = (m + 1) / 2;
    centre(info, ranks);
  }
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

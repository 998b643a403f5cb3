/**
 * Partial dependence and ICE curves (Friedman 2001; Goldstein et al. 2015), as the contract
 * defines them (shared/spec/cli.md, "pdp"): for each grid value g of feature F,
 *   average[g] = mean over the rows (all, or a seeded sample of N) of f(x with F := g),
 * f = P(positive) for classifiers, the value for regressors, scored by the Scorer; ICE keeps each
 * row's curve. Default grid: `gridSize` points evenly spaced (numpy.linspace) between the 5th and
 * 95th percentiles (numpy 'linear') of F's non-missing values; for a text or boolean column every
 * value it takes (sorted, as numpy.unique). Datetimes are gridded as numbers of milliseconds.
 */
import type { Column, Table } from '../data/table';
import { CODE_MISSING } from '../data/table';
import { requireColumn } from '../data/columnLookup';
import { CancelledError, InputError } from '../errors/errors';
import { resolveMapping } from '../inference/inputMapping';
import type { Scorer } from '../inference/scorer';
import { seededSample } from '../folds/shuffle';
import { seededRandom } from '../random/seededRandom';
import { quantileSorted } from '../stats/quantile';

export type GridValue = number | string | boolean;

export const DEFAULT_GRID_SIZE = 20;

export interface PdpRequest {
  table: Table;
  source: string;
  feature: string;
  /** Columns mapped to the model's inputs by hand; suggested from the names when omitted. */
  mapping?: readonly (string | null)[];
  /** A custom grid (numbers for numeric/datetime columns, labels for text, booleans for booleans). */
  grid?: GridValue[];
  gridSize?: number;
  ice?: boolean;
  /** At most this many rows (a seeded sample); all rows when omitted. */
  sample?: number;
  seed?: number;
  signal?: AbortSignal;
  pause?: () => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

export interface PdpResult {
  feature: string;
  grid: GridValue[];
  average: number[];
  /** rows × grid (only when asked). */
  ice?: number[][];
  /** Rows used. */
  rows: number;
  /** Which rows (table indices, ascending). */
  rowIndices: Uint32Array;
  /** A numeric feature's values on (up to 300 of) the rows used: the rug under the curve. */
  rug: number[];
}

export async function partialDependence(scorer: Scorer, request: PdpRequest): Promise<PdpResult> {
  const { table } = request;
  const column = requireColumn(table, request.feature, request.source);
  const mapping = resolveMapping(scorer.signature, table, request.source, request.mapping);
  const rows = sampledRows(table, request);
  const grid = request.grid ?? defaultGrid(column, request.gridSize ?? DEFAULT_GRID_SIZE);
  if (grid.length === 0) throw new InputError(`column '${column.name}' has no values to make a grid of`);
  const selected = Int32Array.from(rows);
  const average: number[] = [];
  const ice: number[][] = request.ice ? Array.from({ length: rows.length }, () => []) : [];
  for (let k = 0; k < grid.length; k++) {
    const scores = await scoresWith(scorer, table, mapping, new Map([[column, grid[k]]]), selected, request);
    let sum = 0;
    for (let i = 0; i < scores.length; i++) sum += scores[i];
    average.push(sum / scores.length);
    if (request.ice) for (let i = 0; i < scores.length; i++) ice[i].push(scores[i]);
    request.onProgress?.(k + 1, grid.length);
  }
  const rug: number[] = [];
  if (column.type === 'numeric' || column.type === 'datetime') {
    for (let i = 0; i < rows.length && rug.length < RUG_ROWS; i++) {
      const v = column.values[rows[i]];
      if (v === v) rug.push(v);
    }
  }
  return { feature: column.name, grid, average, ...(request.ice ? { ice } : {}), rows: rows.length, rowIndices: rows, rug };
}

const RUG_ROWS = 300;

export interface Pdp2dResult {
  features: [string, string];
  grids: [GridValue[], GridValue[]];
  /** average[a][b] for grids[0][a], grids[1][b]. */
  average: number[][];
  rows: number;
}

/**
 * Two-way partial dependence: average[a][b] = mean over the rows of f(x with F1 := g1[a] and
 * F2 := g2[b]) — each grid the contract's default for its column (`gridSize` points).
 */
export async function partialDependence2d(scorer: Scorer, request: Omit<PdpRequest, 'feature' | 'grid' | 'ice'> & { features: [string, string] }): Promise<Pdp2dResult> {
  const { table } = request;
  const [a, b] = request.features.map((f) => requireColumn(table, f, request.source));
  if (a === b) throw new InputError('a two-way partial dependence needs two different columns');
  const mapping = resolveMapping(scorer.signature, table, request.source, request.mapping);
  const rows = sampledRows(table, request);
  const size = request.gridSize ?? 10;
  const grids: [GridValue[], GridValue[]] = [defaultGrid(a, size), defaultGrid(b, size)];
  const selected = Int32Array.from(rows);
  const average: number[][] = [];
  const total = grids[0].length * grids[1].length;
  for (let i = 0; i < grids[0].length; i++) {
    const line: number[] = [];
    for (let j = 0; j < grids[1].length; j++) {
      const scores = await scoresWith(scorer, table, mapping, new Map([[a, grids[0][i]], [b, grids[1][j]]]), selected, request);
      let sum = 0;
      for (let k = 0; k < scores.length; k++) sum += scores[k];
      line.push(sum / scores.length);
      request.onProgress?.(i * grids[1].length + j + 1, total);
    }
    average.push(line);
  }
  return { features: [a.name, b.name], grids, average, rows: rows.length };
}

/** All rows, or a seeded sample of `sample` of them (ascending). */
function sampledRows(table: Table, request: Pick<PdpRequest, 'sample' | 'seed'>): Uint32Array {
  const all = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  if (request.sample === undefined) return all;
  if (!(Number.isInteger(request.sample) && request.sample >= 1)) throw new InputError(`--sample must be a whole number ≥ 1 (got ${request.sample})`);
  return seededSample(all, request.sample, seededRandom(request.seed ?? 42));
}

/** The scores of `rows` with the given columns set to one value on every row (a pause and cancel point first). */
async function scoresWith(scorer: Scorer, table: Table, mapping: string[], fixed: Map<Column, GridValue>, rows: Int32Array, request: Pick<PdpRequest, 'signal' | 'pause'>): Promise<Float64Array> {
  if (request.pause) await request.pause();
  if (request.signal?.aborted) throw new CancelledError();
  const columns = table.columns.map((c) => (fixed.has(c) ? constantColumn(c, fixed.get(c)!, table.rowCount) : c));
  return scorer.score({ rowCount: table.rowCount, columns }, mapping, { rows, signal: request.signal, pause: request.pause });
}

/** The contract's default grid for a column. */
export function defaultGrid(column: Column, gridSize: number): GridValue[] {
  if (!(Number.isInteger(gridSize) && gridSize >= 1)) throw new InputError(`--grid-size must be a whole number ≥ 1 (got ${gridSize})`);
  switch (column.type) {
    case 'numeric':
    case 'datetime': {
      const sorted = column.values.filter((v) => v === v).sort();
      if (sorted.length === 0) return [];
      const lo = quantileSorted(sorted, 0.05);
      const hi = quantileSorted(sorted, 0.95);
      return linspace(lo, hi, gridSize);
    }
    case 'boolean': {
      const seen = new Set<number>();
      for (const v of column.values) if (v === 0 || v === 1) seen.add(v);
      return [...seen].sort().map((v) => v === 1);
    }
    default: {
      const used = new Set<number>();
      for (const c of column.codes) if (c !== CODE_MISSING) used.add(c);
      return [...used].map((c) => column.dictionary[c]).sort();
    }
  }
}

/** numpy.linspace(lo, hi, n): lo + k·step, the last point exactly hi. */
export function linspace(lo: number, hi: number, n: number): number[] {
  if (n === 1) return [lo];
  const step = (hi - lo) / (n - 1);
  return Array.from({ length: n }, (_, k) => (k === n - 1 ? hi : lo + k * step));
}

/** The column with every row set to `value`. */
function constantColumn(column: Column, value: GridValue, n: number): Column {
  switch (column.type) {
    case 'numeric':
    case 'datetime': {
      if (typeof value !== 'number') throw new InputError(`grid value '${String(value)}' is not a number, but column '${column.name}' is ${column.type}`);
      const values = new Float64Array(n).fill(value);
      return { ...column, values, raw: { kind: 'numbers', values } };
    }
    case 'boolean': {
      if (typeof value !== 'boolean') throw new InputError(`grid value '${String(value)}' is not true/false, but column '${column.name}' is boolean`);
      return { ...column, values: new Uint8Array(n).fill(value ? 1 : 0) };
    }
    default: {
      const label = String(value);
      let code = column.dictionary.indexOf(label);
      const dictionary = code >= 0 ? column.dictionary : [...column.dictionary, label];
      if (code < 0) code = dictionary.length - 1;
      const codes = new Int32Array(n).fill(code);
      return { ...column, codes, dictionary, raw: { kind: 'strings', codes, dictionary } };
    }
  }
}

/**
 * Compare one column between two subpopulations (row selections, which may overlap):
 * - numeric and datetime columns: Welch's t-test (default) or Mann–Whitney U on the
 *   non-missing values; a/b report n (non-missing), mean and median (numpy-linear);
 * - categorical, boolean and text columns: chi-squared test of independence on the
 *   categories × {a, b} table (missing values left out; categories listed in order of first
 *   appearance in a, then in b); a/b report n and null mean/median.
 * Undefined tests (too few values, constant groups) throw an InputError.
 */
import type { Column, RowSelection } from '../data/table';
import { InputError } from '../errors/errors';
import { chiSquaredTest } from './chiSquared';
import { categoryView, columnLength } from './columnViews';
import { mannWhitneyU } from './mannWhitney';
import { moments } from './moments';
import { nonMissingValues, quantileSorted } from './quantile';
import type { GroupComparison } from './results';
import { codeCounts } from './valueCounts';
import { welchT } from './welchT';

export interface CompareOptions {
  numericTest?: 'welch-t' | 'mann-whitney';
}

export function compareGroups(column: Column, rowsA: RowSelection, rowsB: RowSelection, opts: CompareOptions = {}): GroupComparison {
  if (column.type === 'numeric' || column.type === 'datetime') {
    const a = nonMissingValues(column.values, rowsA);
    const b = nonMissingValues(column.values, rowsB);
    if (a.length === 0 || b.length === 0) throw emptyGroup(column, a.length, b.length);
    const test = opts.numericTest ?? 'welch-t';
    const summary = { a: numericSummary(a), b: numericSummary(b) };
    if (test === 'welch-t') {
      const r = welchT(a, b);
      return { column: column.name, test, statistic: r.statistic, pValue: r.pValue, df: r.df, ...summary };
    }
    const r = mannWhitneyU(a, b);
    return { column: column.name, test, statistic: r.statistic, pValue: r.pValue, df: null, ...summary };
  }
  const view = categoryView(column)!;
  const k = view.labels.length;
  const ca = codeCounts(view.codes, k, rowsA);
  const cb = codeCounts(view.codes, k, rowsB);
  const nA = (rowsA ? rowsA.length : columnLength(column)) - ca.missing;
  const nB = (rowsB ? rowsB.length : columnLength(column)) - cb.missing;
  if (nA === 0 || nB === 0) throw emptyGroup(column, nA, nB);
  // categories in order of first appearance in a, then in b
  const order = [...Array(k).keys()].filter((c) => ca.counts[c] + cb.counts[c] > 0);
  order.sort((x, y) => {
    const inX = ca.first[x] >= 0;
    const inY = ca.first[y] >= 0;
    if (inX !== inY) return inX ? -1 : 1;
    return inX ? ca.first[x] - ca.first[y] : cb.first[x] - cb.first[y];
  });
  const counts = new Float64Array(order.length * 2);
  order.forEach((c, i) => {
    counts[2 * i] = ca.counts[c];
    counts[2 * i + 1] = cb.counts[c];
  });
  const chi = chiSquaredTest({ rows: order.length, cols: 2, counts, n: nA + nB });
  return {
    column: column.name,
    test: 'chi-squared',
    statistic: chi.statistic,
    pValue: chi.pValue,
    df: chi.dof,
    a: { n: nA, mean: null, median: null },
    b: { n: nB, mean: null, median: null },
    table: order.map((c) => ({ value: view.labels[c], a: ca.counts[c], b: cb.counts[c] })),
  };
}

function numericSummary(values: Float64Array) {
  const sorted = Float64Array.from(values).sort();
  return { n: values.length, mean: moments(values).mean, median: quantileSorted(sorted, 0.5) };
}

function emptyGroup(column: Column, a: number, b: number): InputError {
  const which = a === 0 && b === 0 ? 'either group' : a === 0 ? 'group A' : 'group B';
  return new InputError(`column '${column.name}' has no non-missing values in ${which}`);
}


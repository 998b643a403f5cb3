/**
 * Discretisation of a numeric (or datetime) view into at most `bins` groups, used for mutual
 * information and the target breakdown:
 * - with at most `bins` distinct values, one group per value (ascending);
 * - otherwise edges = unique(quantile(x, k/bins), k = 1..bins−1) (numpy linear) and the code of
 *   x is the number of edges below it (numpy.searchsorted(edges, x, 'left')), i.e. the groups
 *   (−∞, e1], (e1, e2], …, (e_last, +∞), reported with bounds [min, e1], (e1, e2], …, (e_last, max].
 */
import type { RowSelection } from '../data/table';
import { quantileSorted, sortedNonMissing } from './quantile';
import { findSorted, sortedRuns } from './valueCounts';
import { lowerBound } from './lowerBound';

export const DEFAULT_QUANTILE_BINS = 10;

export interface NumericBins {
  /** Code per position of the selection (or row when no selection); −1 = missing. */
  codes: Int32Array;
  /** 'values': one group per distinct value; 'quantiles': quantile intervals. */
  kind: 'values' | 'quantiles';
  /** Bounds of each group (start = end for 'values'). */
  bounds: { start: number; end: number }[];
  /** Rows with a missing value. */
  missing: number;
}

export function quantileBins(values: Float64Array, rows?: RowSelection, bins = DEFAULT_QUANTILE_BINS): NumericBins {
  const sorted = sortedNonMissing(values, rows);
  const runs = sortedRuns(sorted);
  const n = rows ? rows.length : values.length;
  const codes = new Int32Array(n);
  let missing = 0;
  if (runs.values.length <= bins) {
    const distinct = runs.values;
    for (let i = 0; i < n; i++) {
      const v = rows ? values[rows[i]] : values[i];
      if (v !== v) {
        codes[i] = -1;
        missing++;
      } else codes[i] = findSorted(distinct, v);
    }
    return { codes, kind: 'values', bounds: Array.from(distinct, (v) => ({ start: v, end: v })), missing };
  }
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const e = quantileSorted(sorted, k / bins);
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e);
  }
  for (let i = 0; i < n; i++) {
    const v = rows ? values[rows[i]] : values[i];
    if (v !== v) {
      codes[i] = -1;
      missing++;
      continue;
    }
    codes[i] = lowerBound(edges, v);
  }
  const b = [sorted[0], ...edges, sorted[sorted.length - 1]];
  const bounds = edges.map((_, i) => ({ start: b[i], end: b[i + 1] }));
  bounds.push({ start: b[edges.length], end: b[edges.length + 1] });
  return { codes, kind: 'quantiles', bounds, missing };
}

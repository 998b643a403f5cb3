/**
 * The distribution of one column, pre-aggregated for a chart: a histogram for numeric and
 * datetime columns (histogramBins.ts decides the bins), the most frequent categories for
 * categorical, boolean and text columns (20 by default, ties by first appearance; the rest
 * summed into `otherCount`).
 */
import type { Column, RowSelection } from '../data/table';
import { categoryView } from './columnViews';
import { binCount, binIndex, niceEdges } from './histogramBins';
import { quantileSorted, sortedNonMissing } from './quantile';
import type { Distribution, Histogram, TopCategories } from './results';
import { codeCounts, topCodes } from './valueCounts';

export interface DistributionOptions {
  /** Number of histogram bins wanted (rounded to nice edges); default Freedman–Diaconis in [10, 60]. */
  bins?: number;
  /** Number of categories listed (default 20). */
  top?: number;
}

export const DEFAULT_TOP_CATEGORIES = 20;

const HALF_DAY = 12 * 3600 * 1000;

export function columnDistribution(column: Column, rows?: RowSelection, opts: DistributionOptions = {}): Distribution {
  if (column.type === 'numeric' || column.type === 'datetime') {
    return histogram(column.name, column.type, column.values, rows, opts.bins);
  }
  return topCategories(column, rows, opts.top ?? DEFAULT_TOP_CATEGORIES);
}

export function histogram(
  name: string,
  type: 'numeric' | 'datetime',
  values: Float64Array,
  rows: RowSelection,
  bins?: number,
): Histogram {
  const sorted = sortedNonMissing(values, rows);
  const n = sorted.length;
  const missing = (rows ? rows.length : values.length) - n;
  const result: Histogram = { kind: 'histogram', column: name, type, bins: [], missing };
  if (n === 0) return result;
  const min = sorted[0];
  const max = sorted[n - 1];
  if (min === max) {
    const half = type === 'datetime' ? HALF_DAY : 0.5;
    result.bins.push({ start: min - half, end: max + half, count: n });
    return result;
  }
  const target =
    bins !== undefined && bins >= 1
      ? Math.floor(bins)
      : binCount(n, max - min, quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25));
  const edges = niceEdges(min, max, target, type === 'datetime' ? 'datetime' : allIntegers(sorted) ? 'integer' : 'number');
  const counts = new Float64Array(edges.length - 1);
  const width = edges[1] - edges[0];
  // sorted values: advance through the bins instead of searching
  let b = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    if (b < counts.length - 1 && x >= edges[b + 1]) b = binIndex(edges, x, width);
    counts[b]++;
  }
  for (let i = 0; i < counts.length; i++) result.bins.push({ start: edges[i], end: edges[i + 1], count: counts[i] });
  return result;
}

function allIntegers(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  return true;
}

function topCategories(column: Column, rows: RowSelection, k: number): TopCategories {
  const view = categoryView(column);
  if (!view) throw new Error(`no category view for ${column.type} column ${column.name}`);
  const { counts, first, missing } = codeCounts(view.codes, view.labels.length, rows);
  const top = topCodes(counts, first, k);
  let total = 0;
  for (let c = 0; c < counts.length; c++) total += counts[c];
  let listed = 0;
  const categories = top.map((c) => {
    listed += counts[c];
    return { value: view.labels[c], count: counts[c] };
  });
  return { kind: 'categories', column: column.name, type: column.type, categories, otherCount: total - listed, missing };
}

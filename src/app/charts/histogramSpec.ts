/** Histogram chart spec (pre-binned data). */
import type { TopLevelSpec } from 'vega-lite';
import type { Histogram } from '../../core/stats/results';
import { NAVY } from './chartConfig';
import { specBase } from './specBase';

export interface HistogramOptions {
  /** Symmetric-log scale for the counts, so that sparse tails (outliers) stay visible. */
  logCounts?: boolean;
  title?: string;
  /** Plot height in pixels (default 220). */
  height?: number;
}

/** Histogram from pre-computed bins (`bin: 'binned'` + x2); datetimes on a time axis. */
export function histogramSpec(h: Histogram, options: HistogramOptions = {}): TopLevelSpec {
  const title = options.title ?? `Distribution of ${h.column}`;
  const y = {
    field: 'count',
    type: 'quantitative' as const,
    title: options.logCounts ? 'Rows (symmetric log scale)' : 'Rows',
    ...(options.logCounts ? { scale: { type: 'symlog' as const } } : {}),
  };
  const values = h.bins.map((b) => ({ start: b.start, end: b.end, count: b.count }));
  const subtitle = h.missing > 0 ? `${h.missing.toLocaleString('en-US')} missing values not shown` : undefined;
  if (h.type === 'datetime') {
    return {
      ...specBase(title, subtitle),
      width: 'container',
      height: options.height ?? 220,
      data: { values },
      // Explicit rectangles: a temporal bar with x/x2 would be drawn as a horizontal range.
      mark: { type: 'rect', color: NAVY, stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'start', type: 'temporal', title: h.column },
        x2: { field: 'end' },
        y,
        y2: { datum: 0 },
        tooltip: [
          { field: 'start', type: 'temporal', title: 'From', format: '%Y-%m-%d %H:%M' },
          { field: 'end', type: 'temporal', title: 'To', format: '%Y-%m-%d %H:%M' },
          { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
        ],
      },
    };
  }
  return {
    ...specBase(title, subtitle),
    width: 'container',
    height: options.height ?? 220,
    data: { values },
    mark: { type: 'bar', color: NAVY, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: 'binned', title: h.column, axis: { format: '~s' } },
      x2: { field: 'end' },
      y,
      tooltip: [
        { field: 'start', type: 'quantitative', title: 'From (incl.)', format: ',.6~g' },
        { field: 'end', type: 'quantitative', title: 'To', format: ',.6~g' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}

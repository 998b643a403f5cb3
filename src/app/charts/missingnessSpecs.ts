/** Missing-value chart specs: per-column bars and the co-occurrence heatmap. */
import type { TopLevelSpec } from 'vega-lite';
import type { MissingnessResult } from '../../core/stats/results';
import { ORANGE } from './chartConfig';
import { cellStep, specBase } from './specBase';

/** Share of missing values per column (only columns that have some). */
export function missingBarsSpec(m: MissingnessResult, title = 'Missing values per column'): TopLevelSpec {
  const values = m.columns.filter((c) => c.missing > 0).map((c) => ({ column: c.name, missing: c.missing, fraction: c.fraction }));
  return {
    ...specBase(title, `${m.rows.toLocaleString('en-US')} rows in scope`),
    width: 'container',
    height: Math.max(60, values.length * 22),
    data: { values },
    mark: { type: 'bar', color: ORANGE },
    encoding: {
      y: { field: 'column', type: 'nominal', sort: '-x', title: null },
      x: { field: 'fraction', type: 'quantitative', title: 'Share of rows missing', axis: { format: '~%' } },
      tooltip: [
        { field: 'column', type: 'nominal', title: 'Column' },
        { field: 'missing', type: 'quantitative', title: 'Missing', format: ',' },
        { field: 'fraction', type: 'quantitative', title: 'Share', format: '.2%' },
      ],
    },
  };
}

/** Rows where both columns are missing (diagonal: the column's own missing count). */
export function cooccurrenceSpec(m: MissingnessResult, title = 'Missing together (rows where both are missing)'): TopLevelSpec {
  const { names, counts } = m.cooccurrence;
  const values: { a: string; b: string; count: number }[] = [];
  names.forEach((a, i) => names.forEach((b, j) => values.push({ a, b, count: counts[i][j] })));
  const step = cellStep(names.length);
  return {
    ...specBase(title),
    width: { step },
    height: { step },
    data: { values },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: names, title: null, axis: { labelAngle: -40 } },
      y: { field: 'a', type: 'nominal', sort: names, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'count', type: 'quantitative', scale: { scheme: 'oranges', zero: true }, title: 'Rows' },
          tooltip: [
            { field: 'a', type: 'nominal', title: 'Column' },
            { field: 'b', type: 'nominal', title: 'and column' },
            { field: 'count', type: 'quantitative', title: 'Rows missing both', format: ',' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: step < 30 ? 8 : 10 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: ',' },
          color: { condition: { test: `datum.count > ${Math.max(...counts.flat(), 0) * 0.6}`, value: 'white' }, value: '#212529' },
        },
      },
    ],
  };
}

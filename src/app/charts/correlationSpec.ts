/** Correlation heatmap spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { CorrelationMatrix } from '../../core/stats/results';
import { cellStep, specBase } from './specBase';

export const CORRELATION_LABELS = { pearson: 'Pearson', spearman: 'Spearman', cramersV: "Cramér's V" } as const;

/** Correlation heatmap with the value written in each cell (blank where undefined). */
export function correlationSpec(c: CorrelationMatrix, title = `${CORRELATION_LABELS[c.method]} correlation`): TopLevelSpec {
  const values: { a: string; b: string; value: number | null; n: number; label: string }[] = [];
  c.names.forEach((a, i) =>
    c.names.forEach((b, j) => {
      const v = c.values[i][j];
      values.push({ a, b, value: v, n: c.n[i][j], label: v === null ? '–' : (Math.abs(v) < 0.005 ? 0 : v).toFixed(2) });
    }),
  );
  const step = cellStep(c.names.length);
  const signed = c.method !== 'cramersV';
  return {
    ...specBase(title, signed ? 'Blue: positive, red: negative; blank cells are undefined' : '0 = no association, 1 = perfect association'),
    width: { step },
    height: { step },
    data: { values },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: c.names, title: null, axis: { labelAngle: -40 } },
      y: { field: 'a', type: 'nominal', sort: c.names, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            scale: signed ? { scheme: 'redblue', domain: [-1, 1] } : { scheme: 'blues', domain: [0, 1] },
            title: signed ? 'r' : 'V',
          },
          tooltip: [
            { field: 'a', type: 'nominal', title: 'Column' },
            { field: 'b', type: 'nominal', title: 'and column' },
            { field: 'value', type: 'quantitative', title: CORRELATION_LABELS[c.method], format: '.4f' },
            { field: 'n', type: 'quantitative', title: 'Complete pairs', format: ',' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: step < 30 ? 8 : 10 },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          color: {
            condition: { test: 'datum.value !== null && abs(datum.value) > 0.6', value: 'white' },
            value: '#212529',
          },
        },
      },
    ],
  };
}

/** Residuals by prediction decile spec (regression). */
import type { TopLevelSpec } from 'vega-lite';
import type { RegressionEvaluation } from '../../core/validation/modelEvaluation';
import { GRAY, NAVY } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';

/** Median residual (actual − predicted) and its interquartile band in each tenth of the rows by prediction. */
export function residualsSpec(ev: RegressionEvaluation): TopLevelSpec {
  const values = ev.residualsByPrediction;
  const x = { field: 'predicted', type: 'quantitative' as const, title: 'Mean prediction in the decile', scale: { zero: false } };
  const tooltip = [
    { field: 'predicted', type: 'quantitative' as const, title: 'Mean prediction', format: ',.4~g' },
    { field: 'q25', type: 'quantitative' as const, title: '25th percentile', format: ',.4~g' },
    { field: 'median', type: 'quantitative' as const, title: 'Median residual', format: ',.4~g' },
    { field: 'q75', type: 'quantitative' as const, title: '75th percentile', format: ',.4~g' },
    { field: 'count', type: 'quantitative' as const, title: 'Rows', format: ',' },
  ];
  return {
    ...specBase('Residuals by prediction decile', ['Line: median of actual − predicted · band: 25th to 75th percentile · 0 = unbiased', rowsLine(ev.rows)]),
    width: 'container',
    height: 260,
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: GRAY, strokeDash: [4, 4] },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'area', color: NAVY, opacity: 0.18 },
        encoding: { x, y: { field: 'q25', type: 'quantitative', title: 'Residual (actual − predicted)' }, y2: { field: 'q75' } },
      },
      {
        data: { values },
        mark: { type: 'line', color: NAVY, strokeWidth: 2, point: { filled: true, size: 40, color: NAVY } },
        encoding: { x, y: { field: 'median', type: 'quantitative' }, tooltip },
      },
    ],
  };
}

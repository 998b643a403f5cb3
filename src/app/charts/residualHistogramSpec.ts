/** Residual histogram spec (regression). */
import type { TopLevelSpec } from 'vega-lite';
import type { RegressionEvaluation } from '../../core/validation/modelEvaluation';
import { NAVY, ORANGE } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';

/** How far the predictions miss: the distribution of actual − predicted, with 0 marked. */
export function residualHistogramSpec(ev: RegressionEvaluation): TopLevelSpec {
  return {
    ...specBase('Distribution of residuals', ['Residual = actual − predicted · line: 0 (no error)', rowsLine(ev.rows)]),
    width: 'container',
    height: 260,
    layer: [
      {
        data: { values: ev.residualHistogram },
        mark: { type: 'bar', color: NAVY, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'start', type: 'quantitative', bin: 'binned', title: 'Residual (actual − predicted)', axis: { format: '~s' } },
          x2: { field: 'end' },
          y: { field: 'count', type: 'quantitative', title: 'Rows' },
          tooltip: [
            { field: 'start', type: 'quantitative', title: 'From (incl.)', format: ',.4~g' },
            { field: 'end', type: 'quantitative', title: 'To', format: ',.4~g' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: ORANGE, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
}

/** Predicted vs actual heatmap spec (regression). */
import type { TopLevelSpec } from 'vega-lite';
import type { RegressionEvaluation } from '../../core/validation/modelEvaluation';
import { ORANGE } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';

/** A 2-D histogram of (prediction, actual) on one shared domain, with the y = x line of perfect predictions. */
export function predictedActualSpec(ev: RegressionEvaluation, target: string): TopLevelSpec {
  const bins = ev.predictedVsActual;
  const lo = Math.min(...bins.map((b) => Math.min(b.x0, b.y0)));
  const hi = Math.max(...bins.map((b) => Math.max(b.x1, b.y1)));
  const domain = bins.length ? [lo, hi] : [0, 1];
  return {
    ...specBase(`Predicted vs actual ${target}`, ['Darker = more rows · line: perfect predictions (y = x)', rowsLine(ev.rows)]),
    // Square, so that the y = x line is the diagonal and both axes read alike.
    width: 340,
    height: 340,
    layer: [
      {
        data: { values: bins },
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'x0', type: 'quantitative', title: 'Predicted', scale: { domain, nice: false, zero: false } },
          x2: { field: 'x1' },
          y: { field: 'y0', type: 'quantitative', title: `Actual ${target}`, scale: { domain, nice: false, zero: false } },
          y2: { field: 'y1' },
          color: { field: 'count', type: 'quantitative', title: 'Rows', scale: { scheme: 'blues', type: 'symlog' } },
          tooltip: [
            { field: 'x0', type: 'quantitative', title: 'Predicted from', format: ',.4~g' },
            { field: 'x1', type: 'quantitative', title: 'to', format: ',.4~g' },
            { field: 'y0', type: 'quantitative', title: 'Actual from', format: ',.4~g' },
            { field: 'y1', type: 'quantitative', title: 'to', format: ',.4~g' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        data: { values: [{ v: domain[0] }, { v: domain[1] }] },
        mark: { type: 'line', color: ORANGE, strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: {
          x: { field: 'v', type: 'quantitative' },
          y: { field: 'v', type: 'quantitative' },
        },
      },
    ],
  };
}

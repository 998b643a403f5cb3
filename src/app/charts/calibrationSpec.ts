/** Calibration (reliability) curve spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { ClassificationEvaluation } from '../../core/validation/modelEvaluation';
import { GRAY, NAVY } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';

/** Observed positive rate against the mean score in ten score bins; dots sized by rows, the diagonal is perfect calibration. */
export function calibrationSpec(ev: ClassificationEvaluation, target: string): TopLevelSpec {
  const c = ev.calibration;
  const values = c.meanPredicted.map((meanPredicted, i) => ({ meanPredicted, fractionPositive: c.fractionPositive[i], count: c.count[i] }));
  const axis = { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.1f' };
  const x = { field: 'meanPredicted', type: 'quantitative' as const, title: 'Mean score in the bin', scale: { domain: [0, 1] }, axis };
  const y = { field: 'fractionPositive', type: 'quantitative' as const, title: `Observed rate of ${target} = ${ev.positive}`, scale: { domain: [0, 1] }, axis };
  return {
    ...specBase('Calibration (reliability)', ['Ten equal-width score bins; dot size = rows · dashed: perfect calibration', rowsLine(ev.rows)]),
    width: 'container',
    height: 300,
    layer: [
      {
        data: { values: [{ meanPredicted: 0, fractionPositive: 0 }, { meanPredicted: 1, fractionPositive: 1 }] },
        mark: { type: 'line', color: GRAY, strokeDash: [4, 4], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: 'line', color: NAVY, strokeWidth: 1.5, point: false },
        encoding: { x, y, order: { field: 'meanPredicted', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'circle', color: NAVY, opacity: 0.9, stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          size: { field: 'count', type: 'quantitative', scale: { range: [30, 400] }, legend: null },
          tooltip: [
            { field: 'meanPredicted', type: 'quantitative', title: 'Mean score', format: '.3f' },
            { field: 'fractionPositive', type: 'quantitative', title: `Observed rate of ${target} = ${ev.positive}`, format: '.3f' },
            { field: 'count', type: 'quantitative', title: 'Rows in the bin', format: ',' },
          ],
        },
      },
    ],
  };
}

/** Score distribution by class spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { ClassificationEvaluation } from '../../core/validation/modelEvaluation';
import { GROUP_A, GROUP_B, ORANGE } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';
import { THRESHOLD_DATA } from './thresholdMarker';

/** Histogram of the scores of each class, as a share of the class (so a rare class stays visible), with the threshold. */
export function scoreHistogramSpec(ev: ClassificationEvaluation, target: string): TopLevelSpec {
  const neg = `${target} = ${ev.negative}`;
  const pos = `${target} = ${ev.positive}`;
  const values = ev.scoreHistogram.flatMap((b) => [
    { start: b.start, end: b.end, cls: neg, count: b.negatives, share: ev.negatives ? b.negatives / ev.negatives : 0 },
    { start: b.start, end: b.end, cls: pos, count: b.positives, share: ev.positives ? b.positives / ev.positives : 0 },
  ]);
  return {
    ...specBase('Score distribution by class', ['Each class sums to 100% · vertical line: the current threshold', rowsLine(ev.rows)]),
    width: 'container',
    height: 280,
    datasets: { [THRESHOLD_DATA]: [] },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', opacity: 0.55, binSpacing: 0 },
        encoding: {
          x: { field: 'start', type: 'quantitative', bin: 'binned', title: 'Score', scale: { domain: [0, 1] }, axis: { format: '.1f' } },
          x2: { field: 'end' },
          y: { field: 'share', type: 'quantitative', title: 'Share of the class', stack: null, axis: { format: '~%' } },
          color: { field: 'cls', type: 'nominal', title: null, scale: { domain: [neg, pos], range: [GROUP_A, GROUP_B] }, legend: { orient: 'top' } },
          tooltip: [
            { field: 'cls', type: 'nominal', title: 'Class' },
            { field: 'start', type: 'quantitative', title: 'Score from', format: '.2f' },
            { field: 'end', type: 'quantitative', title: 'to', format: '.2f' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
            { field: 'share', type: 'quantitative', title: 'Share of the class', format: '.1%' },
          ],
        },
      },
      {
        data: { name: THRESHOLD_DATA },
        mark: { type: 'rule', color: ORANGE, strokeWidth: 2 },
        encoding: {
          x: { field: 'threshold', type: 'quantitative' },
          tooltip: [{ field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.2f' }],
        },
      },
    ],
  };
}

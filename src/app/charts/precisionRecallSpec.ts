/** Precision-recall curve spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { ClassificationEvaluation } from '../../core/validation/modelEvaluation';
import { GRAY, NAVY, ORANGE } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';
import { THRESHOLD_DATA } from './thresholdMarker';

/** Precision against recall at every threshold, the positive rate (a model that guesses), and the current threshold. */
export function precisionRecallSpec(ev: ClassificationEvaluation): TopLevelSpec {
  const pr = ev.pr;
  const values = pr ? pr.recall.map((recall, i) => ({ recall, precision: pr.precision[i], threshold: pr.thresholds[i] ?? null })) : [];
  const base = ev.rows.n > 0 ? ev.positives / ev.rows.n : 0;
  const axis = { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.1f' };
  const x = { field: 'recall', type: 'quantitative' as const, title: 'Recall (true positive rate)', scale: { domain: [0, 1] }, axis };
  const y = { field: 'precision', type: 'quantitative' as const, title: 'Precision', scale: { domain: [0, 1] }, axis };
  return {
    ...specBase('Precision-recall curve', [`Dot: the current threshold · dashed: the positive rate, ${(base * 100).toFixed(1)}%`, rowsLine(ev.rows)]),
    width: 'container',
    height: 300,
    datasets: { [THRESHOLD_DATA]: [] },
    layer: [
      {
        data: { values: [{ base }] },
        mark: { type: 'rule', color: GRAY, strokeDash: [4, 4], strokeWidth: 1 },
        encoding: { y: { field: 'base', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', color: NAVY, strokeWidth: 2, interpolate: 'step-after' },
        encoding: {
          x,
          y,
          order: { field: 'recall', type: 'quantitative' },
          tooltip: [
            { field: 'threshold', type: 'quantitative', title: 'Score ≥', format: '.4f' },
            { field: 'recall', type: 'quantitative', title: 'Recall', format: '.3f' },
            { field: 'precision', type: 'quantitative', title: 'Precision', format: '.3f' },
          ],
        },
      },
      {
        data: { name: THRESHOLD_DATA },
        transform: [{ filter: 'isValid(datum.precision) && isValid(datum.tpr)' }],
        mark: { type: 'point', filled: true, size: 90, color: ORANGE, stroke: 'white', strokeWidth: 1.5, opacity: 1 },
        encoding: {
          x: { ...x, field: 'tpr' },
          y,
          tooltip: [
            { field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.2f' },
            { field: 'tpr', type: 'quantitative', title: 'Recall', format: '.3f' },
            { field: 'precision', type: 'quantitative', title: 'Precision', format: '.3f' },
          ],
        },
      },
    ],
  };
}

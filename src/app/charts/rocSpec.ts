/** ROC curve spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { ClassificationEvaluation } from '../../core/validation/modelEvaluation';
import { GRAY, NAVY, ORANGE } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';
import { THRESHOLD_DATA } from './thresholdMarker';

/** The AUC as the ROC title and the metrics table show it. */
export function formatAuc(auc: number | null): string {
  return auc === null ? 'undefined' : auc.toFixed(4);
}

/** True vs false positive rate at every threshold, the chance diagonal, and a dot at the current threshold. */
export function rocSpec(ev: ClassificationEvaluation): TopLevelSpec {
  const roc = ev.roc;
  const values = roc ? roc.fpr.map((fpr, i) => ({ fpr, tpr: roc.tpr[i], threshold: roc.thresholds[i] })) : [];
  const axis = { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.1f' };
  const x = { field: 'fpr', type: 'quantitative' as const, title: 'False positive rate', scale: { domain: [0, 1] }, axis };
  const y = { field: 'tpr', type: 'quantitative' as const, title: 'True positive rate (recall)', scale: { domain: [0, 1] }, axis };
  return {
    ...specBase(`ROC curve · AUC ${formatAuc(ev.auc)}`, ['Dot: the current threshold · dashed: a model that guesses', rowsLine(ev.rows)]),
    width: 'container',
    height: 340,
    datasets: { [THRESHOLD_DATA]: [] },
    layer: [
      {
        data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] },
        mark: { type: 'line', color: GRAY, strokeDash: [4, 4], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values },
        mark: { type: 'line', color: NAVY, strokeWidth: 2, interpolate: 'linear' },
        encoding: {
          x,
          y,
          order: { field: 'fpr', type: 'quantitative' },
          tooltip: [
            { field: 'threshold', type: 'quantitative', title: 'Score ≥', format: '.4f' },
            { field: 'fpr', type: 'quantitative', title: 'False positive rate', format: '.3f' },
            { field: 'tpr', type: 'quantitative', title: 'True positive rate', format: '.3f' },
          ],
        },
      },
      {
        data: { name: THRESHOLD_DATA },
        mark: { type: 'point', filled: true, size: 90, color: ORANGE, stroke: 'white', strokeWidth: 1.5, opacity: 1 },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.2f' },
            { field: 'fpr', type: 'quantitative', title: 'False positive rate', format: '.3f' },
            { field: 'tpr', type: 'quantitative', title: 'True positive rate', format: '.3f' },
          ],
        },
      },
    ],
  };
}

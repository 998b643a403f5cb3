/** Two models' ROC curves on the same rows (champion and challenger), with the chance diagonal. */
import type { TopLevelSpec } from 'vega-lite';
import type { RocCurve } from '../../core/validation/curves';
import { GRAY, GROUP_A, GROUP_B } from './chartConfig';
import { specBase } from './specBase';

export function rocOverlaySpec(curves: { name: string; roc: RocCurve | null }[], rowsLine: string): TopLevelSpec {
  const values = curves.flatMap((c) => (c.roc ? c.roc.fpr.map((fpr, i) => ({ model: c.name, fpr, tpr: c.roc!.tpr[i] })) : []));
  const axis = { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.1f' };
  const x = { field: 'fpr', type: 'quantitative' as const, title: 'False positive rate', scale: { domain: [0, 1] }, axis };
  const y = { field: 'tpr', type: 'quantitative' as const, title: 'True positive rate', scale: { domain: [0, 1] }, axis };
  return {
    ...specBase('ROC curves on the same rows', [rowsLine]),
    width: 'container',
    height: 300,
    layer: [
      { data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] }, mark: { type: 'line', color: GRAY, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { x, y } },
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y, color: { field: 'model', type: 'nominal', title: null, scale: { domain: curves.map((c) => c.name), range: [GROUP_A, GROUP_B] }, legend: { orient: 'top', labelLimit: 300 } }, order: { field: 'fpr', type: 'quantitative' } },
      },
    ],
  };
}

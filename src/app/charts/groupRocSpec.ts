/** Each group's ROC curve (scikit-learn's roc_curve, thinned) on one chart, with the chance diagonal. */
import type { TopLevelSpec } from 'vega-lite';
import type { RocCurve } from '../../core/validation/curves';
import { GRAY } from './chartConfig';
import { specBase } from './specBase';

export function groupRocSpec(attribute: string, groups: { group: string; roc: RocCurve | null; auc: number | null }[], rowsLine: string): TopLevelSpec {
  const values = groups.flatMap((g) => (g.roc ? g.roc.fpr.map((fpr, i) => ({ group: g.group, fpr, tpr: g.roc!.tpr[i] })) : []));
  const none = groups.filter((g) => !g.roc).map((g) => g.group);
  const axis = { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.1f' };
  const x = { field: 'fpr', type: 'quantitative' as const, title: 'False positive rate', scale: { domain: [0, 1] }, axis };
  const y = { field: 'tpr', type: 'quantitative' as const, title: 'True positive rate', scale: { domain: [0, 1] }, axis };
  const subtitle = ['A curve further from the diagonal separates the classes better in that group', rowsLine];
  if (none.length) subtitle.unshift(`No curve for ${none.join(', ')} (one class or no rows)`);
  return {
    ...specBase(`ROC curve per group of ${attribute}`, subtitle),
    width: 'container',
    height: 320,
    layer: [
      { data: { values: [{ fpr: 0, tpr: 0 }, { fpr: 1, tpr: 1 }] }, mark: { type: 'line', color: GRAY, strokeDash: [4, 4], strokeWidth: 1 }, encoding: { x, y } },
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: { field: 'group', type: 'nominal', title: attribute, sort: groups.map((g) => g.group) },
          order: { field: 'fpr', type: 'quantitative' },
          tooltip: [
            { field: 'group', title: attribute },
            { field: 'fpr', type: 'quantitative', title: 'False positive rate', format: '.3f' },
            { field: 'tpr', type: 'quantitative', title: 'True positive rate', format: '.3f' },
          ],
        },
      },
    ],
  };
}

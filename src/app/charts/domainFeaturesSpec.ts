/** The columns that let the domain classifier tell current from reference rows: out-of-fold permutation importance (AUC drop). */
import type { TopLevelSpec } from 'vega-lite';
import { NAVY } from './chartConfig';
import { specBase } from './specBase';

export function domainFeaturesSpec(features: { name: string; importance: number }[], auc: number, subtitle: string): TopLevelSpec {
  return {
    ...specBase(`What tells current from reference rows · AUC ${auc.toFixed(3)}`, [subtitle]),
    width: 'container',
    height: { step: 22 },
    data: { values: features },
    mark: { type: 'bar', color: NAVY },
    encoding: {
      y: { field: 'name', type: 'nominal', title: null, sort: features.map((f) => f.name) },
      x: { field: 'importance', type: 'quantitative', title: 'Drop in out-of-fold AUC when the column is shuffled', axis: { tickCount: 6, format: '.2f' } },
      tooltip: [
        { field: 'name', title: 'Column' },
        { field: 'importance', type: 'quantitative', title: 'AUC drop', format: '.4f' },
      ],
    },
  };
}

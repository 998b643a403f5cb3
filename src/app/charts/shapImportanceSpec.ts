/** Global importance: mean |Shapley value| per feature over the explained rows, largest on top. */
import type { TopLevelSpec } from 'vega-lite';
import type { Importance } from '../explain/shapSummary';
import { NAVY } from './chartConfig';
import { specBase } from './specBase';

export function shapImportanceSpec(importance: Importance[], unit: string, subtitle: string[]): TopLevelSpec {
  return {
    ...specBase('Which columns move the prediction most', subtitle),
    data: { values: importance },
    height: { step: 20 },
    mark: { type: 'bar', color: NAVY },
    encoding: {
      y: { field: 'feature', type: 'nominal', sort: null, title: null },
      x: { field: 'meanAbs', type: 'quantitative', title: `mean |Shapley value| (${unit})` },
      tooltip: [
        { field: 'feature', title: 'Column' },
        { field: 'meanAbs', type: 'quantitative', title: 'mean |value|', format: '.4g' },
      ],
    },
  };
}

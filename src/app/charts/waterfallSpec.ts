/** One row's explanation as a waterfall: from the base value, each feature's Shapley value as a step (navy up, orange down) to the prediction. */
import type { TopLevelSpec } from 'vega-lite';
import type { WaterfallStep } from '../explain/shapSummary';
import { GRAY, NAVY, ORANGE } from './chartConfig';
import { specBase } from './specBase';

export function waterfallSpec(steps: WaterfallStep[], unit: string, subtitle: string[]): TopLevelSpec {
  const values = steps.map((s, i) => ({ ...s, order: i, low: Math.min(s.start, s.end), high: Math.max(s.start, s.end), delta: s.end - s.start, label: s.shown ? `${s.label} = ${s.shown}` : s.label }));
  return {
    ...specBase('Why this row gets its prediction', subtitle),
    data: { values },
    height: { step: 22 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: { field: 'order' }, title: null },
      x: { field: 'low', type: 'quantitative', title: unit, scale: { zero: false } },
      x2: { field: 'high' },
      color: { field: 'kind', type: 'nominal', scale: { domain: ['base', 'up', 'down', 'total'], range: [GRAY, NAVY, ORANGE, '#1c3d6e'] }, legend: null },
      tooltip: [
        { field: 'label', title: 'Step' },
        { field: 'delta', type: 'quantitative', title: 'Change', format: '+.4g' },
        { field: 'end', type: 'quantitative', title: 'Running total', format: '.4g' },
      ],
    },
  };
}

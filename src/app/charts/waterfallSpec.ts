/** One row's explanation as a waterfall: from the base value, each feature's Shapley value as a step (navy up, orange down) to the prediction. */
import type { TopLevelSpec } from 'vega-lite';
import type { WaterfallStep } from '../explain/shapSummary';
import { GRAY, NAVY, NAVY_DARK, ORANGE } from './chartConfig';
import { specBase } from './specBase';

export function waterfallSpec(steps: WaterfallStep[], unit: string, subtitle: string[]): TopLevelSpec {
  const values = steps.map((s, i) => ({ ...s, order: i, low: Math.min(s.start, s.end), high: Math.max(s.start, s.end), delta: s.end - s.start, label: s.shown ? `${s.label} = ${s.shown}` : s.label }));
  const y = { field: 'label', type: 'nominal' as const, sort: { field: 'order' }, title: null, scale: { domain: values.map((v) => v.label) } };
  const tooltip = [
    { field: 'label', title: 'Step' },
    { field: 'delta', type: 'quantitative' as const, title: 'Change', format: '+.4g' },
    { field: 'end', type: 'quantitative' as const, title: 'Running total', format: '.4g' },
  ];
  return {
    ...specBase('Why this row gets its prediction', subtitle),
    height: { step: 22 },
    encoding: { y },
    layer: [
      {
        // the features' steps, from the running total before to after
        data: { values: values.filter((v) => v.kind === 'up' || v.kind === 'down') },
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'low', type: 'quantitative', title: unit, scale: { zero: false } },
          x2: { field: 'high' },
          color: { field: 'kind', type: 'nominal', scale: { domain: ['up', 'down'], range: [NAVY, ORANGE] }, legend: null },
          tooltip,
        },
      },
      {
        // the base value and the prediction: a mark at their value
        data: { values: values.filter((v) => v.kind === 'base' || v.kind === 'total').map((v) => ({ ...v, delta: v.end })) },
        mark: { type: 'tick', thickness: 4, size: 18 },
        encoding: { y, x: { field: 'end', type: 'quantitative' }, color: { condition: { test: "datum.kind === 'base'", value: GRAY }, value: NAVY_DARK }, tooltip },
      },
    ],
  };
}

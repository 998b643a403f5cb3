/** Beeswarm summary: one dot per explained row and feature at its Shapley value, coloured by the row's feature value (low → high), jittered vertically. */
import type { TopLevelSpec } from 'vega-lite';
import type { SwarmPoint } from '../explain/shapSummary';
import { specBase } from './specBase';

export function beeswarmSpec(points: SwarmPoint[], order: string[], unit: string, subtitle: string[]): TopLevelSpec {
  return {
    ...specBase('Each row’s Shapley values, by column', subtitle),
    data: { values: points },
    transform: [{ calculate: 'random()', as: 'jitter' }],
    height: { step: 26 },
    mark: { type: 'circle', size: 22, opacity: 0.75 },
    encoding: {
      y: { field: 'feature', type: 'nominal', sort: order, title: null },
      yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [0, 1] } },
      x: { field: 'value', type: 'quantitative', title: `Shapley value (${unit})` },
      color: {
        field: 'level',
        type: 'quantitative',
        title: 'Feature value',
        scale: { domain: [0, 1], range: ['#2d5798', '#ced4da', '#d9480f'] },
        legend: { labelExpr: "datum.value === 0 ? 'low' : datum.value === 1 ? 'high' : ''", values: [0, 0.5, 1] },
      },
      tooltip: [
        { field: 'feature', title: 'Column' },
        { field: 'shown', title: 'Value' },
        { field: 'value', type: 'quantitative', title: 'Shapley value', format: '.4g' },
      ],
    },
  };
}

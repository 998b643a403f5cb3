/** Beeswarm summary: one dot per explained row and feature at its Shapley value, coloured by the row's feature value (low → high), jittered vertically. */
import type { TopLevelSpec } from 'vega-lite';
import type { SwarmPoint } from '../explain/shapSummary';
import { specBase } from './specBase';

export function beeswarmSpec(points: SwarmPoint[], order: string[], unit: string, subtitle: string[]): TopLevelSpec {
  return {
    ...specBase('Each row’s Shapley values, by column', subtitle),
    data: { values: points },
    // text or missing values (level null) become −1: grey by the condition, never dropped as invalid
    transform: [{ calculate: 'random()', as: 'jitter' }, { calculate: 'datum.level === null ? -1 : datum.level', as: 'lv' }],
    height: { step: 26 },
    mark: { type: 'circle', size: 22, opacity: 0.75 },
    encoding: {
      y: { field: 'feature', type: 'nominal', sort: order, title: null },
      yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [0, 1] } },
      x: { field: 'value', type: 'quantitative', title: `Shapley value (${unit})` },
      color: {
        condition: { test: 'datum.lv < 0', value: '#868e96' },
        field: 'lv',
        type: 'quantitative',
        title: 'Feature value (grey: text or missing)',
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

/** Dependence plot: a feature's value against its Shapley value, one dot per explained row, coloured by the strongest interacting feature. */
import type { TopLevelSpec } from 'vega-lite';
import type { DependencePoint } from '../explain/shapSummary';
import { specBase } from './specBase';

export function dependenceSpec(points: DependencePoint[], feature: string, colourBy: string | null, unit: string, subtitle: string[]): TopLevelSpec {
  const numeric = points.every((p) => p.x === null || typeof p.x === 'number');
  const shown = numeric ? points.filter((p) => p.x !== null) : points.map((p) => ({ ...p, x: p.x ?? 'missing' }));
  const hidden = points.length - shown.length;
  const notes = [...(colourBy ? [`colour: ${colourBy} (the strongest interaction)`] : []), ...(hidden ? [`${hidden} rows with ${feature} missing not shown`] : [])];
  return {
    ...specBase(`How ${feature} moves the prediction`, [...notes, ...subtitle]),
    data: { values: shown },
    width: 'container',
    height: 260,
    mark: { type: 'circle', size: 30, opacity: 0.75 },
    encoding: {
      x: { field: 'x', type: numeric ? 'quantitative' : 'nominal', title: feature, ...(numeric ? { scale: { zero: false } } : {}) },
      y: { field: 'value', type: 'quantitative', title: `Shapley value of ${feature} (${unit})` },
      color: colourBy
        ? {
            condition: { test: 'datum.colour < 0', value: '#868e96' },
            field: 'colour',
            type: 'quantitative',
            title: colourBy,
            scale: { domain: [0, 1], range: ['#2d5798', '#ced4da', '#d9480f'] },
            legend: { labelExpr: "datum.value === 0 ? 'low' : datum.value === 1 ? 'high' : ''", values: [0, 0.5, 1] },
          }
        : { value: '#2d5798' },
      tooltip: [
        { field: 'x', title: feature },
        { field: 'value', type: 'quantitative', title: 'Shapley value', format: '.4g' },
        ...(colourBy ? [{ field: 'shown', title: colourBy }] : []),
      ],
    },
  };
}

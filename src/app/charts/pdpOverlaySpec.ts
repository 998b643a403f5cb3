/** One column's partial dependence as recorded by several experiments, overlaid (numeric grids as lines, categories as points). */
import type { TopLevelSpec } from 'vega-lite';
import { specBase } from './specBase';

export interface RecordedPdp {
  experiment: string;
  grid: (number | string | boolean)[];
  average: number[];
}

export function pdpOverlaySpec(feature: string, curves: RecordedPdp[]): TopLevelSpec {
  const numeric = curves.every((c) => c.grid.every((g) => typeof g === 'number'));
  const values = curves.flatMap((c) => c.grid.map((g, i) => ({ experiment: c.experiment, value: numeric ? g : String(g), average: c.average[i] })));
  return {
    ...specBase(`Partial dependence on ${feature}, as recorded`, ['Average prediction when every row takes the value, per experiment']),
    width: 'container',
    height: 240,
    data: { values },
    mark: numeric ? { type: 'line', point: true, strokeWidth: 2 } : { type: 'point', filled: true, size: 70 },
    encoding: {
      x: { field: 'value', type: numeric ? 'quantitative' : 'nominal', title: feature },
      y: { field: 'average', type: 'quantitative', title: 'Average prediction', scale: { zero: false } },
      color: { field: 'experiment', type: 'nominal', title: null, legend: { orient: 'top', labelLimit: 300 } },
      tooltip: [
        { field: 'experiment', title: 'Experiment' },
        { field: 'value', title: feature },
        { field: 'average', type: 'quantitative', title: 'Average prediction', format: '.4f' },
      ],
    },
  };
}

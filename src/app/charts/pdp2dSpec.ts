/** Two-way partial dependence: the average prediction for each pair of grid values, as a heatmap. */
import type { TopLevelSpec } from 'vega-lite';
import { specBase } from './specBase';

export function pdp2dSpec(input: { features: [string, string]; grids: [(number | string | boolean)[], (number | string | boolean)[]]; average: number[][]; unit: string; subtitle: string[] }): TopLevelSpec {
  const label = (v: number | string | boolean) => (typeof v === 'number' ? Number(v.toPrecision(4)).toLocaleString('en-US') : String(v));
  const values = input.average.flatMap((line, a) => line.map((value, b) => ({ a: label(input.grids[0][a]), b: label(input.grids[1][b]), value, ia: a, ib: b })));
  return {
    ...specBase(`Partial dependence on ${input.features[0]} and ${input.features[1]}`, input.subtitle),
    data: { values },
    mark: { type: 'rect' },
    width: { step: 34 },
    height: { step: 26 },
    encoding: {
      x: { field: 'a', type: 'ordinal', sort: { field: 'ia' }, title: input.features[0], axis: { labelAngle: -45 } },
      y: { field: 'b', type: 'ordinal', sort: { field: 'ib' }, title: input.features[1] },
      color: { field: 'value', type: 'quantitative', title: input.unit, scale: { scheme: 'blues' } },
      tooltip: [
        { field: 'a', title: input.features[0] },
        { field: 'b', title: input.features[1] },
        { field: 'value', type: 'quantitative', title: 'Average', format: '.4g' },
      ],
    },
  };
}

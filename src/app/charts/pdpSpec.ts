/** Partial dependence: the average prediction over the grid (thick line), optionally with individual (ICE) curves, centred or not, and a rug of the data's values. */
import type { TopLevelSpec } from 'vega-lite';
import { NAVY_DARK } from './chartConfig';
import { specBase } from './specBase';

export interface PdpChartInput {
  feature: string;
  grid: (number | string | boolean)[];
  average: number[];
  ice?: number[][];
  centred: boolean;
  /** A numeric feature's values on the rows used: ticks along the bottom (where the data is). */
  rug?: number[];
  unit: string;
  subtitle: string[];
}

export function pdpSpec(input: PdpChartInput): TopLevelSpec {
  const numeric = input.grid.every((g) => typeof g === 'number');
  const shift = (curve: number[]) => (input.centred ? curve.map((v) => v - curve[0]) : curve);
  const average = shift(input.average).map((value, k) => ({ x: input.grid[k], value }));
  const ice = (input.ice ?? []).flatMap((curve, r) => shift(curve).map((value, k) => ({ x: input.grid[k], value, row: r })));
  const x = { field: 'x', type: numeric ? ('quantitative' as const) : ('nominal' as const), title: input.feature, ...(numeric ? { scale: { zero: false } } : { sort: null }) };
  const y = { field: 'value', type: 'quantitative' as const, title: input.centred ? `change from the first grid value (${input.unit})` : input.unit, scale: { zero: false } };
  return {
    ...specBase(`Partial dependence on ${input.feature}`, input.subtitle),
    width: 'container',
    height: 260,
    layer: [
      ...(ice.length ? [{ data: { values: ice }, mark: { type: 'line' as const, color: '#adb5bd', opacity: 0.35, strokeWidth: 1 }, encoding: { x, y, detail: { field: 'row', type: 'nominal' as const } } }] : []),
      ...(numeric && input.rug?.length
        ? [{ data: { values: rugWithin(input.rug, input.grid as number[]).map((x) => ({ x })) }, mark: { type: 'tick' as const, color: '#495057', opacity: 0.35, thickness: 1, size: 10 }, encoding: { x, y: { value: 255 } } }]
        : []),
      {
        data: { values: average },
        mark: { type: 'line' as const, color: NAVY_DARK, strokeWidth: 3, point: true },
        encoding: { x, y, tooltip: [{ field: 'x', title: input.feature }, { field: 'value', type: 'quantitative' as const, title: 'Average', format: '.4g' }] },
      },
    ],
  };
}

/** The rug's values inside the grid's range (the curve's x range: values beyond it would only stretch the axis). */
function rugWithin(rug: number[], grid: number[]): number[] {
  const lo = Math.min(...grid);
  const hi = Math.max(...grid);
  return rug.filter((v) => v >= lo && v <= hi);
}

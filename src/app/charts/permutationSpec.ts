/** Permutation importance: the drop of the metric when a column is shuffled, mean over the repeats with ± 1 standard deviation. */
import type { TopLevelSpec } from 'vega-lite';
import { NAVY, NAVY_DARK } from './chartConfig';
import { specBase } from './specBase';

export function permutationSpec(columns: { column: string; mean: number; std: number }[], metric: string, subtitle: string[]): TopLevelSpec {
  const values = columns.map((c) => ({ ...c, low: c.mean - c.std, high: c.mean + c.std }));
  const y = { field: 'column', type: 'nominal' as const, sort: null, title: null };
  return {
    ...specBase(`How much the ${metric} drops when a column is shuffled`, subtitle),
    data: { values },
    height: { step: 20 },
    layer: [
      { mark: { type: 'bar', color: NAVY }, encoding: { y, x: { field: 'mean', type: 'quantitative', title: `drop in ${metric} (mean over repeats)` }, tooltip: [{ field: 'column', title: 'Column' }, { field: 'mean', type: 'quantitative', title: 'Mean drop', format: '.4f' }, { field: 'std', type: 'quantitative', title: 'Std', format: '.4f' }] } },
      { mark: { type: 'rule', color: NAVY_DARK, strokeWidth: 1.5 }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
    ],
  };
}

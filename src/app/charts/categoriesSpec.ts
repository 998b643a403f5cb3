/** Top-categories bar chart spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { TopCategories } from '../../core/stats/results';
import { GRAY, NAVY, ORANGE } from './chartConfig';
import { specBase } from './specBase';

/** Most frequent categories as horizontal bars, plus "other" and "missing" when present. */
export function categoriesSpec(d: TopCategories, title = `Most frequent values of ${d.column}`): TopLevelSpec {
  const values: { label: string; count: number; kind: string }[] = d.categories.map((c) => ({
    label: c.value,
    count: c.count,
    kind: 'value',
  }));
  if (d.otherCount > 0) values.push({ label: '(all other values)', count: d.otherCount, kind: 'other' });
  if (d.missing > 0) values.push({ label: '(missing)', count: d.missing, kind: 'missing' });
  return {
    ...specBase(title),
    width: 'container',
    height: Math.max(60, values.length * 22),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 220 } },
      x: { field: 'count', type: 'quantitative', title: 'Rows' },
      color: {
        field: 'kind',
        type: 'nominal',
        scale: { domain: ['value', 'other', 'missing'], range: [NAVY, GRAY, ORANGE] },
        legend: null,
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: d.column },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}

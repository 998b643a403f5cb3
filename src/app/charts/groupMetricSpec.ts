/** One fairness metric per group of an attribute: bars with their 95 % bootstrap intervals, small groups faded, the overall value as a rule. */
import type { TopLevelSpec } from 'vega-lite';
import { GRAY, NAVY, ORANGE } from './chartConfig';
import { specBase } from './specBase';

export interface GroupMetricBar {
  group: string;
  value: number | null;
  low: number | null;
  high: number | null;
  count: number;
  small: boolean;
}

export function groupMetricSpec(attribute: string, metricLabel: string, bars: GroupMetricBar[], overall: number | null, rowsLine: string): TopLevelSpec {
  const values = bars.filter((b) => b.value !== null).map((b) => ({ ...b, size: b.small ? `fewer than 30 rows` : 'enough rows' }));
  const undefinedGroups = bars.filter((b) => b.value === null).map((b) => b.group);
  const y = { field: 'group', type: 'nominal' as const, title: attribute, sort: bars.map((b) => b.group) };
  const x = { type: 'quantitative' as const, title: metricLabel, scale: { domain: [0, 1] } };
  const subtitle = [`Bars: the value in each group · whiskers: 95% bootstrap interval · dashed: all rows`, rowsLine];
  if (undefinedGroups.length) subtitle.unshift(`Undefined in ${undefinedGroups.join(', ')}`);
  return {
    ...specBase(`${metricLabel} by ${attribute}`, subtitle),
    width: 'container',
    height: { step: 26 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: { ...x, field: 'value' },
          color: { field: 'size', type: 'nominal', title: 'Group size', scale: { domain: ['enough rows', 'fewer than 30 rows'], range: [NAVY, GRAY] } },
          tooltip: [
            { field: 'group', title: attribute },
            { field: 'value', type: 'quantitative', title: metricLabel, format: '.3f' },
            { field: 'low', type: 'quantitative', title: '95% from', format: '.3f' },
            { field: 'high', type: 'quantitative', title: '95% to', format: '.3f' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.low !== null' }],
        mark: { type: 'rule', color: '#212529', strokeWidth: 1.5 },
        encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' } },
      },
      ...(overall === null
        ? []
        : [
            {
              data: { values: [{ overall }] },
              mark: { type: 'rule' as const, color: ORANGE, strokeDash: [4, 3], strokeWidth: 1.5 },
              encoding: { x: { field: 'overall', type: 'quantitative' as const } },
            },
          ]),
    ],
  };
}

/** Two-group comparison chart spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { GroupComparison } from '../../core/stats/results';
import { GROUP_A, GROUP_B } from './chartConfig';
import { specBase } from './specBase';

export const TEST_LABELS: Record<GroupComparison['test'], string> = {
  'welch-t': "Welch's t-test",
  'mann-whitney': 'Mann–Whitney U test',
  'chi-squared': 'Chi-squared test of independence',
};

/** Group A vs B: means (t-test) or medians (Mann–Whitney), or category shares (chi-squared). */
export function compareSpec(cmp: GroupComparison, labelA = 'A', labelB = 'B'): TopLevelSpec {
  const color = { field: 'group', type: 'nominal' as const, scale: { domain: [labelA, labelB], range: [GROUP_A, GROUP_B] }, title: 'Group' };
  if (cmp.test === 'chi-squared') {
    const table = cmp.table ?? [];
    const totA = table.reduce((s, r) => s + r.a, 0) || 1;
    const totB = table.reduce((s, r) => s + r.b, 0) || 1;
    const values = table.flatMap((r) => [
      { value: r.value, group: labelA, share: r.a / totA, count: r.a },
      { value: r.value, group: labelB, share: r.b / totB, count: r.b },
    ]);
    return {
      ...specBase(`Share of each ${cmp.column} value in groups ${labelA} and ${labelB}`),
      width: 'container',
      height: 240,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'value', type: 'nominal', sort: null, title: cmp.column, axis: { labelAngle: table.length > 6 ? -40 : 0 } },
        xOffset: { field: 'group', type: 'nominal', sort: [labelA, labelB] },
        y: { field: 'share', type: 'quantitative', title: 'Share of group', axis: { format: '~%' } },
        color,
        tooltip: [
          { field: 'group', type: 'nominal', title: 'Group' },
          { field: 'value', type: 'nominal', title: cmp.column },
          { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
        ],
      },
    };
  }
  const useMedian = cmp.test === 'mann-whitney';
  const stat = useMedian ? 'Median' : 'Mean';
  const values = [
    { group: labelA, value: useMedian ? cmp.a.median : cmp.a.mean, n: cmp.a.n },
    { group: labelB, value: useMedian ? cmp.b.median : cmp.b.mean, n: cmp.b.n },
  ];
  return {
    ...specBase(`${stat} of ${cmp.column} in groups ${labelA} and ${labelB}`),
    width: 'container',
    height: 200,
    data: { values },
    encoding: {
      y: { field: 'group', type: 'nominal', sort: [labelA, labelB], title: null },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: `${stat} of ${cmp.column}` },
          color: { ...color, legend: null },
          tooltip: [
            { field: 'group', type: 'nominal', title: 'Group' },
            { field: 'value', type: 'quantitative', title: stat, format: ',.6~g' },
            { field: 'n', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#212529' },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          text: { field: 'value', type: 'quantitative', format: ',.4~g' },
        },
      },
    ],
  };
}

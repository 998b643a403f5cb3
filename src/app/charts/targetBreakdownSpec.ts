/** Target rate / mean by category or bin spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { TargetAnalysisResult, TargetColumnAnalysis } from '../../core/stats/results';
import { NAVY, ORANGE } from './chartConfig';
import { specBase } from './specBase';

/** Target rate (classification) or mean (regression) per category / numeric bin, with counts. */
export function targetBreakdownSpec(result: TargetAnalysisResult, col: TargetColumnAnalysis): TopLevelSpec {
  const classification = result.task === 'classification';
  const measure = classification ? `Rate of ${result.target} = ${result.positive ?? '?'}` : `Mean ${result.target}`;
  const values = col.rows.map((r) => ({ label: r.label, value: r.value, count: r.count }));
  const valueFormat = classification ? '.1%' : ',.4~g';
  const x = {
    field: 'label',
    type: 'nominal' as const,
    sort: null,
    title: col.column,
    axis: { labelAngle: values.length > 6 ? -40 : 0, labelLimit: 120 },
  };
  return {
    ...specBase(
      `${measure} by ${col.column}`,
      `Dashed line: overall ${classification ? 'rate' : 'mean'}; numbers above the bars are row counts`,
    ),
    width: 'container',
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: NAVY },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: measure, axis: { format: classification ? '~%' : '~s' } },
          tooltip: [
            { field: 'label', type: 'nominal', title: col.column },
            { field: 'value', type: 'quantitative', title: measure, format: valueFormat },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        data: { values },
        mark: { type: 'text', dy: -6, fontSize: 10, color: '#495057', baseline: 'bottom' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          text: { field: 'count', type: 'quantitative', format: ',' },
        },
      },
      {
        data: { values: [{ overall: result.overall }] },
        mark: { type: 'rule', color: ORANGE, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: {
          y: { field: 'overall', type: 'quantitative' },
          tooltip: [{ field: 'overall', type: 'quantitative', title: `Overall ${classification ? 'rate' : 'mean'}`, format: valueFormat }],
        },
      },
    ],
  };
}

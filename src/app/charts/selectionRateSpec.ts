/** Selection rate (share given the favourable outcome) against the threshold, one line per group; the current threshold as a movable rule. */
import type { TopLevelSpec } from 'vega-lite';
import { ORANGE } from './chartConfig';
import { specBase } from './specBase';
import { THRESHOLD_DATA } from './thresholdMarker';

export function selectionRateSpec(attribute: string, favorable: string, lines: { group: string; thresholds: number[]; rate: (number | null)[] }[], rowsLine: string): TopLevelSpec {
  const values = lines.flatMap((l) => l.thresholds.flatMap((threshold, i) => (l.rate[i] === null ? [] : [{ group: l.group, threshold, rate: l.rate[i] }])));
  const x = { field: 'threshold', type: 'quantitative' as const, title: 'Decision threshold', scale: { domain: [0, 1] } };
  return {
    ...specBase(`Selection rate vs threshold by ${attribute}`, [`Share of each group given '${favorable}' at each threshold · line: the current threshold`, rowsLine]),
    width: 'container',
    height: 300,
    datasets: { [THRESHOLD_DATA]: [] },
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
        encoding: {
          x,
          y: { field: 'rate', type: 'quantitative', title: 'Selection rate', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
          color: { field: 'group', type: 'nominal', title: attribute, sort: lines.map((l) => l.group) },
          tooltip: [
            { field: 'group', title: attribute },
            { field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.2f' },
            { field: 'rate', type: 'quantitative', title: 'Selection rate', format: '.1%' },
          ],
        },
      },
      { data: { name: THRESHOLD_DATA }, mark: { type: 'rule', color: ORANGE, strokeWidth: 2 }, encoding: { x } },
    ],
  };
}

/** Value per row against the threshold: the model's curve, the value-maximising threshold marked, the baseline rule as a level, the current threshold as a movable rule. */
import type { TopLevelSpec } from 'vega-lite';
import { GRAY, NAVY, ORANGE } from './chartConfig';
import { specBase } from './specBase';
import { THRESHOLD_DATA } from './thresholdMarker';

export function valueCurveSpec(points: { threshold: number; value: number }[], best: { threshold: number; value: number }, baseline: number | null, unit: string, rowsLine: string): TopLevelSpec {
  const x = { field: 'threshold', type: 'quantitative' as const, title: 'Decision threshold', scale: { domain: [0, 1] } };
  const y = { field: 'value', type: 'quantitative' as const, title: `Value per row${unit ? ` (${unit})` : ''}`, axis: { format: ',.2~f' } };
  return {
    ...specBase('Expected value per row vs threshold', [`Dot: the value-maximising threshold ${best.threshold.toFixed(4)}${baseline === null ? '' : ' · dashed: the baseline rule'} · line: the current threshold`, rowsLine]),
    width: 'container',
    height: 300,
    datasets: { [THRESHOLD_DATA]: [] },
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', color: NAVY, strokeWidth: 2, interpolate: 'step-after' },
        encoding: { x, y, tooltip: [{ field: 'threshold', type: 'quantitative', title: 'Threshold', format: '.2f' }, { field: 'value', type: 'quantitative', title: 'Value per row', format: ',.2f' }] },
      },
      ...(baseline === null
        ? []
        : [{ data: { values: [{ value: baseline }] }, mark: { type: 'rule' as const, color: GRAY, strokeDash: [6, 4], strokeWidth: 2 }, encoding: { y: { field: 'value', type: 'quantitative' as const } } }]),
      {
        data: { values: [best] },
        mark: { type: 'point', filled: true, size: 110, color: '#2b8a3e', stroke: 'white', strokeWidth: 1.5, opacity: 1 },
        encoding: { x, y, tooltip: [{ field: 'threshold', type: 'quantitative', title: 'Best threshold', format: '.4f' }, { field: 'value', type: 'quantitative', title: 'Value per row', format: ',.2f' }] },
      },
      { data: { name: THRESHOLD_DATA }, mark: { type: 'rule', color: ORANGE, strokeWidth: 2 }, encoding: { x } },
    ],
  };
}

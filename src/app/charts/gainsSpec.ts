/** Cumulative gains chart spec. */
import type { TopLevelSpec } from 'vega-lite';
import type { ClassificationEvaluation } from '../../core/validation/modelEvaluation';
import { GRAY, NAVY, ORANGE } from './chartConfig';
import { rowsLine } from './rowsLine';
import { specBase } from './specBase';

/** Share of all positives found in the top share of rows by score; dots at each decile carry the lift. */
export function gainsSpec(ev: ClassificationEvaluation, target: string): TopLevelSpec {
  const curve = ev.gains.fraction.map((fraction, i) => ({ fraction, gain: ev.gains.gain[i] }));
  const axis = { values: [0, 0.2, 0.4, 0.6, 0.8, 1], format: '.0%' };
  const x = { field: 'fraction', type: 'quantitative' as const, title: 'Rows taken, highest scores first', scale: { domain: [0, 1] }, axis };
  const y = { field: 'gain', type: 'quantitative' as const, title: `Share of all ${target} = ${ev.positive} found`, scale: { domain: [0, 1] }, axis };
  return {
    ...specBase('Cumulative gains', ['Dots: deciles (hover for the lift) · dashed: a model that guesses', rowsLine(ev.rows)]),
    width: 'container',
    height: 300,
    layer: [
      {
        data: { values: [{ fraction: 0, gain: 0 }, { fraction: 1, gain: 1 }] },
        mark: { type: 'line', color: GRAY, strokeDash: [4, 4], strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values: curve },
        mark: { type: 'line', color: NAVY, strokeWidth: 2 },
        encoding: { x, y, order: { field: 'fraction', type: 'quantitative' } },
      },
      {
        data: { values: ev.lift },
        mark: { type: 'point', filled: true, size: 50, color: ORANGE, opacity: 1 },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'fraction', type: 'quantitative', title: 'Top share of rows', format: '.0%' },
            { field: 'gain', type: 'quantitative', title: `Share of ${target} = ${ev.positive} found`, format: '.1%' },
            { field: 'lift', type: 'quantitative', title: 'Lift', format: '.2f' },
          ],
        },
      },
    ],
  };
}

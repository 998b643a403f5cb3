/** Cross-validation spread spec: the main metric of each fold, their mean ± std, and the held-out rows' value. */
import type { TopLevelSpec } from 'vega-lite';
import { NAVY, NAVY_DARK, ORANGE } from './chartConfig';
import { specBase } from './specBase';

export interface CvFoldsInput {
  /** The metric's label, e.g. "AUC" or "R²". */
  label: string;
  folds: { fold: number; value: number | null; testRows: number }[];
  mean: number | null;
  std: number | null;
  /** The same metric on the held-out rows, if any. */
  holdout: number | null;
}

const CV_ROW = 'Cross-validation folds';
const HOLDOUT_ROW = 'Held-out rows';

/** One dot per fold on the metric's axis, the mean as a line in a ± 1 std band, and the holdout as a diamond. */
export function cvFoldsSpec(input: CvFoldsInput): TopLevelSpec {
  const folds = input.folds.filter((f) => f.value !== null && Number.isFinite(f.value)).map((f) => ({ row: CV_ROW, fold: `Fold ${f.fold + 1}`, value: f.value, testRows: f.testRows }));
  const values = [...folds.map((f) => f.value as number), ...(input.holdout !== null ? [input.holdout] : [])];
  if (input.mean !== null && input.std !== null) values.push(input.mean - input.std, input.mean + input.std);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const pad = Math.max((hi - lo) * 0.15, 0.005);
  const x = { field: 'value', type: 'quantitative' as const, title: input.label, scale: { domain: [lo - pad, hi + pad], zero: false, nice: false }, axis: { format: '.3f', tickCount: 6 } };
  const rows = input.holdout !== null ? [CV_ROW, HOLDOUT_ROW] : [CV_ROW];
  const y = { field: 'row', type: 'nominal' as const, title: null, scale: { domain: rows }, axis: { labelFontWeight: 600 as const, ticks: false, domain: false } };
  const subtitle = [
    `Dots: one per fold · line: mean${input.std !== null ? ' · band: ± 1 standard deviation' : ''}${input.holdout !== null ? ' · diamond: the held-out rows' : ''}`,
  ];
  const layer: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [];
  if (input.mean !== null && input.std !== null) {
    layer.push({
      data: { values: [{ row: CV_ROW, low: input.mean - input.std, high: input.mean + input.std }] },
      mark: { type: 'bar', color: NAVY, opacity: 0.14, height: { band: 0.7 } },
      encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' }, y },
    });
  }
  if (input.mean !== null) {
    layer.push({
      data: { values: [{ row: CV_ROW, value: input.mean, std: input.std }] },
      mark: { type: 'tick', color: NAVY_DARK, thickness: 2.5, bandSize: 30 },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'value', type: 'quantitative', title: `Mean ${input.label}`, format: '.4f' },
          { field: 'std', type: 'quantitative', title: 'Std', format: '.4f' },
        ],
      },
    });
  }
  layer.push({
    data: { values: folds },
    mark: { type: 'point', filled: true, size: 80, color: NAVY, stroke: 'white', strokeWidth: 1, opacity: 0.9 },
    encoding: {
      x,
      y,
      tooltip: [
        { field: 'fold', type: 'nominal', title: 'Fold' },
        { field: 'value', type: 'quantitative', title: input.label, format: '.4f' },
        { field: 'testRows', type: 'quantitative', title: 'Rows scored', format: ',' },
      ],
    },
  });
  if (input.holdout !== null) {
    layer.push({
      data: { values: [{ row: HOLDOUT_ROW, value: input.holdout }] },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 130, color: ORANGE, stroke: 'white', strokeWidth: 1 },
      encoding: { x, y, tooltip: [{ field: 'value', type: 'quantitative', title: `${input.label} on the held-out rows`, format: '.4f' }] },
    });
  }
  return {
    ...specBase(`${input.label} by cross-validation fold`, subtitle),
    width: 'container',
    height: rows.length * 44,
    layer,
  } as TopLevelSpec;
}

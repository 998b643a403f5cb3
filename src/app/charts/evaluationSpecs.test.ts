import { describe, expect, it } from 'vitest';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ClassificationEvaluation, RegressionEvaluation } from '../../core/validation/modelEvaluation';
import { calibrationSpec } from './calibrationSpec';
import { cvFoldsSpec } from './cvFoldsSpec';
import { gainsSpec } from './gainsSpec';
import { precisionRecallSpec } from './precisionRecallSpec';
import { predictedActualSpec } from './predictedActualSpec';
import { residualHistogramSpec } from './residualHistogramSpec';
import { residualsSpec } from './residualsSpec';
import { formatAuc, rocSpec } from './rocSpec';
import { scoreHistogramSpec } from './scoreHistogramSpec';
import { THRESHOLD_DATA, thresholdRows } from './thresholdMarker';

/** Compiles with Vega-Lite, failing on any warning, and returns the Vega spec. */
function compiles(spec: TopLevelSpec) {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => {
      throw new Error(a.join(' '));
    },
    warn: (...a: unknown[]) => {
      warnings.push(a.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const out = compile(spec, { logger: logger as any });
  expect(warnings).toEqual([]);
  return out.spec;
}

/** Runs the chart headless (no renderer) and returns every dataset's tuples. */
async function run(spec: TopLevelSpec, data?: Record<string, object[]>) {
  const vega = compiles(spec);
  const view = new View(parse(vega), { renderer: 'none' });
  await view.runAsync();
  if (data) {
    for (const [name, values] of Object.entries(data)) view.data(name, values);
    await view.runAsync();
  }
  const names = (vega.data ?? []).map((d) => d.name);
  const sets: Record<string, Record<string, unknown>[]> = {};
  for (const name of names) sets[name] = view.data(name) as Record<string, unknown>[];
  view.finalize();
  return sets;
}

/** Every tuple of every dataset, flattened (to look for the encoded values). */
function tuples(sets: Record<string, Record<string, unknown>[]>) {
  return Object.values(sets).flat();
}

const classification: ClassificationEvaluation = {
  task: 'classification',
  rows: { n: 8, inScope: 9, total: 10 },
  positive: '1',
  negative: '0',
  positives: 4,
  negatives: 4,
  auc: 0.8125,
  logLoss: 0.5,
  brier: 0.18,
  roc: { fpr: [0, 0, 0.25, 0.5, 1], tpr: [0, 0.5, 0.75, 1, 1], thresholds: [null, 0.9, 0.7, 0.4, 0.1] },
  pr: { precision: [0.5, 0.8, 1, 1], recall: [1, 1, 0.5, 0], thresholds: [0.1, 0.4, 0.9] },
  calibration: { meanPredicted: [0.15, 0.45, 0.85], fractionPositive: [0.1, 0.5, 0.9], count: [3, 2, 3] },
  gains: { fraction: [0, 0.25, 0.5, 1], gain: [0, 0.5, 0.75, 1] },
  lift: Array.from({ length: 10 }, (_, k) => ({ fraction: (k + 1) / 10, gain: Math.min(1, (k + 1) / 5), lift: Math.min(1, (k + 1) / 5) / ((k + 1) / 10) })),
  scoreHistogram: [
    { start: 0, end: 0.5, positives: 1, negatives: 3 },
    { start: 0.5, end: 1, positives: 3, negatives: 1 },
  ],
};

const regression: RegressionEvaluation = {
  task: 'regression',
  rows: { n: 6, inScope: 6, total: 6 },
  metrics: { rmse: 1.2, mae: 0.9, r2: 0.7, n: 6 },
  predictedVsActual: [
    { x0: 0, x1: 5, y0: 0, y1: 5, count: 3 },
    { x0: 5, x1: 10, y0: 5, y1: 10, count: 2 },
    { x0: 5, x1: 10, y0: 0, y1: 5, count: 1 },
  ],
  residualHistogram: [
    { start: -2, end: 0, count: 2 },
    { start: 0, end: 2, count: 4 },
  ],
  residualsByPrediction: [
    { predicted: 2, q25: -0.5, median: 0.1, q75: 0.6, count: 3 },
    { predicted: 7, q25: -1, median: -0.2, q75: 0.4, count: 3 },
  ],
};

const marker = thresholdRows({ threshold: 0.33, fpr: 0.3, tpr: 0.8, precision: 0.77 });

/** The tuples the marks draw from (every dataset but the named one the app replaces). */
function drawn(sets: Record<string, Record<string, unknown>[]>) {
  return Object.entries(sets)
    .filter(([name]) => name !== THRESHOLD_DATA)
    .flatMap(([, values]) => values);
}

describe('evaluation chart specs', () => {
  it('ROC: the curve, the AUC in the title and the threshold dot that moves without a new spec', async () => {
    const spec = rocSpec(classification);
    expect(spec.title).toMatchObject({ text: 'ROC curve · AUC 0.8125' });
    // the rows used are part of the chart (and of its export)
    expect(JSON.stringify(spec.title)).toContain('8 of 9 rows in scope (10 in the dataset)');
    expect(JSON.stringify(residualsSpec(regression).title)).toContain('"6 of 6 rows"');
    expect(formatAuc(null)).toBe('undefined');
    const before = await run(spec);
    expect(tuples(before)).toContainEqual(expect.objectContaining({ fpr: 0.25, tpr: 0.75, threshold: 0.7 }));
    expect(before[THRESHOLD_DATA]).toEqual([]);
    expect(drawn(before)).not.toContainEqual(expect.objectContaining({ threshold: 0.33 }));
    const after = await run(spec, { [THRESHOLD_DATA]: marker });
    expect(drawn(after)).toContainEqual(expect.objectContaining({ threshold: 0.33, fpr: 0.3, tpr: 0.8 }));
  });

  it('precision-recall: the curve, the positive rate and the threshold dot', async () => {
    const spec = precisionRecallSpec(classification);
    expect(JSON.stringify(spec.title)).toContain('50.0%');
    const sets = await run(spec, { [THRESHOLD_DATA]: marker });
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ recall: 0.5, precision: 1, threshold: 0.9 }));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ recall: 0, precision: 1, threshold: null }));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ base: 0.5 }));
    expect(drawn(sets)).toContainEqual(expect.objectContaining({ threshold: 0.33, tpr: 0.8, precision: 0.77 }));
    // no dot while precision is undefined (no row predicted positive)
    expect(thresholdRows({ threshold: 1, fpr: 0, tpr: 0, precision: null })).toEqual([{ threshold: 1, fpr: 0, tpr: 0 }]);
    expect(thresholdRows(null)).toEqual([]);
  });

  it('calibration: one dot per bin with its row count, and the diagonal', async () => {
    const sets = await run(calibrationSpec(classification, 'default'));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ meanPredicted: 0.45, fractionPositive: 0.5, count: 2 }));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ meanPredicted: 1, fractionPositive: 1 }));
  });

  it('gains: the curve and the lift of each decile', async () => {
    const sets = await run(gainsSpec(classification, 'default'));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ fraction: 0.5, gain: 0.75 }));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ fraction: 0.2, gain: 0.4, lift: 2 }));
  });

  it('score histogram: each class as a share of the class, and the threshold line', async () => {
    const sets = await run(scoreHistogramSpec(classification, 'default'), { [THRESHOLD_DATA]: marker });
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ cls: 'default = 1', start: 0.5, count: 3, share: 0.75 }));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ cls: 'default = 0', start: 0, count: 3, share: 0.75 }));
    expect(drawn(sets)).toContainEqual(expect.objectContaining({ threshold: 0.33 }));
  });

  it('regression: predicted vs actual on one domain with y = x, residuals by decile, residual histogram', async () => {
    const heat = await run(predictedActualSpec(regression, 'target'));
    expect(tuples(heat)).toContainEqual(expect.objectContaining({ x0: 5, y0: 0, count: 1 }));
    expect(tuples(heat)).toContainEqual(expect.objectContaining({ v: 0 }));
    expect(tuples(heat)).toContainEqual(expect.objectContaining({ v: 10 }));
    const residuals = await run(residualsSpec(regression));
    expect(tuples(residuals)).toContainEqual(expect.objectContaining({ predicted: 7, median: -0.2, q25: -1, q75: 0.4 }));
    const hist = await run(residualHistogramSpec(regression));
    expect(tuples(hist)).toContainEqual(expect.objectContaining({ start: 0, end: 2, count: 4 }));
  });

  it('cross-validation spread: a dot per fold, the mean ± std band and the held-out diamond', async () => {
    const spec = cvFoldsSpec({
      label: 'AUC',
      folds: [
        { fold: 0, value: 0.71, testRows: 3200 },
        { fold: 1, value: 0.69, testRows: 3200 },
        { fold: 2, value: null, testRows: 3200 },
      ],
      mean: 0.7,
      std: 0.0141,
      holdout: 0.72,
    });
    expect(spec.title).toMatchObject({ text: 'AUC by cross-validation fold' });
    expect(JSON.stringify(spec.title)).toContain('diamond: the held-out rows');
    const sets = await run(spec);
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ fold: 'Fold 1', value: 0.71, testRows: 3200 }));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ row: 'Held-out rows', value: 0.72 }));
    expect(tuples(sets)).toContainEqual(expect.objectContaining({ low: 0.7 - 0.0141, high: 0.7 + 0.0141 }));
    expect(tuples(sets).filter((t) => t.fold === 'Fold 3')).toEqual([]);
    // no std (one fold), no holdout: dots and the mean only
    const bare = await run(cvFoldsSpec({ label: 'R²', folds: [{ fold: 0, value: 0.4, testRows: 10 }], mean: 0.4, std: null, holdout: null }));
    expect(tuples(bare)).not.toContainEqual(expect.objectContaining({ row: 'Held-out rows' }));
  });
});

/**
 * Calibrated pipelines: the calibrator is Platt / isotonic fitted on the out-of-fold margins of
 * the same 5 stratified folds (recomputed here fold by fold), predictions are monotone in the
 * margin, and the exported ONNX model scores like memory.
 */
import { describe, expect, it } from 'vitest';
import { stratifiedKFold } from '../folds/stratifiedKFold';
import { resolveMapping } from '../inference/inputMapping';
import { openScorer } from '../inference/scorer';
import { repoTable } from '../inference/testing/modelFixtures';
import { applyRecipe } from '../recipe/applyRecipe';
import { fitIsotonic, fitPlatt } from '../train/calibration';
import { linearOf } from './fittedModel';
import { linearPredictor } from '../train/linearModel';
import { readTarget } from '../validation/targetClasses';
import { exportPipeline, predictPipeline, trainPipeline } from './trainPipeline';

const DATA = 'public/datasets/synthetic_loans.csv';

describe('calibrated pipelines', () => {
  it.each(['platt', 'isotonic'] as const)('%s: fitted on out-of-fold margins, exported like memory', async (method) => {
    const table = await repoTable(DATA);
    const request = { target: 'default', kind: 'logistic' as const, params: { l2: 0.01 }, seed: 5 };
    const pipeline = trainPipeline(table, { ...request, calibration: method });
    expect(pipeline.calibrator?.method).toBe(method);

    // the out-of-fold margins, fold by fold
    const all = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
    const target = readTarget(table, 'default', { rows: all, task: 'classification' });
    if (target.task !== 'classification') throw new Error('classification expected');
    const margins = new Float64Array(target.rows.length);
    for (const fold of stratifiedKFold(target.rows, target.label, 5, 5)) {
      const p = trainPipeline(table, { ...request, rows: fold.train });
      const m = linearPredictor(linearOf(p.model)!, applyRecipe(p.fitted, table, fold.test), fold.test.length);
      fold.test.forEach((r, i) => (margins[r] = m[i]));
    }
    if (method === 'platt') expect(pipeline.calibrator).toEqual({ method, ...fitPlatt(margins, target.label) });
    else {
      const iso = fitIsotonic(margins, target.label);
      expect(pipeline.calibrator).toEqual({ method, x: Array.from(iso.x), y: Array.from(iso.y) });
    }

    const scores = predictPipeline(pipeline, table, all);
    const finalMargins = linearPredictor(linearOf(pipeline.model)!, applyRecipe(pipeline.fitted, table, all), all.length);
    const order = Array.from(all).sort((a, b) => finalMargins[a] - finalMargins[b]);
    for (let k = 1; k < order.length; k++) expect(scores[order[k]]).toBeGreaterThanOrEqual(scores[order[k - 1]] - 1e-15);

    // the exported graph computes in double like memory: even isotonic's steep ramps between
    // close thresholds keep the score to float32's own rounding
    const scorer = await openScorer(await exportPipeline(pipeline, { dataSha256: null, dataName: DATA }));
    const exported = await scorer.score(table, resolveMapping(scorer.signature, table, DATA));
    await scorer.dispose();
    let worst = 0;
    exported.forEach((s, i) => (worst = Math.max(worst, Math.abs(s - scores[i]))));
    expect(worst).toBeLessThan(1e-7);
  });
});

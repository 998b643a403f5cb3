/**
 * The worker session's model calls in Node: a failed import keeps the loaded model, scoring is
 * cancellable, evaluation follows the filter and equals `glassbox metrics` on the same scores,
 * and a derived boolean column binarizes a target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTable } from '../core/data/buildTable';
import { rawFromValues } from '../core/data/rawFromValues';
import { modelBytes } from '../core/inference/testing/modelFixtures';
import { evaluateScores } from '../core/validation/evaluateScores';
import { Workbench } from './workbench';

const LOANS = readFileSync(join(__dirname, '../../public/datasets/synthetic_loans.csv'));
const WINE = readFileSync(join(__dirname, '../../public/datasets/wine_quality.csv'));

async function loansWithModel() {
  const wb = new Workbench();
  await wb.load('load', { kind: 'file', file: new Blob([LOANS]), name: 'synthetic_loans.csv' }, {});
  const info = await wb.loadModel('loans_gbm.onnx', modelBytes('loans_gbm'));
  return { wb, info };
}

describe('Workbench models', () => {
  it('keeps the loaded model when an import fails, and says why', async () => {
    const { wb } = await loansWithModel();
    await expect(wb.loadModel('broken_zipmap.onnx', modelBytes('broken_zipmap'))).rejects.toMatchObject({
      name: 'ModelError',
      message: expect.stringContaining('ZipMap'),
    });
    expect(wb.modelInfo()?.name).toBe('loans_gbm.onnx');
  });

  it('scores with progress, and a cancelled scoring leaves no scores', async () => {
    const { wb, info } = await loansWithModel();
    expect(info.suggestedMapping).toEqual(['age', 'income', 'loan_amount', 'term_months', 'credit_history_len', 'num_prior_defaults']);
    const pending = wb.scoreDataset('s1', info.suggestedMapping);
    wb.cancel('s1');
    await expect(pending).rejects.toMatchObject({ name: 'CancelledError' });
    expect(wb.scoring()).toBeNull();
    await expect(wb.evaluateModel({ target: 'default' })).rejects.toMatchObject({ name: 'InputError' });
    const progress: number[] = [];
    const summary = await wb.scoreDataset('s2', info.suggestedMapping, (p) => progress.push(p.done));
    expect(summary).toMatchObject({ rows: 20000, threads: 1, batchSize: 4096, missingScores: 0 });
    expect(progress.at(-1)).toBe(20000);
  });

  it('evaluates within the filter, with the numbers of glassbox metrics on the same scores', async () => {
    const { wb, info } = await loansWithModel();
    await wb.scoreDataset('s', info.suggestedMapping);
    const { prediction, score } = await wb.predictions(0.5);
    expect(prediction).toHaveLength(20000);
    // the same scores as a column, through the CLI's metrics code
    const page = await wb.rows({ offset: 0, limit: 20000 });
    const names = wb.summary()!.columns.map((c) => c.name);
    const defaultIndex = names.indexOf('default');
    const sexIndex = names.indexOf('sex');
    const table = buildTable(
      ['default', 'sex', 'score'],
      [rawFromValues(page.rows.map((r) => r[defaultIndex])), rawFromValues(page.rows.map((r) => r[sexIndex])), rawFromValues(score!)],
      20000,
    );
    const female = Uint32Array.from(page.rows.flatMap((r, i) => (r[sexIndex] === 'female' ? [i] : [])));
    const reference = evaluateScores(table, { target: 'default', score: 'score', threshold: 0.3, ci: true, seed: 42, rows: female });
    const viaWorker = await wb.modelMetrics({ target: 'default', threshold: 0.3, ci: true, seed: 42 }, 'sex = female');
    expect(viaWorker).toEqual(reference);

    const evaluation = await wb.evaluateModel({ target: 'default' }, 'sex = female');
    expect(evaluation.rows).toEqual({ n: female.length, inScope: female.length, total: 20000 });
    if (evaluation.task !== 'classification') throw new Error('expected a classifier');
    expect(evaluation.auc).toBe((reference as { auc: number }).auc);
    const atThreshold = await wb.thresholdMetrics({ target: 'default', threshold: 0.3 }, 'sex = female');
    expect(atThreshold.precision).toBe((reference as { precision: number }).precision);
    expect(atThreshold.tp + atThreshold.fp + atThreshold.tn + atThreshold.fn).toBe(female.length);
  });

  it('binarizes a target with a derived boolean column', async () => {
    const wb = new Workbench();
    await wb.load('load', { kind: 'file', file: new Blob([WINE]), name: 'wine_quality.csv' }, {});
    const summary = await wb.addDerivedColumn('good', 'quality >= 7');
    expect(summary.columns.at(-1)).toMatchObject({ name: 'good', type: 'boolean' });
    const check = await wb.checkFilter('good = true');
    const direct = await wb.checkFilter('quality >= 7');
    expect(check).toEqual(direct);
    await expect(wb.addDerivedColumn('good', 'quality >= 8')).rejects.toMatchObject({ message: "a column named 'good' already exists" });
    await expect(wb.addDerivedColumn('better', 'qualty >= 8')).rejects.toMatchObject({ name: 'InputError' });
  });
});

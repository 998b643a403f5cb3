/**
 * Explanations in the worker path equal the CLI's: `explainRows` with a background equals
 * `glassbox shap` with that background written as a file (same JSON fields), `partialDependence`
 * equals `glassbox pdp`; the default background is a seeded sample of 100 rows with the data's
 * class balance, recorded with the result; a cancelled explanation rejects.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelPath, REPO } from '../core/inference/testing/modelFixtures';
import { runCliCaptured as run } from '../cli/testing/runCliCaptured';
import { Workbench } from './workbench';

const LOANS = join(REPO, 'public/datasets/synthetic_loans.csv');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-wb-explain-'));
});

async function workbench() {
  const wb = new Workbench();
  await wb.load('load', { kind: 'file', file: new Blob([readFileSync(LOANS)]), name: 'synthetic_loans.csv' }, {});
  await wb.loadModel('loans_xgboost.onnx', new Uint8Array(readFileSync(modelPath('loans_xgboost'))));
  await wb.scoreDataset('score', wb.modelInfo()!.suggestedMapping);
  return wb;
}

describe('explanations: worker path and CLI', () => {
  it.each([
    ['margin', 'tree'],
    ['probability', 'exact'],
  ] as const)('explainRows (%s) equals glassbox shap with the same background', async (output, method) => {
    const wb = await workbench();
    const background = Array.from({ length: 25 }, (_, i) => 1000 + 3 * i);
    const worker = await wb.explainRows('x', { rows: [0, 1, 2, 3], backgroundRows: background, output });
    expect(worker.method).toBe(method);
    const lines = readFileSync(LOANS, 'utf8').trim().split('\n');
    const bgFile = join(dir, `bg-${output}.csv`);
    writeFileSync(bgFile, [lines[0], ...background.map((r) => lines[r + 1])].join('\n') + '\n');
    const out = join(dir, `shap-${output}.json`);
    const r = await run(['shap', '--model', modelPath('loans_xgboost'), '--data', LOANS, '--background', bgFile, '--rows', '0:4', '--output', output, '--out', out]);
    expect(r.stderr).toBe('');
    const cli = JSON.parse(readFileSync(out, 'utf8'));
    const { method: m, output: o, features, baseValue, rows, values } = worker;
    expect(JSON.parse(JSON.stringify({ method: m, output: o, features, baseValue, rows, values }))).toEqual(cli);
  });

  it('the default background: 100 seeded rows with the class balance of the target, recorded', async () => {
    const wb = await workbench();
    const result = await wb.explainRows('x', { rows: [5], target: { column: 'default', positive: '1' }, output: 'margin', seed: 3 });
    expect(result.backgroundRows).toHaveLength(100);
    const again = await wb.explainRows('y', { rows: [5], target: { column: 'default', positive: '1' }, output: 'margin', seed: 3 });
    expect(again.backgroundRows).toEqual(result.backgroundRows);
    const labels = readFileSync(LOANS, 'utf8').trim().split('\n').slice(1).map((l) => l.slice(l.lastIndexOf(',') + 1));
    const share = labels.filter((l) => l === '1').length / labels.length;
    const inBackground = result.backgroundRows.filter((r) => labels[r] === '1').length;
    expect(Math.abs(inBackground - 100 * share)).toBeLessThanOrEqual(1);
    expect(Math.abs(result.baseValue + result.values[0].reduce((a, b) => a + b, 0) - result.predictions[0])).toBeLessThan(1e-9);
  });

  it('partialDependence equals glassbox pdp; a cancelled explanation rejects', async () => {
    const wb = await workbench();
    const worker = await wb.partialDependence('p', { feature: 'income', gridSize: 8, ice: true, sample: 200, seed: 5 });
    const out = join(dir, 'pdp.json');
    expect((await run(['pdp', '--model', modelPath('loans_xgboost'), '--data', LOANS, '--feature', 'income', '--grid-size', '8', '--ice', '--sample', '200', '--seed', '5', '--out', out])).code).toBe(0);
    const { feature, grid, average, ice, rows } = worker;
    expect({ feature, grid, average, ice, rows }).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    const pending = wb.explainRows('c', { rows: Array.from({ length: 50 }, (_, i) => i), output: 'probability', method: 'kernel' });
    setTimeout(() => wb.cancel('c'), 30);
    await expect(pending).rejects.toMatchObject({ name: 'CancelledError' });
  });

  it('what-if: an edited row is predicted and explained at once, and unusual values are flagged', async () => {
    const wb = new Workbench();
    await wb.load('load', { kind: 'file', file: new Blob([readFileSync(LOANS)]), name: 'synthetic_loans.csv' }, {});
    const table = readFileSync(LOANS, 'utf8').trim().split('\n');
    // a Glassbox GBDT (its inputs include the text column region) trained in the worker
    await wb.trainModel('t', { target: 'default', kind: 'gbdt', task: 'classification', params: { nEstimators: 10 }, exclude: ['applicant_id'] });
    const background = Array.from({ length: 30 }, (_, i) => 500 + i);
    const unchanged = await wb.whatIf('w0', { row: 7, edits: {}, backgroundRows: background, output: 'margin' });
    const plain = await wb.explainRows('e', { rows: [7], backgroundRows: background, output: 'margin' });
    expect(unchanged.explanation.values).toEqual(plain.values);
    expect(unchanged.flags).toEqual([]);
    const edited = await wb.whatIf('w1', { row: 7, edits: { income: 9_000_000, region: 'Atlantis' }, backgroundRows: background, output: 'margin' });
    const e = edited.explanation;
    expect(e.featureValues[0][e.features.indexOf('income')]).toBe(9_000_000);
    expect(Math.abs(e.baseValue + e.values[0].reduce((a, b) => a + b, 0) - e.predictions[0])).toBeLessThan(1e-9);
    expect(edited.flags.map((f) => f.kind).sort()).toEqual(['outside-range', 'unseen-category']);
    expect(edited.flags.find((f) => f.kind === 'outside-range')!.message).toContain('income = 9000000 is outside the range');
    // the edited prediction is what the model gives that row: predict on a CSV with the same edit
    const header = table[0].split(',');
    const row = table[8].split(',');
    row[header.indexOf('income')] = '9000000';
    row[header.indexOf('region')] = 'Atlantis';
    const file = join(dir, 'edited.csv');
    writeFileSync(file, [table[0], row.join(',')].join('\n') + '\n');
    const model = join(dir, 'gbdt.onnx');
    writeFileSync(model, (await wb.trainModel('t2', { target: 'default', kind: 'gbdt', task: 'classification', params: { nEstimators: 10 }, exclude: ['applicant_id'] })).modelBytes);
    expect((await run(['predict', '--model', model, '--data', file, '--out', join(dir, 'edited-p.csv')])).code).toBe(0);
    const p = Number(readFileSync(join(dir, 'edited-p.csv'), 'utf8').trim().split('\n')[1].split(',').at(-1));
    expect(Math.abs(1 / (1 + Math.exp(-e.predictions[0])) - p)).toBeLessThan(1e-6);
  });

  it('permutation importance of the loaded model on the held-out rows: the baseline is their AUC, spread over the repeats', async () => {
    const wb = new Workbench();
    await wb.load('load', { kind: 'file', file: new Blob([readFileSync(LOANS)]), name: 'synthetic_loans.csv' }, {});
    await wb.trainModel('t', { target: 'default', kind: 'gbdt', task: 'classification', params: { nEstimators: 15 }, exclude: ['applicant_id'], holdout: { fraction: 0.1 } });
    const result = await wb.modelImportance('i', { target: 'default', positive: '1', repeats: 3, seed: 2 });
    expect(result.evaluatedOn).toBe('holdout');
    expect(result.rows).toBe(2000);
    expect(result.scopeRows).toBe(2000);
    const metrics = await wb.modelMetrics({ target: 'default', positive: '1', split: 'test', threshold: 0.5 });
    expect(result.baseline).toBeCloseTo((metrics as { auc: number }).auc, 12);
    expect(result.columns).toHaveLength(10);
    for (const c of result.columns) {
      expect(c.drops).toHaveLength(3);
      const mean = c.drops.reduce((a, b) => a + b, 0) / 3;
      expect(c.mean).toBeCloseTo(mean, 12);
      expect(c.std).toBeCloseTo(Math.sqrt(c.drops.reduce((a, d) => a + (d - mean) ** 2, 0) / 3), 12);
    }
    expect(result.columns[0].mean).toBeGreaterThan(0.01); // the strongest column matters
  });
});

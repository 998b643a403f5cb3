/**
 * Training in the worker path equals the CLI: `trainModel` without a holdout gives the
 * coefficients of `glassbox train` (same scores from both ONNX files) and, with CV over all rows,
 * the fold metrics, mean and std of `glassbox cv`; with a holdout, evaluation can be scoped to
 * the held-out rows.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main';
import { REPO } from '../core/inference/testing/modelFixtures';
import { Workbench } from './workbench';

const LOANS = join(REPO, 'public/datasets/synthetic_loans.csv');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-wb-train-'));
});

async function cli(argv: string[]) {
  let stderr = '';
  const code = await runCli(argv, { stdout: () => undefined, stderr: (t) => (stderr += t) });
  expect(stderr).toBe('');
  expect(code).toBe(0);
}

async function workbench() {
  const wb = new Workbench();
  await wb.load('load', { kind: 'file', file: new Blob([readFileSync(LOANS)]), name: 'synthetic_loans.csv' }, {});
  return wb;
}

describe('training parity: worker path and CLI', () => {
  it('trainModel with 5-fold stratified CV equals glassbox train + glassbox cv', async () => {
    const out = join(dir, 'cv.json');
    await cli(['cv', '--data', LOANS, '--target', 'default', '--model', 'logistic', '--params', '{"l2":0.01}', '--stratify', '--seed', '7', '--out', out]);
    const model = join(dir, 'm.onnx');
    await cli(['train', '--data', LOANS, '--target', 'default', '--model', 'logistic', '--params', '{"l2":0.01}', '--seed', '7', '--out', model]);
    await cli(['predict', '--model', model, '--data', LOANS, '--out', join(dir, 'p.csv')]);

    const wb = await workbench();
    const stages = new Set<string>();
    const run = await wb.trainModel('t', { target: 'default', kind: 'logistic', params: { l2: 0.01 }, seed: 7, cv: { folds: 5, scheme: 'stratified' } }, (p) => stages.add(p.stage));
    expect([...stages]).toEqual(['cross-validation', 'training', 'scoring']);
    const cvJson = JSON.parse(readFileSync(out, 'utf8'));
    expect(JSON.parse(JSON.stringify({ folds: run.cv!.folds, mean: run.cv!.mean, std: run.cv!.std }))).toEqual({ folds: cvJson.folds, mean: cvJson.mean, std: cvJson.std });

    const { score } = await wb.predictions(0.5);
    const cliScores = readFileSync(join(dir, 'p.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.slice(l.lastIndexOf(',') + 1)));
    expect(score).toEqual(cliScores);
    expect(run.trainRows).toBe(20000);
    expect(run.model.signature.layout).toBe('columns');
    // provenance: the training data's SHA-256, as the CLI records it
    const { createHash } = await import('node:crypto');
    expect(run.model.description.metadata.training_data_sha256).toBe(createHash('sha256').update(readFileSync(LOANS)).digest('hex'));
  });

  it.each([
    ['gbdt', '{"nEstimators":15,"maxDepth":3}'],
    ['forest', '{"nEstimators":4,"maxDepth":6}'],
    ['tree', '{"minSamplesLeaf":20}'],
  ])('%s: trainModel with 3-fold CV equals glassbox cv, its scores glassbox train + predict', async (kind, params) => {
    const out = join(dir, `${kind}-cv.json`);
    await cli(['cv', '--data', LOANS, '--target', 'default', '--model', kind, '--params', params, '--folds', '3', '--seed', '3', '--exclude', 'applicant_id', '--out', out]);
    const model = join(dir, `${kind}.onnx`);
    await cli(['train', '--data', LOANS, '--target', 'default', '--model', kind, '--params', params, '--seed', '3', '--exclude', 'applicant_id', '--out', model]);
    await cli(['predict', '--model', model, '--data', LOANS, '--out', join(dir, `${kind}-p.csv`)]);

    const wb = await workbench();
    const trees: number[] = [];
    const run = await wb.trainModel('t', { target: 'default', kind: kind as 'gbdt' | 'forest' | 'tree', task: 'classification', params: JSON.parse(params), seed: 3, exclude: ['applicant_id'], cv: { folds: 3, scheme: 'kfold' } }, (p) => {
      if (p.stage === 'training') trees.push(p.done);
    });
    const count = JSON.parse(params).nEstimators ?? 1;
    expect(trees.at(-1)).toBe(count); // progress per tree
    expect(run.coefficients).toBeNull();
    expect(run.trees!.trees).toBe(count);
    expect(run.recipe.steps.some((st) => st.step === 'scale')).toBe(false);
    const cvJson = JSON.parse(readFileSync(out, 'utf8'));
    expect(JSON.parse(JSON.stringify({ folds: run.cv!.folds, mean: run.cv!.mean, std: run.cv!.std }))).toEqual({ folds: cvJson.folds, mean: cvJson.mean, std: cvJson.std });
    const { score } = await wb.predictions(0.5);
    const cliScores = readFileSync(join(dir, `${kind}-p.csv`), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.slice(l.lastIndexOf(',') + 1)));
    expect(score).toEqual(cliScores);
  });

  it('a search cross-validates every trial on the training rows, as glassbox cv with its parameters', async () => {
    const wb = await workbench();
    const request = { target: 'default', kind: 'gbdt' as const, task: 'classification' as const, params: { nEstimators: 8 }, seed: 2, exclude: ['applicant_id'], holdout: { fraction: 0.5 }, cv: { folds: 3, scheme: 'stratified' as const } };
    const seen: number[] = [];
    const result = await wb.searchModel('s', request, { strategy: 'grid', space: [{ name: 'maxDepth', low: 2, high: 3, integer: true }] }, (p) => seen.push(p.trials ?? -1));
    expect(result.trials.map((t) => t.params)).toEqual([{ nEstimators: 8, maxDepth: 2 }, { nEstimators: 8, maxDepth: 3 }]);
    expect(result.trainRows).toBe(10000);
    expect(seen.at(-1)).toBe(2);
    // the training rows alone: glassbox cv on a file of exactly those rows gives the same folds' metrics
    const run = await wb.trainModel('t', { ...request, params: result.trials[1].params });
    expect(run.cv!.mean).toEqual(result.trials[1].mean);
    const cancelled = wb.searchModel('s2', request, { strategy: 'random', space: [{ name: 'maxDepth', low: 2, high: 6, integer: true }], trials: 50 });
    setTimeout(() => wb.cancel('s2'), 50);
    await expect(cancelled).rejects.toMatchObject({ name: 'CancelledError' });
  });

  it('a holdout scopes evaluation to the held-out rows', async () => {
    const wb = await workbench();
    const run = await wb.trainModel('t', { target: 'default', kind: 'logistic', seed: 1, holdout: { fraction: 0.25 } });
    expect(run.testRows).toBe(5000);
    expect(run.trainRows).toBe(15000);
    const test = await wb.evaluateModel({ target: 'default', split: 'test' });
    const train = await wb.evaluateModel({ target: 'default', split: 'train' });
    expect(test.rows.n).toBe(5000);
    expect(train.rows.n).toBe(15000);
    const recent = await wb.trainModel('t2', { target: 'default', kind: 'logistic', holdout: { fraction: 0.2, byColumn: 'application_date' } });
    expect(recent.testRows).toBeGreaterThan(0);
    await expect(wb.trainModel('t3', { target: 'default', kind: 'logistic', holdout: { fraction: 1.5 } })).rejects.toMatchObject({ name: 'InputError' });
  });

  it('a recipe step previews on the training rows, fitted as training fits it', async () => {
    const wb = await workbench();
    const request = { target: 'default', kind: 'logistic' as const, seed: 1 };
    const recipe = await wb.defaultRecipe('default');
    const step = recipe.steps.findIndex((s) => s.step === 'impute' && s.columns.includes('income'));
    expect(step).toBeGreaterThanOrEqual(0);
    // all rows: the fitted median is numpy's median of the column (computed here from the CSV text)
    const whole = await wb.previewRecipeStep(request, step, 'income');
    const incomes = readFileSync(LOANS, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[5]).filter((v) => v !== '').map(Number).sort((a, b) => a - b);
    const mid = incomes.length / 2;
    const median = incomes.length % 2 ? incomes[Math.floor(mid)] : (incomes[mid - 1] + incomes[mid]) / 2;
    expect(whole).toMatchObject({ rows: 20000, totalRows: 20000, seed: 1, before: { missing: 636 } });
    expect(whole.after[0].fitted).toEqual({ kind: 'op', op: { op: 'impute', value: median } });
    // with a holdout: the training rows only, as many as the run trains on
    const run = await wb.trainModel('t', { ...request, holdout: { fraction: 0.25 } });
    const held = await wb.previewRecipeStep({ ...request, holdout: { fraction: 0.25 } }, step, 'income');
    expect(held.rows).toBe(run.trainRows);
    expect(held.before!.rows).toBe(15000);
    expect(held.after[0].summary.missing).toBe(0);
    await expect(wb.previewRecipeStep(request, step, 'nope')).rejects.toMatchObject({ name: 'InputError' });
  });

  it('quick-model importance: measured on the held-out rows, or on a quarter kept out of the fit', async () => {
    const wb = await workbench();
    const request = { target: 'default', kind: 'logistic' as const, seed: 3, holdout: { fraction: 0.2 } };
    const reports: number[] = [];
    const held = await wb.quickImportance('q', request, (p) => reports.push(p.done));
    expect(held).toMatchObject({ metric: 'auc', evaluatedOn: 'holdout', rows: 4000, fitRows: 16000, totalRows: 20000, repeats: 5, seed: 3, kind: 'logistic' });
    // the raw columns the model reads, each shuffled as a whole, largest drop first
    expect(held.columns.map((c) => c.column).sort()).toEqual(['age', 'application_date', 'credit_history_len', 'employment_type', 'income', 'loan_amount', 'num_prior_defaults', 'region', 'sex', 'term_months']);
    expect(reports).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (let k = 1; k < held.columns.length; k++) expect(held.columns[k].mean).toBeLessThanOrEqual(held.columns[k - 1].mean);
    expect(held.columns[0].mean).toBeGreaterThan(0.01);
    expect(held.baseline).toBeGreaterThan(0.6);
    const split = await wb.quickImportance('q2', { ...request, holdout: undefined });
    expect(split).toMatchObject({ evaluatedOn: 'split', rows: 5000, fitRows: 15000 });
    // same request, same numbers
    expect(await wb.quickImportance('q3', request)).toEqual(held);
  });
});

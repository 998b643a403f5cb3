/**
 * `glassbox train` and `glassbox cv` as a user runs them: a trained model file that `predict`
 * scores like the in-memory pipeline, cross-validation folds that partition the rows with fold
 * metrics equal to `glassbox metrics` on each fold's out-of-fold rows, the contract's errors.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../core/data/byteSource';
import { readDataset } from '../core/data/readDataset';
import type { Table } from '../core/data/table';
import { REPO } from '../core/inference/testing/modelFixtures';
import { evaluateScores } from '../core/validation/evaluateScores';
import { runCliCaptured } from './testing/runCliCaptured';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-train-'));
});

const run = runCliCaptured;

const LOANS = join(REPO, 'public/datasets/synthetic_loans.csv');

function numericValues(table: Table, name: string): Float64Array {
  const column = table.columns.find((c) => c.name === name)!;
  if (column.type !== 'numeric' && column.type !== 'datetime') throw new Error(`${name} is ${column.type}`);
  return column.values;
}

function parse(text: string): Record<string, string>[] {
  const r = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('glassbox train', () => {
  it('writes a model that predict scores, with the recipe and provenance inside', async () => {
    const model = join(dir, 'loans.onnx');
    const r = await run(['train', '--data', LOANS, '--target', 'default', '--model', 'logistic', '--params', '{"l2": 0.01}', '--exclude', 'applicant_id', '--out', model]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = await run(['predict', '--model', model, '--data', LOANS]);
    expect(p.code).toBe(0);
    const rows = parse(p.stdout);
    expect(rows).toHaveLength(20000);
    for (const row of rows.slice(0, 200)) expect(row.prediction).toBe(Number(row.score) >= 0.5 ? '1' : '0');
    const text = readFileSync(model).toString('latin1');
    for (const key of ['glassbox_version', 'recipe_sha256', 'training_data_sha256', 'class_labels', 'positive_class', 'feature_names']) expect(text).toContain(key);
  });

  it.each([
    [['--model', 'logistic', '--target', 'defualt'], /column 'defualt' not found .*\(did you mean 'default'\?\)/],
    [['--model', 'svm', '--target', 'default'], /--model must be one of logistic, linear, tree, forest, gbdt/],
    [['--model', 'forest', '--target', 'default', '--params', '{"learningRate": 0.1}'], /'learningRate' does not apply to forest models/],
    [['--model', 'gbdt', '--target', 'region'], /target 'region' has \d+ classes .*binarize it first/],
    [['--model', 'gbdt', '--target', 'default', '--params', '{"subsample": 1.5}'], /'subsample' must be a fraction in \(0, 1\]/],
    [['--model', 'logistic', '--target', 'region'], /target 'region' has \d+ classes .*binarize it first/],
    [['--model', 'logistic', '--target', 'default', '--params', '{"maxDepth": 3}'], /'maxDepth' does not apply to logistic models/],
    [['--model', 'logistic', '--target', 'default', '--params', 'l2=1'], /--params must be a JSON object/],
    [['--model', 'logistic', '--target', 'default', '--exclude', 'nope'], /--exclude: column 'nope' not found/],
  ])('refuses %j with one error line and no file', async (args, message) => {
    const out = join(dir, 'never.onnx');
    const r = await run(['train', '--data', LOANS, ...args, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('takes a recipe file and explains a broken one', async () => {
    const recipe = join(dir, 'recipe.json');
    writeFileSync(
      recipe,
      JSON.stringify({
        version: 1,
        steps: [
          { step: 'drop', columns: ['application_date', 'sex', 'region', 'employment_type'] },
          { step: 'impute', columns: ['income', 'credit_history_len'], strategy: 'median', indicator: true },
          { step: 'log', columns: ['income', 'loan_amount'] },
          { step: 'scale', columns: ['age', 'income', 'loan_amount', 'term_months', 'credit_history_len', 'num_prior_defaults'], method: 'robust' },
        ],
      }),
    );
    const out = join(dir, 'recipe.onnx');
    const r = await run(['train', '--data', LOANS, '--target', 'default', '--model', 'logistic', '--recipe', recipe, '--out', out]);
    expect(r.stderr).toBe('');
    const p = await run(['predict', '--model', out, '--data', LOANS]);
    expect(p.code).toBe(0);
    writeFileSync(recipe, JSON.stringify({ version: 1, steps: [{ step: 'scale', columns: ['incme'], method: 'standard' }] }));
    const bad = await run(['train', '--data', LOANS, '--target', 'default', '--model', 'logistic', '--recipe', recipe, '--out', out + '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/recipe step 1 \(scale\): column 'incme' not found .*\(did you mean 'income'\?\)/);
  });
});

describe('glassbox cv', () => {
  async function cv(args: string[]) {
    const out = join(dir, `cv-${Math.random().toString(36).slice(2)}.json`);
    const r = await run(['cv', '--data', LOANS, '--target', 'default', '--model', 'logistic', '--params', '{"l2": 0.01}', ...args, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.oof).toBe(out.replace(/\.json$/, '.oof.csv'));
    return { json, oof: parse(readFileSync(json.oof, 'utf8')), out };
  }

  it('stratified folds partition the rows; fold metrics equal glassbox metrics on the fold; mean and std over folds', async () => {
    const { json, oof } = await cv(['--stratify', '--folds', '4']);
    expect(json.folds).toHaveLength(4);
    expect(oof.map((r) => Number(r.row)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20000 }, (_, i) => i));
    const table = (await readDataset(bytesSource(new Uint8Array(readFileSync(LOANS)), 'loans.csv'))).table;
    const defaults = numericValues(table, 'default');
    const overall = defaults.reduce((a, b) => a + b, 0) / 20000;
    for (const fold of json.folds) {
      const rows = oof.filter((r) => Number(r.fold) === fold.fold);
      expect(rows.length).toBe(fold.testRows);
      expect(fold.trainRows + fold.testRows).toBe(20000);
      const positives = rows.reduce((a, r) => a + defaults[Number(r.row)], 0);
      expect(Math.abs(positives - overall * rows.length)).toBeLessThanOrEqual(1);
      const fromOof = evaluateScores(
        (await readDataset(bytesSource(new TextEncoder().encode('y,s\n' + rows.map((r) => `${defaults[Number(r.row)]},${r.score}`).join('\n')), 'f.csv'))).table,
        { target: 'y', score: 's' },
      );
      expect(fold.metrics.auc).toBeCloseTo((fromOof as { auc: number }).auc, 12);
      expect(fold.metrics.n).toBe(rows.length);
    }
    const aucs = json.folds.map((f: { metrics: { auc: number } }) => f.metrics.auc);
    const mean = aucs.reduce((a: number, b: number) => a + b, 0) / aucs.length;
    expect(json.mean.auc).toBeCloseTo(mean, 14);
    expect(json.std.auc).toBeCloseTo(Math.sqrt(aucs.reduce((a: number, v: number) => a + (v - mean) ** 2, 0) / (aucs.length - 1)), 14);
  });

  it('is reproducible with the same seed and changes with another', async () => {
    const a = await cv(['--seed', '7']);
    const b = await cv(['--seed', '7']);
    const c = await cv(['--seed', '8']);
    expect(readFileSync(a.json.oof, 'utf8')).toBe(readFileSync(b.json.oof, 'utf8'));
    expect(a.json.folds).toEqual(b.json.folds);
    expect(c.json.folds).not.toEqual(a.json.folds);
  });

  it('time folds train on the past and test on the future; block 0 is never tested', async () => {
    const { json, oof } = await cv(['--time', 'application_date', '--folds', '3']);
    expect(json.folds).toHaveLength(3);
    const table = (await readDataset(bytesSource(new Uint8Array(readFileSync(LOANS)), 'loans.csv'))).table;
    const dates = numericValues(table, 'application_date');
    const tested = new Set(oof.map((r) => Number(r.row)));
    expect(tested.size).toBe(json.folds.reduce((a: number, f: { testRows: number }) => a + f.testRows, 0));
    const earliest = Math.min(...Array.from(dates));
    expect(oof.every((r) => dates[Number(r.row)] > earliest)).toBe(true);
    for (const fold of json.folds) {
      const test = oof.filter((r) => Number(r.fold) === fold.fold).map((r) => dates[Number(r.row)]);
      const later = oof.filter((r) => Number(r.fold) > fold.fold).map((r) => dates[Number(r.row)]);
      if (later.length) expect(Math.max(...test)).toBeLessThan(Math.min(...later));
    }
  });

  it('group folds keep each group whole', async () => {
    const { oof } = await cv(['--group', 'region', '--folds', '3']);
    const table = (await readDataset(bytesSource(new Uint8Array(readFileSync(LOANS)), 'loans.csv'))).table;
    const region = table.columns.find((c) => c.name === 'region')!;
    if (region.type !== 'categorical') throw new Error('region should be categorical');
    const foldOfRegion = new Map<number, string>();
    for (const r of oof) {
      const code = region.codes[Number(r.row)];
      expect(foldOfRegion.get(code) ?? r.fold).toBe(r.fold);
      foldOfRegion.set(code, r.fold);
    }
  });

  it('refuses --group with --time', async () => {
    const r = await run(['cv', '--data', LOANS, '--target', 'default', '--model', 'logistic', '--group', 'region', '--time', 'application_date', '--out', join(dir, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --group and --time cannot be used together\n');
  });
});

/**
 * `glassbox shap` as a user runs it: a model trained by `glassbox train`, explained against a
 * background file; the JSON has the contract's fields, reports the method used and the rows, and
 * is efficient against `glassbox predict`'s scores (probability output) or their log-odds
 * (margin, TreeSHAP); the contract's errors exit 2 with one line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../core/inference/testing/modelFixtures';
import { runCliCaptured as run } from './testing/runCliCaptured';

const LOANS = join(REPO, 'src/core/inference/fixtures/loans_with_missing.csv');
let dir: string;
let data: string;
let background: string;
let model: string;
let scores: number[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-shap-'));
  const lines = readFileSync(LOANS, 'utf8').trim().split('\n');
  data = join(dir, 'data.csv');
  background = join(dir, 'background.csv');
  writeFileSync(data, [lines[0], ...lines.slice(1, 31)].join('\n') + '\n');
  writeFileSync(background, [lines[0], ...lines.slice(200, 240)].join('\n') + '\n');
  model = join(dir, 'gbdt.onnx');
  const exclude = 'applicant_id,application_date,employment_type';
  expect((await run(['train', '--data', LOANS, '--target', 'default', '--model', 'gbdt', '--params', '{"nEstimators":20,"maxDepth":4}', '--exclude', exclude, '--out', model])).code).toBe(0);
  expect((await run(['predict', '--model', model, '--data', data, '--out', join(dir, 'p.csv')])).code).toBe(0);
  scores = readFileSync(join(dir, 'p.csv'), 'utf8').trim().split('\n').slice(1).map((l) => Number(l.slice(l.lastIndexOf(',') + 1)));
});

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe('glassbox shap', () => {
  it('probability output (the default for classifiers): exact, efficient against predict', async () => {
    const out = join(dir, 'shap.json');
    const r = await run(['shap', '--model', model, '--data', data, '--background', background, '--rows', '0:5', '--out', out]);
    expect(r.stderr).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json).sort()).toEqual(['baseValue', 'features', 'method', 'output', 'rows', 'values']);
    expect(json.method).toBe('exact');
    expect(json.output).toBe('probability');
    expect(json.rows).toEqual([0, 1, 2, 3, 4]);
    expect(json.features).toContain('region');
    json.values.forEach((v: number[], i: number) => expect(Math.abs(json.baseValue + sum(v) - scores[i])).toBeLessThan(1e-6));
  });

  it('margin output: TreeSHAP, efficient against the log-odds of predict', async () => {
    const out = join(dir, 'margin.json');
    expect((await run(['shap', '--model', model, '--data', data, '--background', background, '--output', 'margin', '--out', out])).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.method).toBe('tree');
    expect(json.rows).toHaveLength(20); // --rows defaults to 0:20
    json.values.forEach((v: number[], i: number) => expect(Math.abs(1 / (1 + Math.exp(-(json.baseValue + sum(v)))) - scores[i])).toBeLessThan(1e-6));
  });

  it('kernel: a standard error per value', async () => {
    const out = join(dir, 'kernel.json');
    expect((await run(['shap', '--model', model, '--data', data, '--background', background, '--rows', '3:5', '--method', 'kernel', '--samples', '512', '--out', out])).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.method).toBe('kernel');
    expect(json.stderr).toHaveLength(2);
    expect(json.stderr[0]).toHaveLength(json.features.length);
    json.values.forEach((v: number[], i: number) => expect(Math.abs(json.baseValue + sum(v) - scores[3 + i])).toBeLessThan(1e-6));
  });

  it.each([
    [['--method', 'magic'], /--method must be auto, tree, exact or kernel/],
    [['--method', 'tree'], /margin only/],
    [['--rows', '40:50'], /selects no row/],
    [['--rows', 'all'], /--rows must be A:B/],
  ])('refuses %j with one error line', async (extra, message) => {
    const r = await run(['shap', '--model', model, '--data', data, '--background', background, ...extra, '--out', join(dir, 'never.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

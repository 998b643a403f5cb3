/**
 * Shapley values of whole models through the one API: TreeSHAP on a Glassbox GBDT (grouped raw
 * columns) equals exact enumeration of the same game through onnxruntime; exact values of a
 * logistic pipeline equal a brute-force computation with the in-memory pipeline (an independent
 * code path); imported XGBoost trees are explained on their margin; KernelSHAP stays within its
 * standard errors. Every result is efficient: baseValue + Σ values = f(x).
 */
import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../inference/inputMapping';
import { openScorer } from '../inference/scorer';
import { expectedScores, modelBytes, repoTable } from '../inference/testing/modelFixtures';
import { linearOf } from '../pipeline/fittedModel';
import { exportPipeline, predictPipeline, trainPipeline } from '../pipeline/trainPipeline';
import { applyRecipe } from '../recipe/applyRecipe';
import type { Recipe } from '../recipe/recipe';
import { linearPredictor } from '../train/linearModel';
import { shapValues } from './shapValues';
import { bruteForceShapley, hybridRows } from './testing/bruteForce';

const LOANS = 'src/core/inference/fixtures/loans_with_missing.csv';
const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

async function loansModel(kind: 'gbdt' | 'logistic') {
  const table = await repoTable(LOANS);
  const pipeline = trainPipeline(table, { target: 'default', kind, params: kind === 'gbdt' ? { nEstimators: 15, maxDepth: 4 } : {}, exclude: ['applicant_id', 'application_date', 'employment_type'], source: LOANS });
  return { table, pipeline, bytes: await exportPipeline(pipeline, { dataSha256: null, dataName: 'loans' }) };
}

describe('shapValues', () => {
  it('TreeSHAP on a GBDT pipeline equals exact enumeration of the same game (margin), and is efficient', async () => {
    const { table, bytes } = await loansModel('gbdt');
    const base = { model: bytes, data: table, dataSource: LOANS, rows: range(0, 4), background: table, backgroundSource: LOANS, backgroundRows: range(100, 120), output: 'margin' as const };
    const tree = await shapValues({ ...base, method: 'auto' });
    expect(tree.method).toBe('tree');
    expect(tree.features).toContain('region'); // a one-hot column is one player
    const exact = await shapValues({ ...base, method: 'exact' });
    const scorer = await openScorer(bytes);
    const p = await scorer.score(table, resolveMapping(scorer.signature, table, LOANS), { rows: range(0, 4) });
    await scorer.dispose();
    tree.values.forEach((v, r) => {
      expect(Math.abs(tree.baseValue + sum(v) - tree.predictions[r])).toBeLessThan(1e-9);
      expect(Math.abs(1 / (1 + Math.exp(-tree.predictions[r])) - p[r])).toBeLessThan(1e-6);
      // exact enumeration of the same game, evaluated in float64 from the ensemble: tree and exact agree to 1e-9
      v.forEach((x, k) => expect(Math.abs(x - exact.values[r][k])).toBeLessThan(1e-9));
      expect(exact.predictions[r]).toBeCloseTo(tree.predictions[r], 12);
    });
    await expect(shapValues({ ...base, method: 'tree', output: 'probability' })).rejects.toThrow(/margin only/);
  });

  it('exact values of a logistic pipeline equal brute force with the in-memory pipeline', async () => {
    const { table, pipeline, bytes } = await loansModel('logistic');
    const rows = range(0, 3);
    const bg = range(200, 215);
    const result = await shapValues({ model: bytes, data: table, dataSource: LOANS, rows, background: table, backgroundSource: LOANS, backgroundRows: bg });
    expect([result.method, result.output]).toEqual(['exact', 'probability']);
    const players = result.features;
    for (const [r, x] of Array.from(rows).entries()) {
      // v(S) by the in-memory pipeline on hybrid tables built here
      const phi = bruteForceShapley(players.length, (mask) => {
        const scores = predictPipeline(pipeline, hybridRows(table, players, mask, x, bg), Uint32Array.from(bg, (_, i) => i));
        return scores.reduce((a, b) => a + b, 0) / bg.length;
      });
      phi.forEach((expected, i) => expect(Math.abs(result.values[r][i] - expected)).toBeLessThan(2e-6));
      expect(Math.abs(result.baseValue + sum(result.values[r]) - result.predictions[r])).toBeLessThan(1e-12);
    }
  });

  it('imported XGBoost trees: tree method on the margin; KernelSHAP within its standard errors', async () => {
    const name = 'loans_xgboost';
    const table = await repoTable(expectedScores(name).dataset);
    const base = { model: modelBytes(name), data: table, dataSource: 'loans', rows: range(0, 3), background: table, backgroundSource: 'loans', backgroundRows: range(50, 70) };
    const tree = await shapValues({ ...base, output: 'margin' });
    expect(tree.method).toBe('tree');
    const scorer = await openScorer(modelBytes(name));
    const p = await scorer.score(table, resolveMapping(scorer.signature, table, 'loans'), { rows: range(0, 3) });
    await scorer.dispose();
    tree.values.forEach((v, r) => expect(Math.abs(1 / (1 + Math.exp(-(tree.baseValue + sum(v)))) - p[r])).toBeLessThan(1e-6));
    const kernel = await shapValues({ ...base, method: 'kernel', samples: 1024, seed: 1 });
    const exact = await shapValues({ ...base, method: 'exact' });
    expect(kernel.stderr).toHaveLength(3);
    kernel.values.forEach((v, r) => {
      expect(Math.abs(kernel.baseValue + sum(v) - p[r])).toBeLessThan(1e-6);
      v.forEach((x, k) => expect(Math.abs(x - exact.values[r][k])).toBeLessThan(4 * kernel.stderr![r][k] + 1e-7));
    });
  });

  it('linear models on the margin: the closed form, equal to brute force on the in-memory margins, efficient in float64', async () => {
    const { table, pipeline, bytes } = await loansModel('logistic');
    const rows = range(0, 3);
    const bg = range(300, 330);
    const result = await shapValues({ model: bytes, data: table, dataSource: LOANS, rows, background: table, backgroundSource: LOANS, backgroundRows: bg, output: 'margin' });
    expect(result.method).toBe('exact');
    const players = result.features;
    const linear = linearOf(pipeline.model)!;
    for (const [r, x] of Array.from(rows).entries()) {
      const phi = bruteForceShapley(players.length, (mask) => {
        const margins = linearPredictor(linear, applyRecipe(pipeline.fitted, hybridRows(table, players, mask, x, bg), Uint32Array.from(bg, (_, i) => i)), bg.length);
        return margins.reduce((a, b) => a + b, 0) / bg.length;
      });
      phi.forEach((expected, i) => expect(Math.abs(result.values[r][i] - expected)).toBeLessThan(1e-6));
      expect(Math.abs(result.baseValue + sum(result.values[r]) - result.predictions[r])).toBeLessThan(1e-9);
    }
    // an imported logistic model (matrix input): the closed form equals exact enumeration through the logit of its probabilities
    const name = 'loans_logistic';
    const loans = await repoTable(expectedScores(name).dataset);
    const base = { model: modelBytes(name), data: loans, dataSource: 'loans', rows: range(0, 2), background: loans, backgroundSource: 'loans', backgroundRows: range(40, 60), output: 'margin' as const };
    const closed = await shapValues({ ...base });
    const viaScores = await shapValues({ ...base, method: 'kernel', samples: 4096 });
    closed.values.forEach((v, r) => v.forEach((x, k) => expect(Math.abs(x - viaScores.values[r][k])).toBeLessThan(4 * viaScores.stderr![r][k] + 1e-5)));
  });

  it('tree is unavailable when a feature derives from two columns (a combine step); auto falls back to exact', async () => {
    const table = await repoTable(LOANS);
    const recipe: Recipe = {
      version: 1,
      steps: [
        { step: 'impute', columns: ['income', 'loan_amount', 'age'], strategy: 'median' },
        { step: 'combine', columns: ['loan_amount', 'income'], op: '/', name: 'ratio' },
      ],
    };
    const exclude = ['applicant_id', 'application_date', 'sex', 'region', 'employment_type', 'term_months', 'credit_history_len', 'num_prior_defaults'];
    const pipeline = trainPipeline(table, { target: 'default', kind: 'gbdt', recipe, params: { nEstimators: 8, maxDepth: 3 }, exclude, source: LOANS });
    const bytes = await exportPipeline(pipeline, { dataSha256: null, dataName: 'loans' });
    const base = { model: bytes, data: table, dataSource: LOANS, rows: range(0, 2), background: table, backgroundSource: LOANS, backgroundRows: range(10, 25), output: 'margin' as const };
    await expect(shapValues({ ...base, method: 'tree' })).rejects.toThrow(/derives from several input columns/);
    const auto = await shapValues(base);
    expect(auto.method).toBe('exact');
    expect(auto.features.sort()).toEqual(['age', 'income', 'loan_amount']);
    auto.values.forEach((v, r) => expect(Math.abs(auto.baseValue + sum(v) - auto.predictions[r])).toBeLessThan(1e-6));
  });
});

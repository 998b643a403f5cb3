/**
 * Tree ensembles rebuilt from ONNX files — scikit-learn's GradientBoosting (regressor + Sigmoid
 * node), RandomForest (classifier weighing both classes), XGBoost (BRANCH_LT), a GB regressor, and
 * Glassbox's own exports — and fed the features the model's own preprocessing produces
 * (readIntermediate): their scores, through the link each file applies after the ensemble, equal
 * the Scorer's scores of the whole model.
 */
import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../inference/inputMapping';
import { readIntermediate } from '../inference/intermediateTensor';
import { openScorer } from '../inference/scorer';
import { expectedScores, modelBytes, repoTable } from '../inference/testing/modelFixtures';
import { exportPipeline, trainPipeline } from '../pipeline/trainPipeline';
import { readTreeEnsemble } from './readTreeEnsemble';
import { ensembleScore } from './treeEnsemble';

const sigmoid = (m: number) => 1 / (1 + Math.exp(-m));

async function compare(bytes: Uint8Array, dataset: string, link: (m: number) => number, rows = 2000) {
  const table = await repoTable(dataset);
  const scorer = await openScorer(bytes);
  const mapping = resolveMapping(scorer.signature, table, dataset);
  const selected = Int32Array.from({ length: Math.min(rows, table.rowCount) }, (_, i) => i);
  const scores = await scorer.score(table, mapping, { rows: selected });
  const found = readTreeEnsemble(bytes)!;
  expect(found).not.toBeNull();
  const encoded = await readIntermediate(bytes, scorer.signature, found.input, table, mapping, { rows: selected });
  await scorer.dispose();
  expect(encoded.width).toBeGreaterThanOrEqual(found.ensemble.features);
  let worst = 0;
  for (let i = 0; i < selected.length; i++) {
    const m = ensembleScore(found.ensemble, (f) => encoded.data[i * encoded.width + f]);
    worst = Math.max(worst, Math.abs(link(m) - scores[i]) / Math.max(1, Math.abs(scores[i])));
  }
  expect(worst).toBeLessThan(2e-6);
  return found;
}

describe('tree ensembles read from ONNX files', () => {
  it.each([
    ['loans_gbm', sigmoid, 'TreeEnsembleRegressor'],
    ['loans_forest', (m: number) => m, 'TreeEnsembleClassifier'],
    ['loans_xgboost', sigmoid, 'TreeEnsembleRegressor'],
    ['diabetes_gbr', (m: number) => m, 'TreeEnsembleRegressor'],
  ] as const)('%s: the ensemble on the preprocessed features gives the model’s scores', async (name, link, op) => {
    const found = await compare(modelBytes(name), expectedScores(name).dataset, link);
    expect(found.opType).toBe(op);
    if (name === 'loans_xgboost') expect(found.ensemble.trees.some((t) => t.mode.some((m) => m === 1))).toBe(true); // BRANCH_LT
  });

  it.each(['gbdt', 'forest'] as const)('a Glassbox %s export (recipe graph in front)', async (kind) => {
    const dataset = 'src/core/inference/fixtures/loans_with_missing.csv';
    const table = await repoTable(dataset);
    const pipeline = trainPipeline(table, { target: 'default', kind, params: { nEstimators: 10, maxDepth: 5 }, exclude: ['applicant_id'], source: dataset });
    const bytes = await exportPipeline(pipeline, { dataSha256: null, dataName: 'loans' });
    const found = await compare(bytes, dataset, kind === 'gbdt' ? sigmoid : (m) => m);
    expect(found.ensemble.postTransform).toBe(kind === 'gbdt' ? 'LOGISTIC' : 'NONE');
  });

  it('a model without trees has none', () => {
    expect(readTreeEnsemble(modelBytes('loans_logistic'))).toBeNull();
  });
});

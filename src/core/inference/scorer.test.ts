/**
 * The Scorer against the Python models it was converted from: every fixture model scores its
 * dataset through onnxruntime-web equal to scikit-learn's / XGBoost's predict_proba (or
 * predict) — probabilities to 1e-5 absolute, regression values to 1e-5 relative.
 * Reference scores: scripts/fixtures/make_model_fixtures.py.
 */
import { describe, expect, it } from 'vitest';
import { CancelledError, ModelError } from '../errors/errors';
import { resolveMapping } from './inputMapping';
import { openScorer, SCORING_BATCH_SIZE } from './scorer';
import { predictionsFrom } from './predictions';
import { expectedScores, modelBytes, repoTable, VALID_MODELS } from './testing/modelFixtures';

describe('Scorer vs scikit-learn / XGBoost', () => {
  it.each(VALID_MODELS)('%s', async (name) => {
    const expected = expectedScores(name);
    const table = await repoTable(expected.dataset);
    const scorer = await openScorer(modelBytes(name));
    try {
      expect(scorer.signature.layout).toBe(expected.layout);
      expect(scorer.signature.task).toBe(expected.task);
      if (expected.task === 'classification') {
        expect(scorer.signature.classLabels).toEqual(expected.classLabels);
        expect(scorer.signature.positive).toEqual(expected.positive);
      }
      const mapping = resolveMapping(scorer.signature, table, expected.dataset);
      expect(mapping).toEqual(expected.features);
      const scores = await scorer.score(table, mapping);
      expect(scores).toBeInstanceOf(Float64Array);
      expect(scores.length).toBe(table.rowCount);
      let worst = 0;
      for (let i = 0; i < expected.rows; i++) {
        const e = expected.scores[i];
        const error = expected.task === 'classification' ? Math.abs(scores[i] - e) : Math.abs(scores[i] - e) / Math.max(1, Math.abs(e));
        worst = Math.max(worst, error);
      }
      expect(worst).toBeLessThan(1e-5);
    } finally {
      await scorer.dispose();
    }
  });
});

describe('Scorer rules', () => {
  it('is deterministic and independent of which rows are asked for (fixed batch size)', async () => {
    const expected = expectedScores('loans_gbm');
    const table = await repoTable(expected.dataset);
    const scorer = await openScorer(modelBytes('loans_gbm'));
    const mapping = resolveMapping(scorer.signature, table, 'loans');
    const all = await scorer.score(table, mapping);
    const again = await scorer.score(table, mapping);
    expect(Array.from(again)).toEqual(Array.from(all));
    // a row subset that crosses batch boundaries, in a different order
    const rows = Int32Array.from({ length: SCORING_BATCH_SIZE + 77 }, (_, k) => (k * 7919) % table.rowCount);
    const some = await scorer.score(table, mapping, { rows });
    rows.forEach((r, k) => expect(Math.abs(some[k] - all[r])).toBeLessThan(1e-6));
    await scorer.dispose();
  });

  it('reports progress per batch and stops when cancelled', async () => {
    const table = await repoTable('public/datasets/synthetic_loans.csv');
    const scorer = await openScorer(modelBytes('loans_logistic'));
    const mapping = resolveMapping(scorer.signature, table, 'loans');
    const progress: number[] = [];
    await scorer.score(table, mapping, { onProgress: (done, total) => progress.push(done / total) });
    expect(progress.length).toBe(Math.ceil(table.rowCount / SCORING_BATCH_SIZE));
    expect(progress.at(-1)).toBe(1);
    const controller = new AbortController();
    const run = scorer.score(table, mapping, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await scorer.dispose();
  });

  it('derives labels from the score and the threshold only', () => {
    const labels = predictionsFrom({ task: 'classification', classLabels: [0, 1] }, Float64Array.from([0.2, 0.5, 0.7, 0.4999999]), 0.5).prediction;
    expect(Array.from(labels)).toEqual([0, 1, 1, 0]);
  });
});

describe('unusable models are refused with a message naming the problem', () => {
  it.each([
    ['broken_not_onnx', /not an ONNX model/],
    ['broken_truncated', /not an ONNX model \(or it is truncated\)/],
    ['broken_zipmap', /ZipMap/],
    ['broken_unsupported_op', /operator 'FancyScore' from domain 'com\.example'/],
    ['broken_multiclass', /predicts 7 classes.*binarize the target/],
    ['broken_wrong_shape', /shape \[N, 4\] \(4 features\) but metadata feature_names lists 6 columns/],
  ])('%s', async (name, message) => {
    const open = openScorer(modelBytes(name));
    await expect(open).rejects.toBeInstanceOf(ModelError);
    await expect(openScorer(modelBytes(name))).rejects.toThrow(message);
  });

  it('a feature the data lacks is named', async () => {
    const table = await repoTable('public/datasets/synthetic_loans.csv');
    const scorer = await openScorer(modelBytes('broken_missing_column'));
    expect(() => resolveMapping(scorer.signature, table, 'synthetic_loans.csv')).toThrow(
      "the model needs a column 'monthly_income', which is not in synthetic_loans.csv",
    );
    await scorer.dispose();
  });
});

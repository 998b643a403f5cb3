/**
 * Whole pipelines (the default recipe + logistic or ridge) against scikit-learn's
 * (scripts/fixtures/make_pipeline_fixtures.py): the in-memory scores to 1e-6, and the exported
 * ONNX model scored by onnxruntime-web through the Scorer to 2e-6 (the in-memory tolerance plus the float32 output).
 */
import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../inference/inputMapping';
import { openScorer } from '../inference/scorer';
import { repoTable } from '../inference/testing/modelFixtures';
import fixtures from './fixtures/pipelines.json';
import { exportPipeline, predictPipeline, trainPipeline } from './trainPipeline';

type Case = { dataset: string; target: string; model: 'logistic' | 'linear'; l2: number; positive: string | null; rows: number; scores: number[] };
const cases = Object.entries(fixtures as Record<string, Case>);

function worstError(actual: Float64Array, expected: number[], relative: boolean): number {
  let worst = 0;
  expected.forEach((e, i) => {
    worst = Math.max(worst, Math.abs(actual[i] - e) / (relative ? Math.max(1, Math.abs(e)) : 1));
  });
  return worst;
}

describe('trainPipeline vs scikit-learn', () => {
  it.each(cases)('%s', async (_name, c) => {
    const table = await repoTable(c.dataset);
    const pipeline = trainPipeline(table, { target: c.target, kind: c.model, params: { l2: c.l2 }, positive: c.positive ?? undefined, source: c.dataset });
    const rows = Uint32Array.from({ length: c.rows }, (_, i) => i);
    const relative = c.model === 'linear';
    expect(worstError(predictPipeline(pipeline, table, rows), c.scores, relative)).toBeLessThan(1e-6);

    const bytes = await exportPipeline(pipeline, { dataSha256: null, dataName: c.dataset });
    const scorer = await openScorer(bytes);
    const scores = await scorer.score(table, resolveMapping(scorer.signature, table, c.dataset), { rows: Int32Array.from(rows) });
    await scorer.dispose();
    expect(worstError(scores, c.scores, relative)).toBeLessThan(2e-6);
    if (c.model === 'logistic') expect(scorer.signature.positive).toBe(pipeline.classLabels![1]);
    expect(scorer.description.metadata.recipe).toBe(JSON.stringify(pipeline.recipe));
  });
});

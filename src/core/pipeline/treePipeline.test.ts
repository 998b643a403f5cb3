/**
 * Tree pipelines (default recipe + CART tree, random forest or GBDT) exported as one ONNX file:
 * onnxruntime-web sends every row to the same leaf as memory (the leaves replaced by their node
 * numbers, recipe included, tree by tree), scores agree within float32 rounding, classifiers
 * output probabilities [1 − p, p] from a TreeEnsembleClassifier, regressors `variable` from a
 * TreeEnsembleRegressor, and every file passes onnx.checker.
 */
import { describe, expect, it } from 'vitest';
import { onnxChecker } from '../export/testing/onnxChecker';
import { resolveMapping } from '../inference/inputMapping';
import { readModelDescription } from '../inference/onnx/modelDescription';
import { ort } from '../inference/onnxRuntime';
import { openScorer } from '../inference/scorer';
import { repoTable } from '../inference/testing/modelFixtures';
import { applyRecipe } from '../recipe/applyRecipe';
import { leafOf, type Tree } from '../trees/tree';
import type { FittedModel } from './fittedModel';
import type { ModelKind } from './trainParams';
import { exportPipeline, predictPipeline, trainPipeline, type TrainedPipeline } from './trainPipeline';

const DATA = 'src/core/inference/fixtures/loans_with_missing.csv';

async function scoreBytes(bytes: Uint8Array, table: Awaited<ReturnType<typeof repoTable>>): Promise<Float64Array> {
  const scorer = await openScorer(bytes);
  const scores = await scorer.score(table, resolveMapping(scorer.signature, table, DATA));
  await scorer.dispose();
  return scores;
}

function treesOf(model: FittedModel): Tree[] {
  if (model.kind === 'gbdt') return model.gbdt.trees;
  if (model.kind === 'tree' || model.kind === 'forest') return model.forest.trees;
  throw new Error('not a tree model');
}

/** The pipeline with one of its trees alone, leaves = node numbers, as a regression tree: the file outputs the leaf each row reaches. */
function leafIdPipeline(pipeline: TrainedPipeline, tree: Tree): TrainedPipeline {
  const ids: Tree = { ...tree, value: Float64Array.from(tree.value, (_, k) => k) };
  return { ...pipeline, task: 'regression', classLabels: null, model: { kind: 'tree', forest: { kind: 'tree', task: 'regression', trees: [ids], bins: [] } } };
}

const CASES: [ModelKind, string, Record<string, number>][] = [
  ['tree', 'default', { maxDepth: 8 }],
  ['forest', 'default', { nEstimators: 8 }],
  ['gbdt', 'default', { nEstimators: 20 }],
  ['tree', 'income', { minSamplesLeaf: 5 }],
  ['forest', 'income', { nEstimators: 6, maxDepth: 10 }],
  ['gbdt', 'income', { nEstimators: 15 }],
];

describe('tree pipelines exported to ONNX', () => {
  it.each(CASES)('%s on %s: same leaves, same scores, checked file', async (kind, target, params) => {
    const table = await repoTable(DATA);
    const pipeline = trainPipeline(table, { target, kind, params, seed: 5, exclude: ['applicant_id'], source: DATA });
    expect(pipeline.task).toBe(target === 'default' ? 'classification' : 'regression');
    expect(pipeline.recipe.steps.some((s) => s.step === 'scale')).toBe(false); // trees need no scaling
    const all = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
    const trees = treesOf(pipeline.model);
    const features = applyRecipe(pipeline.fitted, table, all, DATA);
    for (const t of [0, trees.length - 1]) {
      const leaves = await scoreBytes(await exportPipeline(leafIdPipeline(pipeline, trees[t]), { dataSha256: null, dataName: DATA }), table);
      let differ = 0;
      for (let r = 0; r < table.rowCount; r++) if (leaves[r] !== leafOf(trees[t], features, r)) differ++;
      expect(differ, `tree ${t}`).toBe(0);
    }

    const bytes = await exportPipeline(pipeline, { dataSha256: null, dataName: DATA });
    const check = onnxChecker(bytes);
    if (check) expect(check).toEqual({ stderr: '', status: 0 });
    const description = readModelDescription(bytes);
    expect(description.metadata.model_kind).toBe(kind);
    expect(description.metadata.tree_count).toBe(String(trees.length));
    // the parameters as trained: given ones over the contract's defaults
    const effective = JSON.parse(description.metadata.effective_params);
    expect(effective).toMatchObject(params);
    if (kind === 'gbdt') expect(effective).toMatchObject({ learningRate: 0.1, l2: 1, minSamplesLeaf: 20, maxBins: 255 });
    if (kind === 'forest') expect(effective).toMatchObject({ colsampleByTree: 'sqrt', subsample: 1, minSamplesLeaf: 1 });
    const memory = predictPipeline(pipeline, table, all, DATA);
    const exported = await scoreBytes(bytes, table);
    let worst = 0;
    for (let r = 0; r < table.rowCount; r++) worst = Math.max(worst, Math.abs(exported[r] - memory[r]) / Math.max(1, Math.abs(memory[r])));
    expect(worst).toBeLessThan(2e-6);

    // the raw outputs: [1 − p, p] and a label for classifiers, `variable` for regressors
    const session = await ort.InferenceSession.create(bytes);
    expect([...session.outputNames]).toEqual(pipeline.task === 'classification' ? ['label', 'probabilities'] : ['variable']);
    await session.release();
  });
});

/**
 * Trees trained in memory and exported as a TreeEnsembleRegressor: onnxruntime-web sends every
 * training row to the same leaf as memory (checked tree by tree, with each leaf's weight set to
 * its node number so the output is the leaf), and the ensemble's margin equals memory's to the
 * float32 rounding of the leaf values. Exported as a TreeEnsembleClassifier, the probabilities are
 * [1 − p, p] with memory's p and the label the more likely class. The files pass onnx.checker when
 * python3-onnx is there.
 */
import { onnxChecker } from './testing/onnxChecker';
import { describe, expect, it } from 'vitest';
import { numberAt } from '../data/modelEncoding';
import { resolveMapping } from '../inference/inputMapping';
import { OnnxGraph } from '../inference/onnx/modelBuilder';
import { openScorer } from '../inference/scorer';
import { repoTable } from '../inference/testing/modelFixtures';
import { gbdtMargins, trainGbdt } from '../trees/gbdt';
import { leafOf, type Tree } from '../trees/tree';
import { treeEnsembleClassifierGraph, treeEnsembleGraph } from './treeEnsembleGraph';
import { ort, runtimeThreads } from '../inference/onnxRuntime';
import { forestPredict, trainForest } from '../trees/forest';

const COLUMNS = ['age', 'income', 'loan_amount', 'term_months', 'credit_history_len', 'num_prior_defaults'];

function ensembleModel(trees: Tree[], base: number): Uint8Array {
  const graph = new OnnxGraph('trees_test');
  const x = graph.input('features', 'float32', ['N', COLUMNS.length]);
  const margin = treeEnsembleGraph(graph, trees, base, x);
  graph.node('Identity', [margin], 'variable');
  graph.output('variable', 'float32', ['N', 1]);
  return graph.toBytes({ producerName: 'glassbox-test', producerVersion: 'test', opsets: { '': 17, 'ai.onnx.ml': 3 }, metadata: { feature_names: JSON.stringify(COLUMNS), task: 'regression' } });
}

describe('tree ensembles exported to ONNX', () => {
  it('every training row reaches the same leaf in onnxruntime as in memory; margins agree', async () => {
    const table = await repoTable('src/core/inference/fixtures/loans_with_missing.csv');
    const columns = COLUMNS.map((name) => table.columns.find((c) => c.name === name)!);
    const n = table.rowCount;
    const features = columns.map((c) => Float64Array.from({ length: n }, (_, r) => numberAt(c, r)));
    expect(features.some((f) => f.some(Number.isNaN))).toBe(true); // missing values take the learned direction
    const target = table.columns.find((c) => c.name === 'default')!;
    const y = Float64Array.from({ length: n }, (_, r) => numberAt(target, r));
    const model = trainGbdt(features, y, 'classification', { nEstimators: 12, maxDepth: 5, minSamplesLeaf: 10 }, { seed: 1 });

    for (const [t, tree] of model.trees.entries()) {
      const leafIds: Tree = { ...tree, value: Float64Array.from(tree.value, (_, k) => k) };
      const scorer = await openScorer(ensembleModel([leafIds], 0));
      const leaves = await scorer.score(table, resolveMapping(scorer.signature, table, 'test'));
      await scorer.dispose();
      let differ = 0;
      for (let r = 0; r < n; r++) if (leaves[r] !== leafOf(tree, features, r)) differ++;
      expect(differ, `tree ${t}`).toBe(0);
    }

    const bytes = ensembleModel(model.trees, model.baseMargin);
    const scorer = await openScorer(bytes);
    const margins = await scorer.score(table, resolveMapping(scorer.signature, table, 'test'));
    await scorer.dispose();
    const memory = gbdtMargins(model, features, n);
    let worst = 0;
    for (let r = 0; r < n; r++) worst = Math.max(worst, Math.abs(margins[r] - memory[r]));
    expect(worst).toBeLessThan(1e-5);

    const check = onnxChecker(bytes);
    if (check) expect(check).toEqual({ stderr: '', status: 0 });
  });

  it('a TreeEnsembleClassifier outputs [1 − p, p]: p = σ(base + Σ leaves) for boosting, the mean of the leaves for a forest', async () => {
    const x = [Float64Array.from({ length: 400 }, (_, i) => (i * 37) % 101), Float64Array.from({ length: 400 }, (_, i) => ((i * 53) % 89) / 7)];
    const y = Float64Array.from({ length: 400 }, (_, i) => (x[0][i] + 3 * x[1][i] > 60 ? 1 : 0));
    const gbdt = trainGbdt(x, y, 'classification', { nEstimators: 5, maxDepth: 3, minSamplesLeaf: 5 }, { seed: 1 });
    const forest = trainForest('forest', x, y, 'classification', { nEstimators: 4, maxDepth: 4 }, { seed: 1 });
    const cases = [
      { trees: gbdt.trees, head: { base: gbdt.baseMargin, leafScale: 1, postTransform: 'LOGISTIC' as const, classLabels: [0, 1] }, p: gbdtMargins(gbdt, x, 400).map((m) => 1 / (1 + Math.exp(-m))) },
      { trees: forest.trees, head: { base: 0, leafScale: 1 / forest.trees.length, postTransform: 'NONE' as const, classLabels: ['no', 'yes'] }, p: forestPredict(forest, x, 400) },
    ];
    runtimeThreads();
    for (const c of cases) {
      const graph = new OnnxGraph('classifier_test');
      const input = graph.input('x', 'float32', ['N', 2]);
      const { labelType } = treeEnsembleClassifierGraph(graph, c.trees, c.head, input);
      graph.output('label', labelType, ['N']);
      graph.output('probabilities', 'float32', ['N', 2]);
      const bytes = graph.toBytes({ producerName: 'glassbox-test', producerVersion: 'test', opsets: { '': 17, 'ai.onnx.ml': 3 }, metadata: {} });
      const check = onnxChecker(bytes);
      if (check) expect(check).toEqual({ stderr: '', status: 0 });
      const session = await ort.InferenceSession.create(bytes);
      const feed = new Float32Array(800);
      for (let i = 0; i < 400; i++) [feed[2 * i], feed[2 * i + 1]] = [x[0][i], x[1][i]];
      const out = await session.run({ x: new ort.Tensor('float32', feed, [400, 2]) });
      await session.release();
      const probabilities = out.probabilities.data as Float32Array;
      const labels = Array.from(out.label.data as ArrayLike<unknown>, String);
      for (let i = 0; i < 400; i++) {
        expect(Math.abs(probabilities[2 * i + 1] - c.p[i])).toBeLessThan(1e-6);
        expect(Math.abs(probabilities[2 * i] - (1 - c.p[i]))).toBeLessThan(1e-6);
        expect(labels[i]).toBe(String(c.head.classLabels[c.p[i] > 0.5 ? 1 : 0]));
      }
    }
  });
});

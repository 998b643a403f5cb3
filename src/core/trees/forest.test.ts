/**
 * Random forests: reproducible by seed; bootstrap and feature sampling change the trees; on
 * held-out data the forest is as good as scikit-learn's RandomForestClassifier/-Regressor with
 * 100 trees (scripts/fixtures/make_tree_fixtures.py; random streams differ, so quality within a
 * margin, not digits), and clearly better than one tree.
 */
import { describe, expect, it } from 'vitest';
import { binaryMetrics, scoreOrder } from '../validation/binaryMetrics';
import { regressionMetrics } from '../validation/regressionMetrics';
import fixture from './fixtures/trees.json';
import { forestPredict, trainForest } from './forest';

const { x, yClass, yValue, trainRows } = fixture.forest;
const n = yClass.length;
const train = x.map((c) => Float64Array.from(c.slice(0, trainRows)));
const test = x.map((c) => Float64Array.from(c.slice(trainRows)));
const testN = n - trainRows;

const auc = (y: number[], p: Float64Array) => binaryMetrics(Uint8Array.from(y), p, 0.5, scoreOrder(p)).auc!;
const r2 = (y: number[], p: Float64Array) => regressionMetrics(Float64Array.from(y), p).r2!;

describe('random forest', () => {
  it('the same seed grows the same forest; another seed another one', () => {
    const a = trainForest('forest', train, yClass.slice(0, trainRows), 'classification', { nEstimators: 5 }, { seed: 3 });
    const b = trainForest('forest', train, yClass.slice(0, trainRows), 'classification', { nEstimators: 5 }, { seed: 3 });
    const c = trainForest('forest', train, yClass.slice(0, trainRows), 'classification', { nEstimators: 5 }, { seed: 4 });
    expect(a.trees).toEqual(b.trees);
    expect(Array.from(forestPredict(a, test, testN))).toEqual(Array.from(forestPredict(b, test, testN)));
    expect(Array.from(forestPredict(a, test, testN))).not.toEqual(Array.from(forestPredict(c, test, testN)));
    // every tree differs from the others (bootstrap + √F features per split)
    expect(a.trees[0].feature.length === a.trees[1].feature.length && a.trees[0].threshold.every((t, k) => t === a.trees[1].threshold[k])).toBe(false);
  });

  it('classifies as well as scikit-learn’s forest on held-out rows, better than one tree', () => {
    const y = yClass.slice(0, trainRows);
    const forest = auc(yClass.slice(trainRows), forestPredict(trainForest('forest', train, y, 'classification', {}, { seed: 1 }), test, testN));
    const tree = auc(yClass.slice(trainRows), forestPredict(trainForest('tree', train, y, 'classification'), test, testN));
    expect(Math.abs(forest - fixture.forest.sklearnAuc)).toBeLessThan(0.015);
    expect(forest).toBeGreaterThan(tree + 0.05);
  });

  it('regresses as well as scikit-learn’s forest on held-out rows', () => {
    const forest = r2(yValue.slice(trainRows), forestPredict(trainForest('forest', train, yValue.slice(0, trainRows), 'regression', {}, { seed: 1 }), test, testN));
    expect(Math.abs(forest - fixture.forest.sklearnR2)).toBeLessThan(0.015);
  });

  it('reports progress per tree and honours subsample and colsampleByTree', () => {
    const seen: number[] = [];
    const model = trainForest('forest', train, yClass.slice(0, trainRows), 'classification', { nEstimators: 3, subsample: 0.1, colsampleByTree: 1, maxDepth: 3 }, { onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([1, 2, 3]);
    for (const tree of model.trees) expect(tree.feature.length).toBeLessThanOrEqual(15);
  });
});

/**
 * CART trees: hand-made data with splits worked out by hand, a brute-force Gini search, and
 * scikit-learn's DecisionTreeClassifier/-Regressor (scripts/fixtures/make_tree_fixtures.py) —
 * same partition of the training rows, hence the same training-row predictions and node count.
 */
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/trees.json';
import { forestPredict, trainForest } from './forest';
import { leafOf } from './tree';

const cols = (...c: number[][]) => c.map((v) => Float64Array.from(v));

describe('CART', () => {
  it('splits a separable feature once, at the midpoint between the sides (as scikit-learn)', () => {
    const model = trainForest('tree', cols([1, 2, 3, 4, 5, 6], [5, 5, 1, 5, 1, 5]), [0, 0, 0, 1, 1, 1], 'classification');
    const [tree] = model.trees;
    expect(Array.from(tree.feature)).toEqual([0, -1, -1]);
    expect(tree.threshold[0]).toBe(3.5);
    expect(Array.from(tree.value)).toEqual([0.5, 0, 1]);
  });

  it('picks the split of lowest weighted Gini (brute force over every feature and threshold)', () => {
    // feature 0 separates 5 of 6 positives; feature 1 only 4 of them
    const x0 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const x1 = [3, 1, 2, 6, 5, 4, 12, 11, 10, 9, 8, 7];
    const y = [0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1];
    const gini = (ys: number[]) => (ys.length === 0 ? 0 : 2 * (ys.reduce((a, b) => a + b, 0) / ys.length) * (1 - ys.reduce((a, b) => a + b, 0) / ys.length));
    let best = { feature: -1, threshold: 0, impurity: Infinity };
    [x0, x1].forEach((x, f) => {
      for (const t of [...new Set(x)].sort((a, b) => a - b).slice(0, -1)) {
        const left = y.filter((_, i) => x[i] <= t);
        const right = y.filter((_, i) => x[i] > t);
        const impurity = (left.length * gini(left) + right.length * gini(right)) / y.length;
        const next = Math.min(...x.filter((v) => v > t));
        if (impurity < best.impurity - 1e-12) best = { feature: f, threshold: (t + next) / 2, impurity };
      }
    });
    const [tree] = trainForest('tree', cols(x0, x1), y, 'classification', { maxDepth: 1 }).trees;
    expect(tree.feature[0]).toBe(best.feature);
    expect(tree.threshold[0]).toBe(best.threshold);
  });

  it('learns XOR: the first split has no Gini gain, and scikit-learn still makes it', () => {
    const x0 = [0, 0, 1, 1, 0, 0, 1, 1];
    const x1 = [0, 1, 0, 1, 0, 1, 0, 1];
    const y = x0.map((v, i) => v ^ x1[i]);
    const model = trainForest('tree', cols(x0, x1), y, 'classification');
    expect(Array.from(forestPredict(model, cols(x0, x1), 8))).toEqual(y);
    expect(model.trees[0].feature.filter((f) => f >= 0).length).toBe(3);
  });

  it('sends missing values to the side that lowers the impurity, and stops at minSamplesLeaf and maxDepth', () => {
    const x = [1, 2, 3, NaN, NaN, 4, 5, 6];
    const y = [0, 0, 0, 1, 1, 1, 1, 1];
    const [tree] = trainForest('tree', cols(x), y, 'classification').trees;
    expect(tree.threshold[0]).toBe(3.5);
    expect(tree.missingLeft[0]).toBe(0); // missing rows are positives, as the right side
    expect(leafOf(tree, [Float64Array.of(NaN)], 0)).toBe(tree.right[0]);
    const shallow = trainForest('tree', cols([1, 2, 3, 4, 5, 6, 7, 8]), [0, 1, 0, 1, 0, 1, 0, 1], 'classification', { maxDepth: 2 }).trees[0];
    let depth = 0;
    const walk = (node: number, d: number) => {
      depth = Math.max(depth, d);
      if (shallow.feature[node] >= 0) [shallow.left[node], shallow.right[node]].forEach((c) => walk(c, d + 1));
    };
    walk(0, 0);
    expect(depth).toBe(2);
    const leafy = trainForest('tree', cols([1, 2, 3, 4, 5, 6, 7, 8]), [0, 1, 0, 1, 0, 1, 0, 1], 'classification', { minSamplesLeaf: 3 }).trees[0];
    expect(leafy.feature.filter((f) => f >= 0).length).toBe(1); // 8 rows: one split into 3 + 5 or 4 + 4 at most
  });

  describe('equals scikit-learn on the training rows and on new rows', () => {
    const { x, xTest, yClass, yValue, cases } = fixture.cart;
    const features = x.map((c) => Float64Array.from(c));
    const testFeatures = xTest.map((c) => Float64Array.from(c));
    const n = yClass.length;
    const worstOf = (a: Float64Array, b: number[]) => a.reduce((w, v, i) => Math.max(w, Math.abs(v - b[i])), 0);
    const sse = (p: Float64Array, y: number[]) => p.reduce((s, v, i) => s + (v - y[i]) ** 2, 0);
    it('most fixture trees have no tied splits, so new rows are compared', () => {
      expect(cases.filter((c) => !c.classifier.ties).length + cases.filter((c) => !c.regressor.ties).length).toBeGreaterThanOrEqual(7);
    });
    for (const c of cases) {
      const params = { ...(c.maxDepth === null ? {} : { maxDepth: c.maxDepth }), minSamplesLeaf: c.minSamplesLeaf };
      const kinds = [
        { name: 'classifier', task: 'classification' as const, y: yClass, ref: { train: c.classifier.proba, test: c.classifier.probaTest, ...c.classifier }, tolerance: 1e-12 },
        { name: 'regressor', task: 'regression' as const, y: yValue, ref: { train: c.regressor.prediction, test: c.regressor.predictionTest, ...c.regressor }, tolerance: 1e-9 },
      ];
      for (const { name, task, y, ref, tolerance } of kinds) {
        it(`${name}, max_depth ${c.maxDepth ?? 'None'}, min_samples_leaf ${c.minSamplesLeaf}`, () => {
          const model = trainForest('tree', features, y, task, params);
          const fitted = forestPredict(model, features, n);
          if (ref.ties) {
            // a tied split: scikit-learn's random feature order decides which, so the trees may part
            // ways there; both fit the training rows about as well
            const theirs = sse(Float64Array.from(ref.train), y);
            expect(Math.abs(sse(fitted, y) - theirs)).toBeLessThan(0.1 * theirs);
            return;
          }
          expect(worstOf(fitted, ref.train)).toBeLessThan(tolerance);
          expect(model.trees[0].feature.length).toBe(ref.nodeCount);
          expect(worstOf(forestPredict(model, testFeatures, testFeatures[0].length), ref.test)).toBeLessThan(tolerance);
        });
      }
    }
  });
});

/**
 * Interventional TreeSHAP against brute force: the Shapley values of v(S) = mean_b f(x_S, b_notS)
 * computed by enumerating every coalition of players and evaluating the ensemble on the hybrid
 * rows — for boosted trees, a forest (AVERAGE) with missing values, grouped features (one player
 * owning several one-hot features) and hand-made trees with other comparison modes. Efficiency:
 * base + Σ values = f(x).
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom';
import { trainForest } from '../trees/forest';
import { trainGbdt } from '../trees/gbdt';
import { ensembleOfTrees, ensembleScore, type TreeEnsemble } from './treeEnsemble';
import { treeShap } from './treeShap';
import { bruteForceShapley } from './testing/bruteForce';

function bruteForce(ensemble: TreeEnsemble, x: ArrayLike<number>, background: readonly ArrayLike<number>[], playerOf: ArrayLike<number>, players: number): number[] {
  return bruteForceShapley(players, (mask) => {
    let sum = 0;
    for (const b of background) sum += ensembleScore(ensemble, (f) => ((mask >> playerOf[f]) & 1 ? x[f] : b[f]));
    return sum / background.length;
  });
}

function data(n: number, features: number, seed: number, missing = 0) {
  const rng = seededRandom(seed);
  const rows = Array.from({ length: n }, () => Float64Array.from({ length: features }, (_, j) => (rng.next() < missing ? NaN : j >= 2 && features > 4 ? (rng.next() < 0.3 ? 1 : 0) : Math.round(rng.next() * 40) / 4)));
  const columns = Array.from({ length: features }, (_, j) => Float64Array.from(rows, (r) => r[j]));
  const y = Float64Array.from(rows, (r) => ((Number.isNaN(r[0]) ? 3 : r[0]) + (Number.isNaN(r[1]) ? 2 : r[1]) * (r[features - 1] === 1 ? 1 : 0.3) + (r[2] === 1 && r[3] === 0 ? 3 - (Number.isNaN(r[0]) ? 3 : r[0]) / 2 : 0) + rng.next() * 4 > 7 ? 1 : 0));
  return { rows, columns, y };
}

function check(ensemble: TreeEnsemble, rows: Float64Array[], background: Float64Array[], playerOf: number[], players: number) {
  const result = treeShap(ensemble, rows, background, playerOf, players);
  const base = background.reduce((s, b) => s + ensembleScore(ensemble, (f) => b[f]), 0) / background.length;
  expect(result.base).toBeCloseTo(base, 12);
  rows.forEach((x, r) => {
    const expected = bruteForce(ensemble, x, background, playerOf, players);
    for (let p = 0; p < players; p++) expect(Math.abs(result.values[r][p] - expected[p])).toBeLessThan(1e-12);
    const fx = ensembleScore(ensemble, (f) => x[f]);
    expect(result.prediction[r]).toBe(fx);
    expect(Math.abs(result.base + result.values[r].reduce((a, b) => a + b, 0) - fx)).toBeLessThan(1e-12);
  });
  return result;
}

describe('interventional TreeSHAP', () => {
  it('boosted trees: equal to brute force, efficient', () => {
    const { rows, columns, y } = data(300, 4, 1);
    const model = trainGbdt(columns, y, 'classification', { nEstimators: 8, maxDepth: 4, minSamplesLeaf: 5 });
    const ensemble = ensembleOfTrees(model.trees, model.baseMargin, 'SUM');
    const result = check(ensemble, rows.slice(0, 6), rows.slice(100, 125), [0, 1, 2, 3], 4);
    expect(result.values.some((v) => v.every((p) => p !== 0))).toBe(true);
  });

  it('a forest (mean of trees) with missing values: equal to brute force', () => {
    const { rows, columns, y } = data(300, 4, 2, 0.15);
    const model = trainForest('forest', columns, y, 'classification', { nEstimators: 5, maxDepth: 5 }, { seed: 3 });
    check(ensembleOfTrees(model.trees, 0, 'AVERAGE'), rows.slice(0, 6), rows.slice(200, 220), [0, 1, 2, 3], 4);
  });

  it('grouped players: a player owning several features gets its exact grouped Shapley value, not a sum', () => {
    // features 2, 3, 4 are one-hot indicators of one raw column: player 2
    const { rows, columns, y } = data(400, 5, 4);
    const model = trainGbdt(columns, y, 'classification', { nEstimators: 10, maxDepth: 4, minSamplesLeaf: 3 });
    const ensemble = ensembleOfTrees(model.trees, model.baseMargin, 'SUM');
    const grouped = check(ensemble, rows.slice(0, 5), rows.slice(300, 320), [0, 1, 2, 2, 2], 3);
    // the per-feature values summed over the group differ from the grouped value in general
    const single = treeShap(ensemble, rows.slice(0, 5), rows.slice(300, 320), [0, 1, 2, 3, 4], 5);
    const summed = single.values.map((v) => v[2] + v[3] + v[4]);
    expect(summed.some((s, r) => Math.abs(s - grouped.values[r][2]) > 1e-9)).toBe(true);
  });

  it('hand-made trees with BRANCH_LT / GTE / EQ and missing directions', () => {
    const tree = (mode: number[]) => ({
      feature: Int32Array.from([0, 1, -1, -1, 2, -1, -1]),
      threshold: Float64Array.from([2, 0.5, 0, 0, 1, 0, 0]),
      mode: Uint8Array.from(mode),
      whenTrue: Int32Array.from([1, 2, 0, 0, 5, 0, 0]),
      whenFalse: Int32Array.from([4, 3, 0, 0, 6, 0, 0]),
      missingTrue: Uint8Array.from([1, 0, 0, 0, 1, 0, 0]),
      value: Float64Array.from([0, 0, 1.5, -2, 0, 0.25, 4]),
    });
    const ensemble: TreeEnsemble = { trees: [tree([1, 2, 0, 0, 4, 0, 0]), tree([3, 5, 0, 0, 0, 0, 0])], base: 0.1, aggregate: 'SUM', postTransform: 'NONE', features: 3 };
    const rows = [Float64Array.of(1, 0.5, 1), Float64Array.of(3, NaN, 0), Float64Array.of(NaN, 0, 1), Float64Array.of(2, 1, 2)];
    check(ensemble, rows, [Float64Array.of(2, 0, 1), Float64Array.of(0, 1, NaN), Float64Array.of(5, 0.5, 0)], [0, 1, 2], 3);
  });
});

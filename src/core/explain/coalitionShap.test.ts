/**
 * Coalition-based Shapley values against TreeSHAP, an independent algorithm for the same game
 * (v(S) = mean over the background of a tree ensemble on hybrid rows): exact enumeration agrees
 * to 1e-12; KernelSHAP agrees within its reported standard errors, is efficient, and its errors
 * shrink with more samples.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom';
import { trainGbdt } from '../trees/gbdt';
import { exactShapley, kernelShapley, type CoalitionValues } from './coalitionShap';
import { ensembleOfTrees, ensembleScore } from './treeEnsemble';
import { treeShap } from './treeShap';

function game(players: number, seed: number) {
  const rng = seededRandom(seed);
  const rows = Array.from({ length: 300 }, () => Float64Array.from({ length: players }, () => Math.round(rng.next() * 20) / 2));
  const columns = Array.from({ length: players }, (_, j) => Float64Array.from(rows, (r) => r[j]));
  const y = Float64Array.from(rows, (r) => (r[0] * r[1] / 10 + (r[2] > 5 ? 2 : 0) - r[players - 1] / 4 + rng.next() * 2 > 4 ? 1 : 0));
  const model = trainGbdt(columns, y, 'classification', { nEstimators: 12, maxDepth: 4, minSamplesLeaf: 5 });
  const ensemble = ensembleOfTrees(model.trees, model.baseMargin, 'SUM');
  const x = rows[0];
  const background = rows.slice(100, 130);
  const v: CoalitionValues = async (coalitions, count) => {
    const out = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const z = coalitions.subarray(k * players, (k + 1) * players);
      let sum = 0;
      for (const b of background) sum += ensembleScore(ensemble, (f) => (z[f] ? x[f] : b[f]));
      out[k] = sum / background.length;
    }
    return out;
  };
  const tree = treeShap(ensemble, [x], background, Array.from({ length: players }, (_, i) => i), players);
  return { v, tree };
}

describe('Shapley values from coalitions', () => {
  it('exact enumeration equals TreeSHAP on the same game', async () => {
    const { v, tree } = game(6, 1);
    const phi = await exactShapley(6, v);
    for (let i = 0; i < 6; i++) expect(Math.abs(phi[i] - tree.values[0][i])).toBeLessThan(1e-12);
  });

  it('KernelSHAP: efficient, within its standard errors of the exact values, tighter with more samples', async () => {
    const players = 9;
    const { v, tree } = game(players, 2);
    const exact = tree.values[0];
    const small = await kernelShapley(players, v, 512, seededRandom(3));
    const large = await kernelShapley(players, v, 4096, seededRandom(3));
    for (const est of [small, large]) {
      const sum = est.values.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - (est.full - est.empty))).toBeLessThan(1e-9);
      for (let i = 0; i < players; i++) expect(Math.abs(est.values[i] - exact[i])).toBeLessThan(4 * est.stderr[i] + 1e-9);
    }
    const meanSe = (e: typeof small) => e.stderr.reduce((a, b) => a + b, 0) / players;
    expect(meanSe(large)).toBeLessThan(meanSe(small));
    await expect(exactShapley(13, v)).rejects.toThrow(/at most 12 players/);
  });
});

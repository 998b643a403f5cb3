/**
 * Exact interventional Shapley values of a tree ensemble's margin (Lundberg et al. 2020,
 * "From local explanations to global understanding with explainable AI for trees", the
 * interventional / independent Tree SHAP), with features grouped into players.
 *
 * For one explained row x and one background row b, the game is v(S) = f(x_S, b_notS): the
 * players in S take x's values of all their features, the others b's. Walking a tree, a node
 * where x and b go the same way is followed; where they part, the node's player decides — a
 * player already committed to x (or b) on this path follows x (or b), an uncommitted one splits
 * the walk in two. A leaf reached with players P_x committed to x and P_b to b contributes the
 * game w·[P_x ⊆ S][P_b ∩ S = ∅], whose Shapley values are exactly
 *   i ∈ P_x:  w (|P_x| − 1)! |P_b|! / (|P_x| + |P_b|)!
 *   j ∈ P_b: −w |P_x|! (|P_b| − 1)! / (|P_x| + |P_b|)!
 * The values against a background are the mean over its rows (weight 1/|bg| each), and
 * base + Σ φ = f(x) holds with base = mean_b f(b). A player owning several features (a raw
 * column one-hot encoded into several) is one player throughout: grouped Shapley values, not sums
 * of per-feature ones.
 */
import { ensembleScore, takesTrue, type TreeEnsemble } from './treeEnsemble';

export interface TreeShapResult {
  /** mean_b f(b). */
  base: number;
  /** Per explained row, one value per player. */
  values: Float64Array[];
  /** Per explained row, f(x) (the margin). */
  prediction: Float64Array;
}

/**
 * `rows[i][j]` / `background[k][j]`: feature j of an explained / background row (float values;
 * NaN = missing). `playerOf[j]`: the player feature j belongs to (0 … players − 1).
 */
export function treeShap(ensemble: TreeEnsemble, rows: readonly ArrayLike<number>[], background: readonly ArrayLike<number>[], playerOf: ArrayLike<number>, players: number): TreeShapResult {
  const scale = ensemble.aggregate === 'AVERAGE' ? 1 / ensemble.trees.length : 1;
  const nb = background.length;
  // the x-side and b-side factors of a leaf with a players committed to x and c to b (a + c ≤ players)
  const fact = [1];
  for (let k = 1; k <= players; k++) fact.push(fact[k - 1] * k);
  const xWeight = (a: number, c: number) => (fact[a - 1] * fact[c]) / fact[a + c];
  const bWeight = (a: number, c: number) => (fact[a] * fact[c - 1]) / fact[a + c];

  let base = 0;
  for (const b of background) base += ensembleScore(ensemble, (f) => b[f]);
  base /= nb;

  const state = new Uint8Array(players); // 0 free, 1 committed to x, 2 committed to b
  const committedX: number[] = [];
  const committedB: number[] = [];
  const values: Float64Array[] = [];
  const prediction = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r];
    const phi = new Float64Array(players);
    prediction[r] = ensembleScore(ensemble, (f) => x[f]);
    for (const b of background) {
      for (const tree of ensemble.trees) {
        const walk = (node: number): void => {
          const f = tree.feature[node];
          if (f < 0) {
            const a = committedX.length;
            const c = committedB.length;
            if (a + c === 0) return;
            const w = tree.value[node] * scale;
            if (a > 0) {
              const wx = w * xWeight(a, c);
              for (const p of committedX) phi[p] += wx;
            }
            if (c > 0) {
              const wb = w * bWeight(a, c);
              for (const p of committedB) phi[p] -= wb;
            }
            return;
          }
          const xTrue = takesTrue(tree, node, x[f]);
          const bTrue = takesTrue(tree, node, b[f]);
          const xChild = xTrue ? tree.whenTrue[node] : tree.whenFalse[node];
          if (xTrue === bTrue) return walk(xChild);
          const bChild = bTrue ? tree.whenTrue[node] : tree.whenFalse[node];
          const p = playerOf[f];
          if (state[p] === 1) return walk(xChild);
          if (state[p] === 2) return walk(bChild);
          state[p] = 1;
          committedX.push(p);
          walk(xChild);
          committedX.pop();
          state[p] = 2;
          committedB.push(p);
          walk(bChild);
          committedB.pop();
          state[p] = 0;
        };
        walk(0);
      }
    }
    for (let p = 0; p < players; p++) phi[p] /= nb;
    values.push(phi);
  }
  return { base, values, prediction };
}

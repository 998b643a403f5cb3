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
 *
 * Speed: every row's branch decisions are computed once per tree node (the background's once for
 * all explained rows), and the walk runs on those bits with preallocated stacks — no closures,
 * no allocation per (row, background row, tree).
 */
import { ensembleScore, takesTrue, type EnsembleTree, type TreeEnsemble } from './treeEnsemble';

export interface TreeShapResult {
  /** mean_b f(b). */
  base: number;
  /** Per explained row, one value per player. */
  values: Float64Array[];
  /** Per explained row, f(x) (the margin). */
  prediction: Float64Array;
}

interface Walk {
  tree: EnsembleTree;
  /** Branch decisions (1 = the "true" child) of the explained and the background row, at `offset` + node. */
  xDir: Uint8Array;
  bDir: Uint8Array;
  xAt: number;
  bAt: number;
  playerOf: ArrayLike<number>;
  state: Uint8Array;
  committedX: Int32Array;
  committedB: Int32Array;
  a: number;
  c: number;
  phi: Float64Array;
  scale: number;
  /** xWeight[a·(P+1) + c], bWeight[…]: the leaf factors. */
  xWeight: Float64Array;
  bWeight: Float64Array;
  stride: number;
}

function walk(w: Walk, node: number): void {
  const tree = w.tree;
  const f = tree.feature[node];
  if (f < 0) {
    const a = w.a;
    const c = w.c;
    if (a + c === 0) return;
    const value = tree.value[node] * w.scale;
    if (a > 0) {
      const wx = value * w.xWeight[a * w.stride + c];
      for (let k = 0; k < a; k++) w.phi[w.committedX[k]] += wx;
    }
    if (c > 0) {
      const wb = value * w.bWeight[a * w.stride + c];
      for (let k = 0; k < c; k++) w.phi[w.committedB[k]] -= wb;
    }
    return;
  }
  const xTrue = w.xDir[w.xAt + node];
  const xChild = xTrue ? tree.whenTrue[node] : tree.whenFalse[node];
  if (xTrue === w.bDir[w.bAt + node]) return walk(w, xChild);
  const bChild = xTrue ? tree.whenFalse[node] : tree.whenTrue[node];
  const p = w.playerOf[f];
  const s = w.state[p];
  if (s === 1) return walk(w, xChild);
  if (s === 2) return walk(w, bChild);
  w.state[p] = 1;
  w.committedX[w.a++] = p;
  walk(w, xChild);
  w.a--;
  w.state[p] = 2;
  w.committedB[w.c++] = p;
  walk(w, bChild);
  w.c--;
  w.state[p] = 0;
}

/** Branch decisions of one row at every node of every tree (1 = the "true" child; leaves 0). */
function decisions(ensemble: TreeEnsemble, offsets: Int32Array, x: ArrayLike<number>, out: Uint8Array, at: number): void {
  ensemble.trees.forEach((tree, t) => {
    const base = at + offsets[t];
    for (let k = 0; k < tree.feature.length; k++) {
      const f = tree.feature[k];
      out[base + k] = f >= 0 && takesTrue(tree, k, x[f]) ? 1 : 0;
    }
  });
}

function leafByDecisions(tree: EnsembleTree, dir: Uint8Array, at: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = dir[at + node] ? tree.whenTrue[node] : tree.whenFalse[node];
  return node;
}

/**
 * `rows[i][j]` / `background[k][j]`: feature j of an explained / background row (float values;
 * NaN = missing). `playerOf[j]`: the player feature j belongs to (0 … players − 1).
 */
export function treeShap(ensemble: TreeEnsemble, rows: readonly ArrayLike<number>[], background: readonly ArrayLike<number>[], playerOf: ArrayLike<number>, players: number): TreeShapResult {
  const scale = ensemble.aggregate === 'AVERAGE' ? 1 / ensemble.trees.length : 1;
  const nb = background.length;
  const offsets = new Int32Array(ensemble.trees.length);
  let total = 0;
  ensemble.trees.forEach((t, i) => {
    offsets[i] = total;
    total += t.feature.length;
  });
  // the leaf factors for a players committed to x and c to b (a + c ≤ players)
  const fact = [1];
  for (let k = 1; k <= players; k++) fact.push(fact[k - 1] * k);
  const stride = players + 1;
  const xWeight = new Float64Array(stride * stride);
  const bWeight = new Float64Array(stride * stride);
  for (let a = 0; a <= players; a++) {
    for (let c = 0; a + c <= players; c++) {
      if (a > 0) xWeight[a * stride + c] = (fact[a - 1] * fact[c]) / fact[a + c];
      if (c > 0) bWeight[a * stride + c] = (fact[a] * fact[c - 1]) / fact[a + c];
    }
  }

  let base = 0;
  for (const b of background) base += ensembleScore(ensemble, (f) => b[f]);
  base /= nb;
  const bDir = new Uint8Array(nb * total);
  background.forEach((b, k) => decisions(ensemble, offsets, b, bDir, k * total));
  const xDir = new Uint8Array(total);
  // the leaf each background row reaches in each tree: where x reaches the same one, the two rows
  // took the same path and that tree adds nothing to x's values against this background row
  const trees = ensemble.trees.length;
  const bLeaf = new Int32Array(nb * trees);
  for (let k = 0; k < nb; k++) for (let t = 0; t < trees; t++) bLeaf[k * trees + t] = leafByDecisions(ensemble.trees[t], bDir, k * total + offsets[t]);
  const xLeaf = new Int32Array(trees);

  const w: Walk = {
    tree: ensemble.trees[0],
    xDir,
    bDir,
    xAt: 0,
    bAt: 0,
    playerOf,
    state: new Uint8Array(players),
    committedX: new Int32Array(players),
    committedB: new Int32Array(players),
    a: 0,
    c: 0,
    phi: new Float64Array(players),
    scale,
    xWeight,
    bWeight,
    stride,
  };
  const values: Float64Array[] = [];
  const prediction = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const x = rows[r];
    prediction[r] = ensembleScore(ensemble, (f) => x[f]);
    decisions(ensemble, offsets, x, xDir, 0);
    for (let t = 0; t < trees; t++) xLeaf[t] = leafByDecisions(ensemble.trees[t], xDir, offsets[t]);
    const phi = new Float64Array(players);
    w.phi = phi;
    for (let k = 0; k < nb; k++) {
      for (let t = 0; t < trees; t++) {
        if (bLeaf[k * trees + t] === xLeaf[t]) continue;
        w.tree = ensemble.trees[t];
        w.xAt = offsets[t];
        w.bAt = k * total + offsets[t];
        walk(w, 0);
      }
    }
    for (let p = 0; p < players; p++) phi[p] /= nb;
    values.push(phi);
  }
  return { base, values, prediction };
}

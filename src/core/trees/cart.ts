/**
 * One CART tree (Breiman et al. 1984) as scikit-learn's DecisionTreeClassifier/-Regressor grows
 * it, on binned features (featureBins.ts): Gini impurity for binary 0/1 targets, squared error
 * for values. For both criteria the best split maximises
 *   S = (Σ_L w·y)² / Σ_L w + (Σ_R w·y)² / Σ_R w
 * (for 0/1 labels n·Gini = 2(Σy − (Σy)²/n), so lowering the children's weighted Gini is raising S;
 * for values it is the variance reduction). As in scikit-learn (min_impurity_decrease = 0), a node
 * that is not pure is split by its best valid split even when that split does not lower the
 * impurity (XOR-like data needs such a first split). The split value lies between the largest
 * value on the left and the smallest on the right among the node's rows, at scikit-learn's
 * midpoint (as a float32: featureBins.ts). A split needs `minSamplesLeaf` rows on each side; missing values go to the side that gives the larger S (with none in the node, to the side
 * with more rows). Leaves hold the weighted mean of y: P(positive) for classifiers.
 *
 * Rows carry weights (a forest's bootstrap counts). `featuresPerSplit` < F draws that many
 * features per node at random (a forest's max_features); as in scikit-learn the draw goes on past
 * that number while the drawn features are constant in the node.
 *
 * Grown depth first with an explicit stack (depth may be unlimited); per node and feature a
 * histogram over the bins its rows occupy, so small nodes cost what their rows cost.
 */
import type { SeededRandom } from '../random/seededRandom';
import { cutBetween, MISSING_BIN, type FeatureBins } from './featureBins';
import { TreeBuilder, type Tree } from './tree';

export interface CartOptions {
  /** Infinity = unlimited. */
  maxDepth: number;
  minSamplesLeaf: number;
  /** Features examined per split (F = all). */
  featuresPerSplit: number;
  rng: SeededRandom;
}

interface Pending {
  node: number;
  start: number;
  end: number;
  depth: number;
  /** Features known to be constant in this node (constant in an ancestor): skipped without a pass over the rows, as scikit-learn does. */
  constant: Uint8Array;
}

/**
 * Grows one tree on `rows` (distinct rows, each with weight `weight[row]` > 0) of binned features.
 * `rows` is reordered in place.
 */
export function growCart(binned: readonly Uint8Array[], bins: readonly FeatureBins[], y: ArrayLike<number>, weight: Float64Array | null, rows: Uint32Array, options: CartOptions): Tree {
  const nf = binned.length;
  const builder = new TreeBuilder();
  const wt = weight ?? new Float64Array(y.length).fill(1);
  const sums = (start: number, end: number) => {
    let sw = 0;
    let swy = 0;
    let pure = true;
    const y0 = y[rows[start]];
    for (let k = start; k < end; k++) {
      const r = rows[k];
      sw += wt[r];
      swy += wt[r] * y[r];
      if (y[r] !== y0) pure = false;
    }
    return { sw, swy, pure };
  };
  const root = sums(0, rows.length);
  builder.leaf(root.swy / root.sw);
  const stack: Pending[] = [{ node: 0, start: 0, end: rows.length, depth: 0, constant: new Uint8Array(nf) }];
  // per-bin scratch: Σw, Σw·y, row count; and the bins a node's rows occupy
  const histW = new Float64Array(256);
  const histWY = new Float64Array(256);
  const histN = new Int32Array(256);
  const touched = new Uint8Array(256);
  const order = Int32Array.from({ length: nf }, (_, j) => j);
  const scratch = new Uint32Array(rows.length);

  while (stack.length > 0) {
    const work = stack.pop()!;
    const n = work.end - work.start;
    if (work.depth >= options.maxDepth || n < 2 * options.minSamplesLeaf || n < 2) continue;
    const { sw, swy, pure } = sums(work.start, work.end);
    let constant = work.constant;
    let ownMask = false;
    if (pure) continue;
    let best: { feature: number; bin: number; next: number; missingLeft: boolean; score: number } | null = null;
    // features in a random order; stop after `featuresPerSplit` that are not constant in the node
    let examined = 0;
    for (let i = 0; i < nf && examined < options.featuresPerSplit; i++) {
      if (options.featuresPerSplit < nf) {
        const k = i + options.rng.int(nf - i);
        const t = order[i];
        order[i] = order[k];
        order[k] = t;
      }
      const j = options.featuresPerSplit < nf ? order[i] : i;
      if (constant[j]) continue;
      const b = binned[j];
      let used = 0;
      for (let k = work.start; k < work.end; k++) {
        const r = rows[k];
        const bin = b[r];
        if (histN[bin] === 0) touched[used++] = bin;
        histN[bin]++;
        histW[bin] += wt[r];
        histWY[bin] += wt[r] * y[r];
      }
      const present = touched.subarray(0, used).sort();
      const hasMissing = present[used - 1] === MISSING_BIN;
      const numeric = hasMissing ? used - 1 : used;
      if (!(numeric >= 2 || (numeric >= 1 && hasMissing))) {
        // constant here, so in every descendant too
        if (!ownMask) {
          constant = constant.slice();
          ownMask = true;
        }
        constant[j] = 1;
      } else {
        examined++;
        const wm = hasMissing ? histW[MISSING_BIN] : 0;
        const wym = hasMissing ? histWY[MISSING_BIN] : 0;
        const nm = hasMissing ? histN[MISSING_BIN] : 0;
        let wl = 0;
        let wyl = 0;
        let nl = 0;
        // thresholds between occupied bins; with missing values also "all numbers | missing"
        for (let t = 0; t < numeric; t++) {
          const bin = present[t];
          wl += histW[bin];
          wyl += histWY[bin];
          nl += histN[bin];
          const nr = n - nm - nl;
          const last = t === numeric - 1;
          if (last && !hasMissing) break;
          const sides = hasMissing ? (last ? [false] : [true, false]) : [nl >= nr];
          for (const missingLeft of sides) {
            const nL = missingLeft ? nl + nm : nl;
            const nR = n - nL;
            if (nL < options.minSamplesLeaf || nR < options.minSamplesLeaf) continue;
            const WL = missingLeft ? wl + wm : wl;
            const WYL = missingLeft ? wyl + wym : wyl;
            const WR = sw - WL;
            const WYR = swy - WYL;
            const score = (WYL * WYL) / WL + (WYR * WYR) / WR;
            if (!best || score > best.score) best = { feature: j, bin, next: last ? -1 : present[t + 1], missingLeft, score };
          }
        }
      }
      for (let t = 0; t < used; t++) {
        const bin = touched[t];
        histN[bin] = 0;
        histW[bin] = 0;
        histWY[bin] = 0;
      }
    }
    if (!best) continue;
    // partition rows[start, end), left rows first, both sides kept in ascending row order (a
    // stable partition: the passes over a node's rows then read the binned columns in order)
    const b = binned[best.feature];
    let lo = work.start;
    let toRight = 0;
    for (let k = work.start; k < work.end; k++) {
      const r = rows[k];
      const v = b[r];
      if (v === MISSING_BIN ? best.missingLeft : v <= best.bin) rows[lo++] = r;
      else scratch[toRight++] = r;
    }
    rows.set(scratch.subarray(0, toRight), lo);
    const left = sums(work.start, lo);
    const right = sums(lo, work.end);
    // between the left side's largest value and the right side's smallest in this node, as
    // scikit-learn's midpoint (featureBins.ts); "all numbers left, missing right": +∞
    const { thresholds, lows } = bins[best.feature];
    const threshold = best.next >= 0 ? cutBetween(thresholds[best.bin], lows[best.next]) : Infinity;
    const [l, r] = builder.split(work.node, best.feature, threshold, best.missingLeft, left.swy / left.sw, right.swy / right.sw);
    stack.push({ node: r, start: lo, end: work.end, depth: work.depth + 1, constant });
    stack.push({ node: l, start: work.start, end: lo, depth: work.depth + 1, constant });
  }
  return builder.build();
}

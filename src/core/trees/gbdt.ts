/**
 * Histogram gradient boosting (binary log-loss or squared error), grown depth-wise as XGBoost's
 * `hist` method does: features binned once (featureBins.ts), per node a histogram of gradient
 * and hessian sums per bin (the larger child's by subtraction from its parent), the split of
 * largest gain
 *   gain = G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ)
 * over every bin boundary with missing values sent left or right (the better; with none in the
 * node, to the side with more rows), leaves w = −G/(H + λ) times the learning rate (Chen &
 * Guestrin 2016). A split needs `minSamplesLeaf` rows and a hessian sum ≥ 1e-3 on each side and a
 * positive gain. The initial margin is the log-odds of the positive share (log-loss) or the mean
 * (squared error), as scikit-learn's HistGradientBoosting. Row and column subsampling per tree
 * are seeded.
 */
import { seededPermutation } from '../folds/shuffle';
import type { TrainParams } from '../pipeline/trainParams';
import { seededRandom } from '../random/seededRandom';
import { binValues, fitBins, MISSING_BIN, type FeatureBins } from './featureBins';
import { leafOf, TreeBuilder, type Tree } from './tree';

/** The contract's parameters (`l2` is λ, the leaf L2 penalty). */
export type GbdtParams = TrainParams;

export const GBDT_DEFAULTS: Required<GbdtParams> = { nEstimators: 100, maxDepth: 6, learningRate: 0.1, minSamplesLeaf: 20, l2: 1, subsample: 1, colsampleByTree: 1, maxBins: 255, earlyStoppingRounds: 0, validationFraction: 0.1 };

export interface GbdtModel {
  task: 'classification' | 'regression';
  baseMargin: number;
  trees: Tree[];
  bins: FeatureBins[];
}

export interface GbdtOptions {
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

const MIN_HESSIAN = 1e-3;
const HIST_WIDTH = 256;

interface Split {
  feature: number;
  /** Rows with bin ≤ bin go left. */
  bin: number;
  missingLeft: boolean;
  gain: number;
  left: { g: number; h: number; n: number };
  right: { g: number; h: number; n: number };
}

interface NodeWork {
  node: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  /** [G, H, count] × 256 bins per feature (only the sampled features are filled). */
  hist: Float64Array;
}

/** features[j][i]: feature j of training row i; y: 0/1 labels (classification) or values. */
export function trainGbdt(features: readonly Float64Array[], y: ArrayLike<number>, task: 'classification' | 'regression', params: GbdtParams = {}, options: GbdtOptions = {}): GbdtModel {
  const p = { ...GBDT_DEFAULTS, ...params };
  const n = y.length;
  const nf = features.length;
  const rng = seededRandom(options.seed ?? 42);
  const bins = features.map((f) => fitBins(f, null, p.maxBins));
  const binned = features.map((f, j) => binValues(bins[j], f, null));

  let base = 0;
  if (task === 'classification') {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += y[i];
    const share = Math.min(1 - 1e-15, Math.max(1e-15, pos / n));
    base = Math.log(share / (1 - share));
  } else {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += y[i];
    base = sum / n;
  }
  const margin = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const trees: Tree[] = [];
  const allRows = Uint32Array.from({ length: n }, (_, i) => i);

  for (let t = 0; t < p.nEstimators; t++) {
    for (let i = 0; i < n; i++) {
      if (task === 'classification') {
        const q = 1 / (1 + Math.exp(-margin[i]));
        grad[i] = q - y[i];
        hess[i] = q * (1 - q);
      } else {
        grad[i] = margin[i] - y[i];
        hess[i] = 1;
      }
    }
    const rows = p.subsample < 1 ? Uint32Array.from(seededPermutation(n, rng).subarray(0, Math.max(1, Math.floor(p.subsample * n)))).sort() : allRows.slice();
    const used = p.colsampleByTree < 1 ? Array.from(seededPermutation(nf, rng).subarray(0, Math.max(1, Math.floor(p.colsampleByTree * nf)))).sort((a, b) => a - b) : Array.from({ length: nf }, (_, j) => j);
    const { tree, splitBins } = growTree(binned, bins, grad, hess, rows, used, p);
    trees.push(tree);
    // every training row's margin moves by its leaf's value (rows left out of the sample too)
    for (let i = 0; i < n; i++) margin[i] += tree.value[leafOfBinned(tree, splitBins, binned, i)];
    options.onProgress?.(t + 1, p.nEstimators);
  }
  return { task, baseMargin: base, trees, bins };
}

function growTree(binned: Uint8Array[], bins: FeatureBins[], grad: Float64Array, hess: Float64Array, rows: Uint32Array, used: number[], p: Required<GbdtParams>): { tree: Tree; splitBins: Int32Array } {
  const builder = new TreeBuilder();
  const splitBin: number[] = [];
  let g = 0;
  let h = 0;
  for (let i = 0; i < rows.length; i++) {
    g += grad[rows[i]];
    h += hess[rows[i]];
  }
  const leafValue = (gs: number, hs: number) => (-gs / (hs + p.l2)) * p.learningRate;
  const root = builder.leaf(leafValue(g, h));
  splitBin[root] = -1;
  const nf = binned.length;
  let level: NodeWork[] = [{ node: root, start: 0, end: rows.length, depth: 0, g, h, hist: buildHistogram(binned, grad, hess, rows, 0, rows.length, used, nf) }];
  while (level.length > 0) {
    const next: NodeWork[] = [];
    for (const work of level) {
      if (work.depth >= p.maxDepth || work.end - work.start < 2 * p.minSamplesLeaf) continue;
      const split = bestSplit(work, bins, used, p);
      if (!split) continue;
      const [left, right] = builder.split(work.node, split.feature, bins[split.feature].thresholds[split.bin], split.missingLeft, leafValue(split.left.g, split.left.h), leafValue(split.right.g, split.right.h));
      splitBin[work.node] = split.bin;
      splitBin[left] = -1;
      splitBin[right] = -1;
      // partition rows[start, end) in place: left rows first
      const b = binned[split.feature];
      let lo = work.start;
      let hi = work.end - 1;
      while (lo <= hi) {
        const v = b[rows[lo]];
        const goLeft = v === MISSING_BIN ? split.missingLeft : v <= split.bin;
        if (goLeft) lo++;
        else {
          const tmp = rows[lo];
          rows[lo] = rows[hi];
          rows[hi] = tmp;
          hi--;
        }
      }
      const mid = lo;
      const leftWork = { node: left, start: work.start, end: mid, depth: work.depth + 1, g: split.left.g, h: split.left.h, hist: work.hist };
      const rightWork = { node: right, start: mid, end: work.end, depth: work.depth + 1, g: split.right.g, h: split.right.h, hist: work.hist };
      const grows = (w: NodeWork) => w.depth < p.maxDepth && w.end - w.start >= 2 * p.minSamplesLeaf;
      if (!grows(leftWork) && !grows(rightWork)) continue;
      // the smaller child's histogram by a pass over its rows, the larger's by subtraction
      const smallLeft = mid - work.start <= work.end - mid;
      const small = smallLeft ? leftWork : rightWork;
      const large = smallLeft ? rightWork : leftWork;
      const smallHist = buildHistogram(binned, grad, hess, rows, small.start, small.end, used, nf);
      const largeHist = work.hist;
      for (let k = 0; k < largeHist.length; k++) largeHist[k] -= smallHist[k];
      small.hist = smallHist;
      large.hist = largeHist;
      if (grows(leftWork)) next.push(leftWork);
      if (grows(rightWork)) next.push(rightWork);
    }
    level = next;
  }
  return { tree: builder.build(), splitBins: Int32Array.from(splitBin) };
}

function buildHistogram(binned: Uint8Array[], grad: Float64Array, hess: Float64Array, rows: Uint32Array, start: number, end: number, used: number[], nf: number): Float64Array {
  const hist = new Float64Array(nf * HIST_WIDTH * 3);
  for (const j of used) {
    const b = binned[j];
    const offset = j * HIST_WIDTH * 3;
    for (let k = start; k < end; k++) {
      const r = rows[k];
      const at = offset + b[r] * 3;
      hist[at] += grad[r];
      hist[at + 1] += hess[r];
      hist[at + 2] += 1;
    }
  }
  return hist;
}

function bestSplit(work: NodeWork, bins: FeatureBins[], used: number[], p: Required<GbdtParams>): Split | null {
  const { hist, g, h } = work;
  const n = work.end - work.start;
  const lambda = p.l2;
  const parent = (g * g) / (h + lambda);
  let best: Split | null = null;
  for (const j of used) {
    const count = bins[j].bins;
    if (count < 2) continue;
    const offset = j * HIST_WIDTH * 3;
    const mAt = offset + MISSING_BIN * 3;
    const gm = hist[mAt];
    const hm = hist[mAt + 1];
    const nm = hist[mAt + 2];
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let k = 0; k < count - 1; k++) {
      const at = offset + k * 3;
      gl += hist[at];
      hl += hist[at + 1];
      nl += hist[at + 2];
      const gr = g - gm - gl;
      const hr = h - hm - hl;
      const nr = n - nm - nl;
      // missing values to the left, then to the right; with none, to the side with more rows
      const sides: boolean[] = nm > 0 ? [true, false] : [nl >= nr];
      for (const missingLeft of sides) {
        const L = missingLeft ? { g: gl + gm, h: hl + hm, n: nl + nm } : { g: gl, h: hl, n: nl };
        const R = missingLeft ? { g: gr, h: hr, n: nr } : { g: gr + gm, h: hr + hm, n: nr + nm };
        if (L.n < p.minSamplesLeaf || R.n < p.minSamplesLeaf || L.h < MIN_HESSIAN || R.h < MIN_HESSIAN) continue;
        const gain = (L.g * L.g) / (L.h + lambda) + (R.g * R.g) / (R.h + lambda) - parent;
        if (gain > 1e-12 && (!best || gain > best.gain)) best = { feature: j, bin: k, missingLeft, gain, left: L, right: R };
      }
    }
  }
  return best;
}

/** The leaf a training row reaches, by its bins (the same route as its float32 values). */
function leafOfBinned(tree: Tree, splitBins: Int32Array, binned: Uint8Array[], row: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    const v = binned[tree.feature[node]][row];
    const goLeft = v === MISSING_BIN ? tree.missingLeft[node] === 1 : v <= splitBins[node];
    node = goLeft ? tree.left[node] : tree.right[node];
  }
  return node;
}

/** Margins (log-odds or values) of rows given as feature columns (`features[j][i]`). */
export function gbdtMargins(model: GbdtModel, features: readonly ArrayLike<number>[], n: number): Float64Array {
  const out = new Float64Array(n).fill(model.baseMargin);
  for (const tree of model.trees) for (let i = 0; i < n; i++) out[i] += tree.value[leafOf(tree, features, i)];
  return out;
}

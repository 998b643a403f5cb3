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
 * are seeded. A split's value is the float32 at or below the midpoint of the node's neighbouring
 * values (splitValue): with a bin per distinct value the trees and margins are XGBoost's
 * `exact` method's (tested against xgboost.train).
 *
 * Early stopping (`earlyStoppingRounds` > 0, an extension of the contract): the rows are split
 * by `holdout(rows, validationFraction, seed)` (stratified by label for classification, as
 * scikit-learn's HistGradientBoosting splits off its validation rows) into fit rows — bins and
 * trees are fitted on these only — and validation rows, whose loss (mean log-loss or squared
 * error of their margins, as `gbdtMargins` computes them) is tracked after every round. Training
 * stops once it has not improved for `earlyStoppingRounds` rounds and keeps the trees up to and
 * including the round of the lowest validation loss.
 *
 * How it is made fast (the results are those of the plain definition; only the order of
 * floating-point sums differs):
 * - a row's bins of the features whose most frequent bin holds most rows (one-hot columns,
 *   mostly-missing columns) are stored sparsely — a row lists only its other bins (LightGBM's
 *   "most frequent bin" trick) — and the histogram of a node is built in one pass over its rows
 *   and their listed bins; the most frequent bin's sums are then the node's sums less the other
 *   bins' (its row count exactly);
 * - the rows of a node stay in ascending order (stable partition), so the pass reads the row
 *   data forward, with gradient and hessian side by side;
 * - histograms come from a pool instead of being allocated per node;
 * - without row subsampling, every row's margin is updated from the leaf ranges of the final
 *   partition instead of walking the tree again.
 */
import { allRows } from '../folds/fold';
import { holdout } from '../folds/holdout';
import { seededPermutation } from '../folds/shuffle';
import type { TrainParams } from '../pipeline/trainParams';
import { finish, type Steps } from '../progress/steps';
import { seededRandom } from '../random/seededRandom';
import { binValues, cutBetween, fitBins, MISSING_BIN, type FeatureBins } from './featureBins';
import { leafOf, TreeBuilder, type Tree } from './tree';

/** The contract's parameters (`l2` is λ, the leaf L2 penalty). */
export type GbdtParams = TrainParams;

export const GBDT_DEFAULTS: Required<GbdtParams> = { nEstimators: 100, maxDepth: 6, learningRate: 0.1, minSamplesLeaf: 20, l2: 1, subsample: 1, colsampleByTree: 1, maxBins: 255, earlyStoppingRounds: 0, validationFraction: 0.1 };

export interface GbdtModel {
  task: 'classification' | 'regression';
  baseMargin: number;
  trees: Tree[];
  bins: FeatureBins[];
  /** Number of trees kept (= trees.length): all of them, or with early stopping those up to the best round. */
  bestIteration: number;
  /** Validation loss after each round trained (log-loss or squared error); empty without early stopping. */
  validationLoss: number[];
  /** Rows the bins and trees were fitted on (all without early stopping). */
  fitRows: number;
  /** Rows held out for early stopping (0 without it). */
  validationRows: number;
}

export interface GbdtOptions {
  /** Row and column subsampling, and the validation split of early stopping (default 42). */
  seed?: number;
  /** Called after every round with (rounds done, nEstimators); when stopping early, once more with (nEstimators, nEstimators). */
  onProgress?: (done: number, total: number) => void;
}

const MIN_HESSIAN = 1e-3;
/** Histogram slots per feature (bins 0 … 254 and the missing bin 255), 3 numbers each: G, H, count. */
const HIST_WIDTH = 256;
const SLOT = 3;
/** A feature is stored sparsely when its most frequent bin holds more than this share of the rows. */
const SPARSE_SHARE = 0.5;

/** The binned training rows. */
interface BinnedRows {
  /** bin of feature j of row i: columns[j][i]. */
  columns: Uint8Array[];
  /** Per feature its most frequent bin when stored sparsely, else −1. */
  defaultBin: Int32Array;
  /** Row i's listed bins are entries rowStart[i] … rowStart[i + 1] − 1. */
  rowStart: Uint32Array;
  /** The histogram offset (feature · 256 + bin) · 3 of each listed bin. */
  entries: Uint32Array;
}

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
  return finish(gbdtSteps(features, y, task, params, options.seed ?? 42), options.onProgress);
}

/** trainGbdt as steps: one per tree (the worker's progress and cancel points). */
export function* gbdtSteps(features: readonly Float64Array[], y: ArrayLike<number>, task: 'classification' | 'regression', params: GbdtParams, seed: number): Steps<GbdtModel> {
  const p = { ...GBDT_DEFAULTS, ...params };
  const stopping = p.earlyStoppingRounds > 0;
  let fitX = features;
  let fitY: ArrayLike<number> = y;
  let valX: Float64Array[] = [];
  let valY: Float64Array = new Float64Array(0);
  if (stopping) {
    const labels = task === 'classification' ? Uint8Array.from(y, (v) => (v === 1 ? 1 : 0)) : undefined;
    const split = holdout(allRows(y.length), p.validationFraction, seed, { labels });
    const pick = (values: ArrayLike<number>, rows: Uint32Array) => Float64Array.from(rows, (r) => values[r]);
    fitX = features.map((f) => pick(f, split.train));
    fitY = pick(y, split.train);
    valX = features.map((f) => pick(f, split.test));
    valY = pick(y, split.test);
  }

  const n = fitY.length;
  const nf = fitX.length;
  const rng = seededRandom(seed);
  const bins = fitX.map((f) => fitBins(f, null, p.maxBins));
  const binned = binRows(
    fitX.map((f, j) => binValues(bins[j], f, null)),
    n,
  );

  let base = 0;
  if (task === 'classification') {
    let pos = 0;
    for (let i = 0; i < n; i++) pos += fitY[i];
    const share = Math.min(1 - 1e-15, Math.max(1e-15, pos / n));
    base = Math.log(share / (1 - share));
  } else {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += fitY[i];
    base = sum / n;
  }
  const margin = new Float64Array(n).fill(base);
  const labels = Float64Array.from(fitY);
  /** gradient and hessian of row i at [2i], [2i + 1] */
  const gh = new Float64Array(2 * n);
  const trees: Tree[] = [];
  const rows = new Uint32Array(n);
  const scratch = new Uint32Array(n);
  const pool = new HistogramPool(nf);
  const valMargin = new Float64Array(valY.length).fill(base);
  const validationLoss: number[] = [];
  let bestRound = -1;

  // the hot loops live in plain functions: V8 optimises a generator's own loops less well
  for (let t = 0; t < p.nEstimators; t++) {
    gradients(task, margin, labels, gh);
    let sampled: Uint32Array;
    if (p.subsample < 1) {
      sampled = Uint32Array.from(seededPermutation(n, rng).subarray(0, Math.max(1, Math.floor(p.subsample * n)))).sort();
      rows.set(sampled);
    } else {
      identity(rows);
      sampled = rows;
    }
    const nRows = sampled.length;
    const used = p.colsampleByTree < 1 ? Array.from(seededPermutation(nf, rng).subarray(0, Math.max(1, Math.floor(p.colsampleByTree * nf)))).sort((a, b) => a - b) : Array.from({ length: nf }, (_, j) => j);
    const { tree, splitBins, leaves } = growTree(binned, bins, gh, rows, nRows, scratch, used, p, pool);
    trees.push(tree);
    if (p.subsample < 1) addLeafValuesByWalk(tree, splitBins, binned.columns, margin);
    else addLeafValuesByRange(tree, leaves, rows, margin);
    yield { done: t + 1, total: p.nEstimators };
    if (stopping) {
      addLeafValues(tree, valX, valMargin);
      const loss = meanLoss(task, valY, valMargin);
      validationLoss.push(loss);
      if (bestRound < 0 || loss < validationLoss[bestRound]) bestRound = t;
      else if (t - bestRound >= p.earlyStoppingRounds) {
        // stopped: the remaining rounds are not needed
        if (t + 1 < p.nEstimators) yield { done: p.nEstimators, total: p.nEstimators };
        break;
      }
    }
  }
  if (stopping) trees.length = bestRound + 1;
  return { task, baseMargin: base, trees, bins, bestIteration: trees.length, validationLoss, fitRows: n, validationRows: valY.length };
}

/** Gradient and hessian of every row at its margin: log-loss (labels 0/1) or squared error. */
function gradients(task: 'classification' | 'regression', margin: Float64Array, labels: Float64Array, gh: Float64Array): void {
  const n = margin.length;
  if (task === 'classification') {
    for (let i = 0; i < n; i++) {
      const q = 1 / (1 + Math.exp(-margin[i]));
      gh[2 * i] = q - labels[i];
      gh[2 * i + 1] = q * (1 - q);
    }
  } else {
    for (let i = 0; i < n; i++) {
      gh[2 * i] = margin[i] - labels[i];
      gh[2 * i + 1] = 1;
    }
  }
}

function identity(rows: Uint32Array): void {
  for (let i = 0; i < rows.length; i++) rows[i] = i;
}

/** Every training row's margin moves by its leaf's value (rows left out of the sample too). */
function addLeafValuesByWalk(tree: Tree, splitBins: Int32Array, binned: Uint8Array[], margin: Float64Array): void {
  for (let i = 0; i < margin.length; i++) margin[i] += tree.value[leafOfBinned(tree, splitBins, binned, i)];
}

/** The leaves' row ranges of the final partition cover every row once. */
function addLeafValuesByRange(tree: Tree, leaves: ArrayLike<number>, rows: Uint32Array, margin: Float64Array): void {
  for (let l = 0; l < leaves.length; l += 3) {
    const v = tree.value[leaves[l]];
    for (let k = leaves[l + 1]; k < leaves[l + 2]; k++) margin[rows[k]] += v;
  }
}

/** Rows given as feature columns: each margin moves by its leaf's value. */
function addLeafValues(tree: Tree, features: readonly ArrayLike<number>[], margin: Float64Array): void {
  for (let i = 0; i < margin.length; i++) margin[i] += tree.value[leafOf(tree, features, i)];
}

/** Mean log-loss (of margins, labels 0/1) or mean squared error. */
function meanLoss(task: 'classification' | 'regression', y: Float64Array, margin: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const m = margin[i];
    if (task === 'classification') {
      // −[y log σ(m) + (1 − y) log(1 − σ(m))] = log(1 + e^m) − y·m
      const softplus = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
      sum += softplus - y[i] * m;
    } else sum += (y[i] - m) * (y[i] - m);
  }
  return sum / y.length;
}

/** The sparse row lists of the features dominated by one bin (see BinnedRows). */
function binRows(columns: Uint8Array[], n: number): BinnedRows {
  const nf = columns.length;
  const defaultBin = new Int32Array(nf).fill(-1);
  const counts = new Uint32Array(HIST_WIDTH);
  columns.forEach((col, j) => {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[col[i]]++;
    let top = 0;
    for (let b = 1; b < HIST_WIDTH; b++) if (counts[b] > counts[top]) top = b;
    if (counts[top] > SPARSE_SHARE * n) defaultBin[j] = top;
  });
  const rowStart = new Uint32Array(n + 1);
  for (let j = 0; j < nf; j++) {
    const col = columns[j];
    const d = defaultBin[j];
    for (let i = 0; i < n; i++) if (col[i] !== d) rowStart[i + 1]++;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
  const entries = new Uint32Array(rowStart[n]);
  const fill = rowStart.slice(0, n);
  for (let j = 0; j < nf; j++) {
    const col = columns[j];
    const d = defaultBin[j];
    const offset = j * HIST_WIDTH;
    for (let i = 0; i < n; i++) {
      const b = col[i];
      if (b !== d) entries[fill[i]++] = (offset + b) * SLOT;
    }
  }
  return { columns, defaultBin, rowStart, entries };
}

/** Reused histogram buffers (a tree needs at most two levels' worth at a time). */
class HistogramPool {
  private readonly free: Float64Array[] = [];
  constructor(private readonly nf: number) {}
  take(): Float64Array {
    return this.free.pop() ?? new Float64Array(this.nf * HIST_WIDTH * SLOT);
  }
  give(h: Float64Array): void {
    this.free.push(h);
  }
}

/**
 * Grows one tree on rows[0, nRows) (ascending; reordered in place into one range per leaf).
 * Returns the tree, each node's split bin and the leaves as (node, start, end) triples.
 */
function growTree(
  binned: BinnedRows,
  bins: FeatureBins[],
  gh: Float64Array,
  rows: Uint32Array,
  nRows: number,
  scratch: Uint32Array,
  used: number[],
  p: Required<GbdtParams>,
  pool: HistogramPool,
): { tree: Tree; splitBins: Int32Array; leaves: number[] } {
  const builder = new TreeBuilder();
  const splitBin: number[] = [];
  const leaves: number[] = [];
  let g = 0;
  let h = 0;
  for (let k = 0; k < nRows; k++) {
    g += gh[2 * rows[k]];
    h += gh[2 * rows[k] + 1];
  }
  const leafValue = (gs: number, hs: number) => (-gs / (hs + p.l2)) * p.learningRate;
  const root = builder.leaf(leafValue(g, h));
  splitBin[root] = -1;
  const grows = (w: { depth: number; start: number; end: number }) => w.depth < p.maxDepth && w.end - w.start >= 2 * p.minSamplesLeaf;
  const rootWork: NodeWork = { node: root, start: 0, end: nRows, depth: 0, g, h, hist: new Float64Array(0) };
  if (!grows(rootWork)) return { tree: builder.build(), splitBins: Int32Array.from(splitBin), leaves: [root, 0, nRows] };
  rootWork.hist = buildHistogram(pool.take(), binned, bins, gh, rows, 0, nRows, g, h, used);
  let level: NodeWork[] = [rootWork];
  while (level.length > 0) {
    const next: NodeWork[] = [];
    for (const work of level) {
      const split = bestSplit(work, bins, used, p);
      if (!split) {
        leaves.push(work.node, work.start, work.end);
        pool.give(work.hist);
        continue;
      }
      const [left, right] = builder.split(work.node, split.feature, splitValue(work.hist, bins[split.feature], split.feature, split.bin), split.missingLeft, leafValue(split.left.g, split.left.h), leafValue(split.right.g, split.right.h));
      splitBin[work.node] = split.bin;
      splitBin[left] = -1;
      splitBin[right] = -1;
      const mid = partition(rows, scratch, work.start, work.end, binned.columns[split.feature], split.bin, split.missingLeft);
      const leftWork: NodeWork = { node: left, start: work.start, end: mid, depth: work.depth + 1, g: split.left.g, h: split.left.h, hist: work.hist };
      const rightWork: NodeWork = { node: right, start: mid, end: work.end, depth: work.depth + 1, g: split.right.g, h: split.right.h, hist: work.hist };
      const leftGrows = grows(leftWork);
      const rightGrows = grows(rightWork);
      if (!leftGrows) leaves.push(left, leftWork.start, leftWork.end);
      if (!rightGrows) leaves.push(right, rightWork.start, rightWork.end);
      if (!leftGrows && !rightGrows) {
        pool.give(work.hist);
        continue;
      }
      // the smaller child's histogram by a pass over its rows, the larger's by subtraction
      const smallLeft = mid - work.start <= work.end - mid;
      const small = smallLeft ? leftWork : rightWork;
      const large = smallLeft ? rightWork : leftWork;
      small.hist = buildHistogram(pool.take(), binned, bins, gh, rows, small.start, small.end, small.g, small.h, used);
      subtract(work.hist, small.hist, bins, used);
      large.hist = work.hist;
      if (leftGrows) next.push(leftWork);
      else pool.give(leftWork.hist);
      if (rightGrows) next.push(rightWork);
      else pool.give(rightWork.hist);
    }
    level = next;
  }
  return { tree: builder.build(), splitBins: Int32Array.from(splitBin), leaves };
}

/**
 * Stable partition of rows[start, end) by a split: the rows going left first, both sides in
 * their order (ascending); returns where the right rows start. Branch-free: a row goes left iff
 * its bin v ≤ bin, or v is the missing bin 255 and missing values go left (bin ≤ 253, so
 * 255 ≤ bin never holds).
 */
function partition(rows: Uint32Array, scratch: Uint32Array, start: number, end: number, col: Uint8Array, bin: number, missingLeft: boolean): number {
  const ml = missingLeft ? 1 : 0;
  let lo = start;
  let nRight = 0;
  for (let k = start; k < end; k++) {
    const r = rows[k];
    const v = col[r];
    const left = (((bin - v) >>> 31) ^ 1) | (((v + 1) >> 8) & ml);
    rows[lo] = r;
    scratch[nRight] = r;
    lo += left;
    nRight += left ^ 1;
  }
  rows.set(scratch.subarray(0, nRight), lo);
  return lo;
}

/** hist[j, b] −= small[j, b] over the bins of the used features. */
function subtract(hist: Float64Array, small: Float64Array, bins: FeatureBins[], used: number[]): void {
  for (const j of used) {
    const offset = j * HIST_WIDTH * SLOT;
    const end = offset + bins[j].bins * SLOT;
    for (let k = offset; k < end; k++) hist[k] -= small[k];
    const m = offset + MISSING_BIN * SLOT;
    hist[m] -= small[m];
    hist[m + 1] -= small[m + 1];
    hist[m + 2] -= small[m + 2];
  }
}

/** The histogram of rows[start, end), whose sums are g and h, into `hist`. */
function buildHistogram(hist: Float64Array, binned: BinnedRows, bins: FeatureBins[], gh: Float64Array, rows: Uint32Array, start: number, end: number, g: number, h: number, used: number[]): Float64Array {
  for (const j of used) {
    const offset = j * HIST_WIDTH * SLOT;
    hist.fill(0, offset, offset + bins[j].bins * SLOT);
    const m = offset + MISSING_BIN * SLOT;
    hist[m] = hist[m + 1] = hist[m + 2] = 0;
  }
  const { rowStart, entries } = binned;
  for (let k = start; k < end; k++) {
    const r = rows[k];
    const gr = gh[2 * r];
    const hr = gh[2 * r + 1];
    const last = rowStart[r + 1];
    for (let e = rowStart[r]; e < last; e++) {
      const at = entries[e];
      hist[at] += gr;
      hist[at + 1] += hr;
      hist[at + 2] += 1;
    }
  }
  // the most frequent bin of a sparse feature: the node's sums less the other bins'
  const n = end - start;
  for (const j of used) {
    const d = binned.defaultBin[j];
    if (d < 0) continue;
    const offset = j * HIST_WIDTH * SLOT;
    let sg = 0;
    let sh = 0;
    let sn = 0;
    // (bin d's own slot is still 0: no row listed it)
    const end = offset + bins[j].bins * SLOT;
    for (let at = offset; at < end; at += SLOT) {
      sg += hist[at];
      sh += hist[at + 1];
      sn += hist[at + 2];
    }
    const m = offset + MISSING_BIN * SLOT;
    sg += hist[m];
    sh += hist[m + 1];
    sn += hist[m + 2];
    const at = offset + d * SLOT;
    const count = n - sn;
    hist[at] = count > 0 ? g - sg : 0;
    hist[at + 1] = count > 0 ? h - sh : 0;
    hist[at + 2] = count;
  }
  return hist;
}

function bestSplit(work: NodeWork, bins: FeatureBins[], used: number[], p: Required<GbdtParams>): Split | null {
  const { hist, g, h } = work;
  const n = work.end - work.start;
  const lambda = p.l2;
  const minLeaf = p.minSamplesLeaf;
  const parent = (g * g) / (h + lambda);
  let bestGain = 0;
  let bestFeature = -1;
  let bestBin = 0;
  let bestMissingLeft = false;
  let bLg = 0;
  let bLh = 0;
  let bLn = 0;
  let bRg = 0;
  let bRh = 0;
  let bRn = 0;
  for (const j of used) {
    const count = bins[j].bins;
    if (count < 2) continue;
    const offset = j * HIST_WIDTH * SLOT;
    const mAt = offset + MISSING_BIN * SLOT;
    const gm = hist[mAt];
    const hm = hist[mAt + 1];
    const nm = hist[mAt + 2];
    let gl = 0;
    let hl = 0;
    let nl = 0;
    for (let k = 0; k < count - 1; k++) {
      const at = offset + k * SLOT;
      gl += hist[at];
      hl += hist[at + 1];
      nl += hist[at + 2];
      const gr = g - gm - gl;
      const hr = h - hm - hl;
      const nr = n - nm - nl;
      // missing values to the left, then to the right; with none, to the side with more rows
      const sides = nm > 0 ? 2 : 1;
      for (let s = 0; s < sides; s++) {
        const missingLeft = nm > 0 ? s === 0 : nl >= nr;
        const Lg = missingLeft ? gl + gm : gl;
        const Lh = missingLeft ? hl + hm : hl;
        const Ln = missingLeft ? nl + nm : nl;
        const Rg = missingLeft ? gr : gr + gm;
        const Rh = missingLeft ? hr : hr + hm;
        const Rn = missingLeft ? nr : nr + nm;
        if (Ln < minLeaf || Rn < minLeaf || Lh < MIN_HESSIAN || Rh < MIN_HESSIAN) continue;
        const gain = (Lg * Lg) / (Lh + lambda) + (Rg * Rg) / (Rh + lambda) - parent;
        if (gain > 1e-12 && (bestFeature < 0 || gain > bestGain)) {
          bestGain = gain;
          bestFeature = j;
          bestBin = k;
          bestMissingLeft = missingLeft;
          bLg = Lg;
          bLh = Lh;
          bLn = Ln;
          bRg = Rg;
          bRh = Rh;
          bRn = Rn;
        }
      }
    }
  }
  if (bestFeature < 0) return null;
  return { feature: bestFeature, bin: bestBin, missingLeft: bestMissingLeft, gain: bestGain, left: { g: bLg, h: bLh, n: bLn }, right: { g: bRg, h: bRh, n: bRn } };
}

/**
 * The float32 split value after bin `bin` of feature `j`: between the largest value on the left
 * and the smallest value of the next bin holding rows of this node — the midpoint of the node's
 * neighbouring values, as XGBoost's exact method and CART split (featureBins.cutBetween).
 */
function splitValue(hist: Float64Array, bins: FeatureBins, j: number, bin: number): number {
  const offset = j * HIST_WIDTH * SLOT;
  let next = bin + 1;
  while (next < bins.bins - 1 && hist[offset + next * SLOT + 2] === 0) next++;
  return cutBetween(bins.thresholds[bin], bins.lows[next]);
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

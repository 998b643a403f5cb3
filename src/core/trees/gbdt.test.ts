/**
 * The histogram GBDT against a separately written, naive reference of the same definition:
 * exact search over every distinct value (no histograms, no subtraction, recursion instead of
 * levels), gradients and leaves recomputed from scratch each round. On small data every distinct
 * value has its own bin, so both must grow the same trees and give the same margins.
 */
import { describe, expect, it } from 'vitest';
import { allRows } from '../folds/fold';
import { holdout } from '../folds/holdout';
import { seededRandom } from '../random/seededRandom';
import { binOf, cutBetween, fitBins, MISSING_BIN } from './featureBins';
import xgbFixture from './fixtures/xgboost.json';
import { gbdtMargins, trainGbdt, type GbdtModel } from './gbdt';

interface RefNode {
  feature: number;
  threshold: number;
  missingLeft: boolean;
  left: RefNode | null;
  right: RefNode | null;
  value: number;
}

function refTree(x: number[][], g: number[], h: number[], rows: number[], depth: number, p: { maxDepth: number; minLeaf: number; l2: number; lr: number }): RefNode {
  const sum = (r: number[], a: number[]) => r.reduce((s, i) => s + a[i], 0);
  const G = sum(rows, g);
  const H = sum(rows, h);
  const node: RefNode = { feature: -1, threshold: 0, missingLeft: false, left: null, right: null, value: (-G / (H + p.l2)) * p.lr };
  if (depth >= p.maxDepth || rows.length < 2 * p.minLeaf) return node;
  let best: { gain: number; f: number; t: number; ml: boolean } | null = null;
  for (let f = 0; f < x.length; f++) {
    const values = [...new Set(rows.map((i) => x[f][i]).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    const missing = rows.filter((i) => Number.isNaN(x[f][i]));
    for (const [k, t] of values.slice(0, -1).entries()) {
      const cut = midpointCut(t, values[k + 1]);
      const le = rows.filter((i) => !Number.isNaN(x[f][i]) && x[f][i] <= t);
      const gt = rows.filter((i) => !Number.isNaN(x[f][i]) && x[f][i] > t);
      const options = missing.length > 0 ? [true, false] : [le.length >= gt.length];
      for (const ml of options) {
        const L = ml ? [...le, ...missing] : le;
        const R = ml ? gt : [...gt, ...missing];
        if (L.length < p.minLeaf || R.length < p.minLeaf || sum(L, h) < 1e-3 || sum(R, h) < 1e-3) continue;
        const gain = sum(L, g) ** 2 / (sum(L, h) + p.l2) + sum(R, g) ** 2 / (sum(R, h) + p.l2) - G ** 2 / (H + p.l2);
        if (gain > 1e-12 && (!best || gain > best.gain + 1e-12)) best = { gain, f, t: cut, ml };
      }
    }
  }
  if (!best) return node;
  const { f, t, ml } = best;
  const goesLeft = (i: number) => (Number.isNaN(x[f][i]) ? ml : x[f][i] <= t);
  return { ...node, feature: f, threshold: t, missingLeft: ml, left: refTree(x, g, h, rows.filter(goesLeft), depth + 1, p), right: refTree(x, g, h, rows.filter((i) => !goesLeft(i)), depth + 1, p) };
}

/** The split value between training values a < b: the largest float32 at or below their midpoint (scikit-learn splits at the midpoint). */
function midpointCut(a: number, b: number): number {
  const mid = (a + b) / 2;
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, mid);
  while (view.getFloat32(0) > mid) view.setInt32(0, view.getInt32(0) + (mid > 0 ? -1 : 1));
  return view.getFloat32(0);
}

function refPredict(node: RefNode, x: number[][], i: number): number {
  while (node.left && node.right) {
    const v = x[node.feature][i];
    node = (Number.isNaN(v) ? node.missingLeft : v <= node.threshold) ? node.left : node.right;
  }
  return node.value;
}

// small data on a float32 grid, with missing values: every distinct value gets a bin of its own
const rng = seededRandom(7);
const N = 60;
const x0 = Array.from({ length: N }, () => (rng.next() < 0.1 ? NaN : Math.round(rng.next() * 20) / 4));
const x1 = Array.from({ length: N }, () => Math.round(rng.next() * 8));
const label = x0.map((v, i) => ((Number.isNaN(v) ? 2 : v) + x1[i] / 2 + rng.next() * 3 > 5 ? 1 : 0));
const value = x0.map((v, i) => (Number.isNaN(v) ? 1 : v) * 2 - x1[i] + rng.next());

/**
 * Trains 4 rounds and checks every round's root split against the reference grown on the
 * gradients of the reference's own margins, then the final margins of every row (so every tree
 * must match, not only its root).
 */
function compareWithReference(x: number[][], y: number[], task: 'classification' | 'regression'): GbdtModel {
  const n = y.length;
  const p = { maxDepth: 3, minLeaf: 4, l2: 1, lr: 0.3 };
  const model = trainGbdt(
    x.map((f) => Float64Array.from(f)),
    Float64Array.from(y),
    task,
    { nEstimators: 4, maxDepth: p.maxDepth, minSamplesLeaf: p.minLeaf, l2: p.l2, learningRate: p.lr },
  );
  // reference: base margin, then each round's gradients from the current margins
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const base = task === 'classification' ? Math.log(mean / (1 - mean)) : mean;
  expect(model.baseMargin).toBeCloseTo(base, 14);
  const margin = new Array<number>(n).fill(base);
  const all = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < 4; t++) {
    const g = margin.map((m, i) => (task === 'classification' ? 1 / (1 + Math.exp(-m)) - y[i] : m - y[i]));
    const h = margin.map((m) => (task === 'classification' ? (1 / (1 + Math.exp(-m))) * (1 - 1 / (1 + Math.exp(-m))) : 1));
    const ref = refTree(x, g, h, all, 0, p);
    // the root split is the same
    expect(model.trees[t].feature[0]).toBe(ref.feature);
    if (ref.feature >= 0) {
      expect(model.trees[t].threshold[0]).toBe(ref.threshold);
      expect(model.trees[t].missingLeft[0] === 1).toBe(ref.missingLeft);
    }
    for (let i = 0; i < n; i++) margin[i] += refPredict(ref, x, i);
  }
  const ours = gbdtMargins(model, x, n);
  for (let i = 0; i < n; i++) expect(ours[i]).toBeCloseTo(margin[i], 10);
  return model;
}

const featuresUsed = (model: GbdtModel) => new Set(model.trees.flatMap((t) => Array.from(t.feature).filter((f) => f >= 0)));

describe('histogram GBDT', () => {
  it.each(['classification', 'regression'] as const)('%s: the same trees and margins as the naive reference, round by round', (task) => {
    const model = compareWithReference([x0, x1], task === 'classification' ? label : value, task);
    // the trees do split (more than a root leaf), on both features
    expect(model.trees.every((t) => t.feature.length >= 5)).toBe(true);
    expect(featuresUsed(model)).toEqual(new Set([0, 1]));
    expect(model.bestIteration).toBe(4);
    expect(model.validationLoss).toEqual([]);
    expect([model.fitRows, model.validationRows]).toEqual([N, 0]);
  });

  it.each(['classification', 'regression'] as const)('%s: the same as the reference with features dominated by one bin (one-hot, mostly missing), which are stored sparsely', (task) => {
    // x2: a one-hot column (1 in about a quarter of the rows); x3: missing in about 70 % of the rows
    const r = seededRandom(11);
    const n = 80;
    const x2 = Array.from({ length: n }, () => (r.next() < 0.25 ? 1 : 0));
    const x3 = Array.from({ length: n }, () => (r.next() < 0.7 ? NaN : Math.round(r.next() * 6)));
    const xa = Array.from({ length: n }, () => Math.round(r.next() * 10) / 2);
    const y = x2.map((v, i) => {
      const s = 2 * v + (Number.isNaN(x3[i]) ? 0.5 : x3[i] / 3) + xa[i] / 5 + r.next() * 1.5;
      return task === 'classification' ? (s > 2.2 ? 1 : 0) : s;
    });
    const model = compareWithReference([x2, x3, xa], y, task);
    expect(featuresUsed(model)).toEqual(new Set([0, 1, 2]));
  });

  it('is reproducible by seed with row and column subsampling, and differs with another seed', () => {
    const features = [Float64Array.from(x0), Float64Array.from(x1)];
    const params = { nEstimators: 5, subsample: 0.7, colsampleByTree: 0.5, minSamplesLeaf: 2 };
    const a = trainGbdt(features, Float64Array.from(label), 'classification', params, { seed: 3 });
    const b = trainGbdt(features, Float64Array.from(label), 'classification', params, { seed: 3 });
    const c = trainGbdt(features, Float64Array.from(label), 'classification', params, { seed: 4 });
    expect(gbdtMargins(a, features, N)).toEqual(gbdtMargins(b, features, N));
    expect(gbdtMargins(a, features, N)).not.toEqual(gbdtMargins(c, features, N));
  });
});

describe('early stopping', () => {
  // noisy data: a weak signal in x0, nothing in the others; with a large learning rate and many
  // rounds the trees soon fit noise and the validation loss turns up
  const r = seededRandom(5);
  const n = 500;
  const cols = Array.from({ length: 3 }, () => Float64Array.from({ length: n }, () => Math.round(r.next() * 1000) / 100));
  const noisyLabel = Float64Array.from(cols[0], (v) => (r.next() < 1 / (1 + Math.exp(-(v - 5) / 1.5)) ? 1 : 0));
  const noisyValue = Float64Array.from(cols[0], (v) => v / 2 + 2 * (r.next() - 0.5) * 3);
  const params = { nEstimators: 80, learningRate: 0.2, maxDepth: 4, minSamplesLeaf: 10, earlyStoppingRounds: 6, validationFraction: 0.2 };
  const logLoss = (y: ArrayLike<number>, m: Float64Array) => {
    let s = 0;
    for (let i = 0; i < m.length; i++) {
      const q = 1 / (1 + Math.exp(-m[i]));
      s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
    }
    return s / m.length;
  };
  const squaredError = (y: ArrayLike<number>, m: Float64Array) => m.reduce((s, v, i) => s + (y[i] - v) ** 2, 0) / m.length;

  it.each(['classification', 'regression'] as const)('%s: keeps the trees up to the argmin of the validation loss, recomputed independently', (task) => {
    const y = task === 'classification' ? noisyLabel : noisyValue;
    const seed = 9;
    const progress: [number, number][] = [];
    const model = trainGbdt(cols, y, task, params, { seed, onProgress: (d, t) => progress.push([d, t]) });
    // the validation rows: the documented seeded split (stratified for classification)
    const labels = task === 'classification' ? Uint8Array.from(y) : undefined;
    const split = holdout(allRows(n), 0.2, seed, { labels });
    expect([model.fitRows, model.validationRows]).toEqual([split.train.length, split.test.length]);
    expect(model.validationRows).toBe(100);
    if (labels) {
      const share = (rows: Uint32Array) => rows.reduce((s, i) => s + labels[i], 0) / rows.length;
      expect(Math.abs(share(split.test) - share(allRows(n)))).toBeLessThanOrEqual(1 / split.test.length);
    }
    const pick = (v: ArrayLike<number>, rows: Uint32Array) => Float64Array.from(rows, (i) => v[i]);
    // the same rounds trained on the fit rows alone without stopping: the same trees (same bins,
    // same rows, same seed), and the loss curve of every prefix on the validation rows
    const full = trainGbdt(
      cols.map((c) => pick(c, split.train)),
      pick(y, split.train),
      task,
      { ...params, earlyStoppingRounds: 0 },
      { seed },
    );
    expect(full.trees).toHaveLength(params.nEstimators);
    const valX = cols.map((c) => pick(c, split.test));
    const valY = pick(y, split.test);
    const loss = task === 'classification' ? logLoss : squaredError;
    const curve = Array.from({ length: params.nEstimators }, (_, k) => loss(valY, gbdtMargins({ ...full, trees: full.trees.slice(0, k + 1) }, valX, split.test.length)));
    const rounds = model.validationLoss.length;
    model.validationLoss.forEach((l, k) => expect(l).toBeCloseTo(curve[k], 12));
    const argmin = curve.slice(0, rounds).reduce((best, l, k) => (l < curve[best] ? k : best), 0);
    // it did stop early, earlyStoppingRounds rounds after the best one (well past the first
    // rounds: 22 of 28 and 13 of 19 here), and kept the best prefix
    expect(argmin).toBeGreaterThanOrEqual(10);
    expect(rounds).toBeLessThan(params.nEstimators);
    expect(rounds).toBe(argmin + 1 + params.earlyStoppingRounds);
    expect(model.bestIteration).toBe(argmin + 1);
    expect(model.trees).toHaveLength(argmin + 1);
    expect(gbdtMargins(model, valX, split.test.length)).toEqual(gbdtMargins({ ...full, trees: full.trees.slice(0, argmin + 1) }, valX, split.test.length));
    // stopping was worth it: the kept model beats the one with every round on the validation rows
    expect(curve[argmin]).toBeLessThan(curve[params.nEstimators - 1]);
    // progress: one call per round trained, then the whole as done
    expect(progress.slice(0, rounds)).toEqual(Array.from({ length: rounds }, (_, k) => [k + 1, params.nEstimators]));
    expect(progress.at(-1)).toEqual([params.nEstimators, params.nEstimators]);
  });

  it('never stops when off (the default): every round, all rows, no validation loss', () => {
    const progress: number[] = [];
    const { earlyStoppingRounds, validationFraction, ...rest } = params;
    expect([earlyStoppingRounds, validationFraction]).toEqual([6, 0.2]);
    for (const off of [rest, { ...rest, earlyStoppingRounds: 0, validationFraction: 0.5 }]) {
      const model = trainGbdt(cols, noisyLabel, 'classification', off, { seed: 9, onProgress: (d) => progress.push(d) });
      expect(model.trees).toHaveLength(params.nEstimators);
      expect(model.bestIteration).toBe(params.nEstimators);
      expect(model.validationLoss).toEqual([]);
      expect([model.fitRows, model.validationRows]).toEqual([n, 0]);
    }
    expect(progress).toEqual([...Array.from({ length: 80 }, (_, k) => k + 1), ...Array.from({ length: 80 }, (_, k) => k + 1)]);
  });
});

describe('against XGBoost (scripts/fixtures/make_gbdt_fixtures.py)', () => {
  // tree_method exact, depth 3, eta 0.3, lambda 1, min_child_weight 0, 12 rounds, the same start:
  // the same trees, so the same margins up to XGBoost's float32 gradients, on training and new rows
  it.each(['classification', 'regression'] as const)('%s: the margins of xgboost.train on the same data', (task) => {
    const x = xgbFixture.x.map((c) => Float64Array.from(c));
    const xt = xgbFixture.xTest.map((c) => Float64Array.from(c));
    const y = Float64Array.from(task === 'classification' ? xgbFixture.yClass : xgbFixture.yValue);
    const model = trainGbdt(x, y, task, { nEstimators: xgbFixture.rounds, maxDepth: 3, learningRate: 0.3, l2: 1, minSamplesLeaf: 1 });
    const worst = (ours: Float64Array, ref: number[]) => ours.reduce((w, v, i) => Math.max(w, Math.abs(v - ref[i]) / Math.max(1, Math.abs(ref[i]))), 0);
    expect(worst(gbdtMargins(model, x, y.length), xgbFixture[task].marginTrain)).toBeLessThan(1e-5);
    expect(worst(gbdtMargins(model, xt, xt[0].length), xgbFixture[task].marginTest)).toBeLessThan(1e-5);
  });
});

describe('feature bins', () => {
  it('one bin per distinct float32 value when they fit; thresholds are training values, cuts the float32 at or below the midpoints', () => {
    const b = fitBins([3, 1, 2, 2, NaN, 1e-8, 0.1], null, 255);
    expect(b.thresholds).toEqual([Math.fround(1e-8), Math.fround(0.1), 1, 2]);
    expect(b.cuts).toEqual([midpointCut(Math.fround(1e-8), Math.fround(0.1)), midpointCut(Math.fround(0.1), 1), 1.5, 2.5]);
    // the midpoint of 0.1f and 1 is not a float32: the cut is the float32 just below it
    const mid = (Math.fround(0.1) + 1) / 2;
    expect(b.cuts[1]).toBeLessThan(mid);
    expect(Math.fround(mid)).toBeGreaterThan(mid);
    expect(cutBetween(-1, 0)).toBe(-0.5);
    expect(cutBetween(Math.fround(-0.1), Math.fround(0.1))).toBe(0);
    expect(b.bins).toBe(5);
    expect(binOf(b, NaN)).toBe(MISSING_BIN);
    expect(binOf(b, 0.1)).toBe(1); // 0.1 rounds to the same float32 as the threshold: ≤ it
    expect(binOf(b, 0.10000001)).toBe(2);
    expect(binOf(b, 99)).toBe(4);
  });

  it('low-cardinality columns (found without sorting up to 16 distinct values) bin as sorting finds them', () => {
    const r = seededRandom(3);
    for (const k of [1, 2, 5, 16, 17, 40]) {
      const levels = Array.from({ length: k }, () => r.next() * 100 - 50);
      const values = Array.from({ length: 500 }, () => (r.next() < 0.05 ? NaN : levels[r.int(k)]));
      const distinct = [...new Set(values.filter((v) => !Number.isNaN(v)).map(Math.fround))].sort((a, b) => a - b);
      const fitted = fitBins(values, null, 255);
      expect({ thresholds: fitted.thresholds, bins: fitted.bins }).toEqual({ thresholds: distinct.slice(0, -1), bins: Math.max(1, distinct.length) });
      // fewer bins than levels: quantile cuts
      if (distinct.length > 4) expect(fitBins(values, null, 4).bins).toBeLessThanOrEqual(4);
    }
    // −0 and +0 are one value; −0 is kept (the sorted order puts it first)
    expect(Object.is(fitBins([0, 1, -0, 2], null, 255).thresholds[0], -0)).toBe(true);
    expect(Object.is(fitBins([0, 1, 2], null, 255).thresholds[0], 0)).toBe(true);
  });

  it('quantile cuts with more distinct values than bins, equal values never split', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 500 ? 0 : i));
    const b = fitBins(values, null, 10);
    expect(b.bins).toBeLessThanOrEqual(10);
    expect(b.thresholds[0]).toBe(0); // the 500 zeros are one bin
    const counts = new Array(b.bins).fill(0);
    for (const v of values) counts[binOf(b, v)]++;
    expect(counts[0]).toBe(500);
    for (let k = 1; k < b.bins; k++) expect(counts[k]).toBeGreaterThanOrEqual(50);
    expect(() => fitBins(values, null, 256)).toThrow(RangeError);
  });
});

/**
 * The histogram GBDT against a separately written, naive reference of the same definition:
 * exact search over every distinct value (no histograms, no subtraction, recursion instead of
 * levels), gradients and leaves recomputed from scratch each round. On small data every distinct
 * value has its own bin, so both must grow the same trees and give the same margins.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom';
import { fitBins, binOf, MISSING_BIN } from './featureBins';
import { gbdtMargins, trainGbdt } from './gbdt';

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
    for (const t of values.slice(0, -1)) {
      const le = rows.filter((i) => !Number.isNaN(x[f][i]) && x[f][i] <= t);
      const gt = rows.filter((i) => !Number.isNaN(x[f][i]) && x[f][i] > t);
      const options = missing.length > 0 ? [true, false] : [le.length >= gt.length];
      for (const ml of options) {
        const L = ml ? [...le, ...missing] : le;
        const R = ml ? gt : [...gt, ...missing];
        if (L.length < p.minLeaf || R.length < p.minLeaf || sum(L, h) < 1e-3 || sum(R, h) < 1e-3) continue;
        const gain = sum(L, g) ** 2 / (sum(L, h) + p.l2) + sum(R, g) ** 2 / (sum(R, h) + p.l2) - G ** 2 / (H + p.l2);
        if (gain > 1e-12 && (!best || gain > best.gain + 1e-12)) best = { gain, f, t, ml };
      }
    }
  }
  if (!best) return node;
  const { f, t, ml } = best;
  const goesLeft = (i: number) => (Number.isNaN(x[f][i]) ? ml : x[f][i] <= t);
  return { ...node, feature: f, threshold: t, missingLeft: ml, left: refTree(x, g, h, rows.filter(goesLeft), depth + 1, p), right: refTree(x, g, h, rows.filter((i) => !goesLeft(i)), depth + 1, p) };
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

describe('histogram GBDT', () => {
  it.each(['classification', 'regression'] as const)('%s: the same trees and margins as the naive reference, round by round', (task) => {
    const y = task === 'classification' ? label : value;
    const p = { maxDepth: 3, minLeaf: 4, l2: 1, lr: 0.3 };
    const model = trainGbdt([Float64Array.from(x0), Float64Array.from(x1)], Float64Array.from(y), task, { nEstimators: 4, maxDepth: p.maxDepth, minSamplesLeaf: p.minLeaf, l2: p.l2, learningRate: p.lr });
    // reference: base margin, then each round's gradients from the current margins
    const mean = y.reduce((a, b) => a + b, 0) / N;
    const base = task === 'classification' ? Math.log(mean / (1 - mean)) : mean;
    expect(model.baseMargin).toBeCloseTo(base, 14);
    const margin = new Array<number>(N).fill(base);
    const all = Array.from({ length: N }, (_, i) => i);
    for (let t = 0; t < 4; t++) {
      const g = margin.map((m, i) => (task === 'classification' ? 1 / (1 + Math.exp(-m)) - y[i] : m - y[i]));
      const h = margin.map((m) => (task === 'classification' ? (1 / (1 + Math.exp(-m))) * (1 - 1 / (1 + Math.exp(-m))) : 1));
      const ref = refTree([x0, x1], g, h, all, 0, p);
      // the root split is the same
      expect(model.trees[t].feature[0]).toBe(ref.feature);
      if (ref.feature >= 0) {
        expect(model.trees[t].threshold[0]).toBe(ref.threshold);
        expect(model.trees[t].missingLeft[0] === 1).toBe(ref.missingLeft);
      }
      for (let i = 0; i < N; i++) margin[i] += refPredict(ref, [x0, x1], i);
    }
    // the trees do split (more than a root leaf), on both features
    expect(model.trees.every((t) => t.feature.length >= 5)).toBe(true);
    expect(new Set(model.trees.flatMap((t) => Array.from(t.feature).filter((f) => f >= 0)))).toEqual(new Set([0, 1]));
    const ours = gbdtMargins(model, [x0, x1], N);
    for (let i = 0; i < N; i++) expect(ours[i]).toBeCloseTo(margin[i], 10);
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

describe('feature bins', () => {
  it('one bin per distinct float32 value when they fit; thresholds are training values', () => {
    const b = fitBins([3, 1, 2, 2, NaN, 1e-8, 0.1], null, 255);
    expect(b.thresholds).toEqual([Math.fround(1e-8), Math.fround(0.1), 1, 2]);
    expect(b.bins).toBe(5);
    expect(binOf(b, NaN)).toBe(MISSING_BIN);
    expect(binOf(b, 0.1)).toBe(1); // 0.1 rounds to the same float32 as the threshold: ≤ it
    expect(binOf(b, 0.10000001)).toBe(2);
    expect(binOf(b, 99)).toBe(4);
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

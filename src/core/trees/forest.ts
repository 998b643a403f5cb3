/**
 * Decision trees and random forests (Breiman 2001) with the contract's parameters
 * (shared/spec/cli.md, "train"): a `tree` is one CART tree on all rows and all features; a
 * `forest` grows `nEstimators` CART trees, each on a bootstrap sample of round(subsample · n)
 * draws with replacement (scikit-learn's max_samples; the draw counts are the row weights) with
 * √F features drawn per split (or colsampleByTree · F when given), and predicts the mean of its
 * trees' leaves — P(positive) for classifiers, as scikit-learn's predict_proba. Depth is unlimited
 * and leaves hold one row or more by default. Seeded: the same seed grows the same forest.
 */
import { InputError } from '../errors/errors';
import type { TrainParams } from '../pipeline/trainParams';
import { finish, type Steps } from '../progress/steps';
import { seededRandom } from '../random/seededRandom';
import { growCart } from './cart';
import { binValues, fitBins, type FeatureBins } from './featureBins';
import { leafOf, type Tree } from './tree';

export interface ForestModel {
  kind: 'tree' | 'forest';
  task: 'classification' | 'regression';
  trees: Tree[];
  bins: FeatureBins[];
}

export interface ForestOptions {
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export const TREE_DEFAULTS = { maxDepth: Infinity, minSamplesLeaf: 1, maxBins: 255 };
export const FOREST_DEFAULTS = { ...TREE_DEFAULTS, nEstimators: 100, subsample: 1 };

/** features[j][i]: feature j of training row i; y: 0/1 labels (classification) or values. */
export function trainForest(kind: 'tree' | 'forest', features: readonly Float64Array[], y: ArrayLike<number>, task: 'classification' | 'regression', params: TrainParams = {}, options: ForestOptions = {}): ForestModel {
  return finish(forestSteps(kind, features, y, task, params, options.seed ?? 42), options.onProgress);
}

/** trainForest as steps: one per tree. */
export function* forestSteps(kind: 'tree' | 'forest', features: readonly Float64Array[], y: ArrayLike<number>, task: 'classification' | 'regression', params: TrainParams, seed: number): Steps<ForestModel> {
  const p = { ...FOREST_DEFAULTS, ...params };
  const n = y.length;
  const nf = features.length;
  if (n === 0) throw new InputError(`${kind}: no rows to train on`);
  const rng = seededRandom(seed);
  const bins = features.map((f) => fitBins(f, null, p.maxBins));
  const binned = features.map((f, j) => binValues(bins[j], f, null));
  const cart = (featuresPerSplit: number) => ({ maxDepth: p.maxDepth, minSamplesLeaf: p.minSamplesLeaf, featuresPerSplit, rng });
  if (kind === 'tree') {
    yield { done: 0, total: 1 };
    const tree = growCart(binned, bins, y, null, Uint32Array.from({ length: n }, (_, i) => i), cart(nf));
    yield { done: 1, total: 1 };
    return { kind, task, trees: [tree], bins };
  }
  const perSplit = params.colsampleByTree !== undefined ? Math.max(1, Math.floor(params.colsampleByTree * nf)) : Math.max(1, Math.floor(Math.sqrt(nf)));
  const draws = Math.max(1, Math.round(p.subsample * n));
  const trees: Tree[] = [];
  const counts = new Float64Array(n);
  for (let t = 0; t < p.nEstimators; t++) {
    counts.fill(0);
    for (let d = 0; d < draws; d++) counts[rng.int(n)]++;
    let m = 0;
    for (let i = 0; i < n; i++) if (counts[i] > 0) m++;
    const rows = new Uint32Array(m);
    for (let i = 0, k = 0; i < n; i++) if (counts[i] > 0) rows[k++] = i;
    trees.push(growCart(binned, bins, y, counts, rows, cart(Math.min(perSplit, nf))));
    yield { done: t + 1, total: p.nEstimators };
  }
  return { kind, task, trees, bins };
}

/** The mean of the trees' leaf values for rows given as feature columns (`features[j][i]`). */
export function forestPredict(model: ForestModel, features: readonly ArrayLike<number>[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (const tree of model.trees) for (let i = 0; i < n; i++) out[i] += tree.value[leafOf(tree, features, i)];
  const k = model.trees.length;
  for (let i = 0; i < n; i++) out[i] /= k;
  return out;
}

/**
 * A tree ensemble as ONNX's ai.onnx.ml TreeEnsemble operators define it, whoever trained it:
 * per node a feature, a float32 threshold, a comparison mode (BRANCH_LEQ, BRANCH_LT, …; the row
 * goes to the "true" child when `x mode threshold` holds), the child a missing value takes, and
 * leaf values. The ensemble's score (before any post_transform) is
 *   base + Σ_trees value(leaf)   (SUM)   or   base + mean_trees value(leaf)   (AVERAGE).
 * onnxruntime compares the float32 input with the float32 threshold, so memory rounds x to float32.
 */
import type { Tree } from '../trees/tree';

export type BranchMode = 'BRANCH_LEQ' | 'BRANCH_LT' | 'BRANCH_GTE' | 'BRANCH_GT' | 'BRANCH_EQ' | 'BRANCH_NEQ';
export const BRANCH_MODES: readonly BranchMode[] = ['BRANCH_LEQ', 'BRANCH_LT', 'BRANCH_GTE', 'BRANCH_GT', 'BRANCH_EQ', 'BRANCH_NEQ'];

export interface EnsembleTree {
  /** Feature of each node; −1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  /** Index into BRANCH_MODES. */
  mode: Uint8Array;
  /** The child taken when the comparison holds / does not. */
  whenTrue: Int32Array;
  whenFalse: Int32Array;
  /** 1: a missing value takes the "true" child. */
  missingTrue: Uint8Array;
  /** Leaf values (already scaled as the ensemble sums them). */
  value: Float64Array;
}

export interface TreeEnsemble {
  trees: EnsembleTree[];
  base: number;
  aggregate: 'SUM' | 'AVERAGE';
  /** The operator's post_transform: the score above is the margin before it. */
  postTransform: string;
  /** Number of input features the trees index. */
  features: number;
}

/** Whether row `x` (float32-rounded by the caller or not) takes the "true" child of `node`. */
export function takesTrue(tree: EnsembleTree, node: number, x: number): boolean {
  if (x !== x) return tree.missingTrue[node] === 1;
  const v = Math.fround(x);
  const t = tree.threshold[node];
  switch (tree.mode[node]) {
    case 0:
      return v <= t;
    case 1:
      return v < t;
    case 2:
      return v >= t;
    case 3:
      return v > t;
    case 4:
      return v === t;
    default:
      return v !== t;
  }
}

/** The leaf a row reaches; `x(feature)` gives the row's value of a feature. */
export function leafReached(tree: EnsembleTree, x: (feature: number) => number): number {
  let node = 0;
  while (tree.feature[node] >= 0) node = takesTrue(tree, node, x(tree.feature[node])) ? tree.whenTrue[node] : tree.whenFalse[node];
  return node;
}

/** The ensemble's score (margin) of one row. */
export function ensembleScore(ensemble: TreeEnsemble, x: (feature: number) => number): number {
  let sum = 0;
  for (const tree of ensemble.trees) sum += tree.value[leafReached(tree, x)];
  return ensemble.base + (ensemble.aggregate === 'AVERAGE' ? sum / ensemble.trees.length : sum);
}

/** Glassbox's own trees (tree.ts: a row goes left when fround(x) ≤ threshold) as an ensemble. */
export function ensembleOfTrees(trees: readonly Tree[], base: number, aggregate: 'SUM' | 'AVERAGE', postTransform = 'NONE'): TreeEnsemble {
  let features = 0;
  const converted = trees.map((t) => {
    for (const f of t.feature) features = Math.max(features, f + 1);
    return { feature: t.feature, threshold: t.threshold, mode: new Uint8Array(t.feature.length), whenTrue: t.left, whenFalse: t.right, missingTrue: t.missingLeft, value: t.value };
  });
  return { trees: converted, base, aggregate, postTransform, features };
}

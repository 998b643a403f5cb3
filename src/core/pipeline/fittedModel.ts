/**
 * The model part of a pipeline, one of the contract's kinds (shared/spec/cli.md, "train"),
 * fitted on the recipe's feature columns: L2 logistic or ridge regression, a CART tree, a
 * random forest or histogram gradient boosting. `modelScores` gives what the exported file gives:
 * P(positive) for classifiers, the value for regressors.
 */
import type { Steps } from '../progress/steps';
import { fitLogistic, sigmoid } from '../train/logisticRegression';
import { linearPredictor, type LinearModel } from '../train/linearModel';
import { fitRidge } from '../train/ridgeRegression';
import { FOREST_DEFAULTS, forestPredict, forestSteps, TREE_DEFAULTS, type ForestModel } from '../trees/forest';
import { GBDT_DEFAULTS, gbdtMargins, gbdtSteps, type GbdtModel } from '../trees/gbdt';
import type { ModelKind, TrainParams } from './trainParams';

export type Task = 'classification' | 'regression';

export type FittedModel =
  | { kind: 'logistic'; linear: LinearModel }
  | { kind: 'linear'; linear: LinearModel }
  | { kind: 'gbdt'; gbdt: GbdtModel }
  | { kind: 'tree'; forest: ForestModel }
  | { kind: 'forest'; forest: ForestModel };

export const LINEAR_KINDS: readonly ModelKind[] = ['logistic', 'linear'];
export const TREE_KINDS: readonly ModelKind[] = ['tree', 'forest', 'gbdt'];

/** Fits `kind` on feature columns (`features[j][i]`); y: 0/1 labels or values. One step per tree for tree models. */
export function* fitModelSteps(kind: ModelKind, features: readonly Float64Array[], y: Uint8Array | Float64Array, task: Task, params: TrainParams, seed: number): Steps<FittedModel> {
  switch (kind) {
    case 'logistic': {
      const linear = fitLogistic(features, y as Uint8Array, { l2: params.l2 });
      return { kind, linear: { intercept: linear.intercept, coefficients: linear.coefficients } };
    }
    case 'linear':
      return { kind, linear: fitRidge(features, y as Float64Array, { l2: params.l2 }) };
    case 'gbdt':
      return { kind, gbdt: yield* gbdtSteps(features, y, task, params, seed) };
    case 'tree':
      return { kind, forest: yield* forestSteps(kind, features, y, task, params, seed) };
    case 'forest':
      return { kind, forest: yield* forestSteps(kind, features, y, task, params, seed) };
  }
}

/** The model's margin: the log-odds of a logistic model or a GBDT classifier; the value of regressors and trees/forests. */
export function modelMargins(model: FittedModel, features: readonly Float64Array[], n: number): Float64Array {
  switch (model.kind) {
    case 'logistic':
    case 'linear':
      return linearPredictor(model.linear, features, n);
    case 'gbdt':
      return gbdtMargins(model.gbdt, features, n);
    case 'tree':
    case 'forest':
      return forestPredict(model.forest, features, n);
  }
}

/** P(positive) for classifiers, the value for regressors. */
export function modelScores(model: FittedModel, task: Task, features: readonly Float64Array[], n: number): Float64Array {
  const m = modelMargins(model, features, n);
  if (task === 'regression' || model.kind === 'tree' || model.kind === 'forest') return m;
  for (let i = 0; i < n; i++) m[i] = sigmoid(m[i]);
  return m;
}

/** The coefficients of a logistic or linear model (null for tree models). */
export function linearOf(model: FittedModel): LinearModel | null {
  return model.kind === 'logistic' || model.kind === 'linear' ? model.linear : null;
}

export interface TreeSummary {
  trees: number;
  /** Leaves over all trees. */
  leaves: number;
  /** The deepest leaf (the root is depth 0). */
  depth: number;
  /** Boosting with early stopping: rounds run, trees kept (the best round) and the validation rows. */
  earlyStopping?: { rounds: number; kept: number; validationRows: number };
}

/** Size of a tree model (null for linear models). */
export function treeSummary(model: FittedModel): TreeSummary | null {
  const trees = model.kind === 'gbdt' ? model.gbdt.trees : model.kind === 'tree' || model.kind === 'forest' ? model.forest.trees : null;
  if (!trees) return null;
  let leaves = 0;
  let depth = 0;
  for (const tree of trees) {
    const level = new Int32Array(tree.feature.length);
    for (let k = 0; k < tree.feature.length; k++) {
      if (tree.feature[k] < 0) {
        leaves++;
        depth = Math.max(depth, level[k]);
      } else {
        level[tree.left[k]] = level[k] + 1;
        level[tree.right[k]] = level[k] + 1;
      }
    }
  }
  const stopped = model.kind === 'gbdt' && model.gbdt.validationLoss.length > 0 ? { rounds: model.gbdt.validationLoss.length, kept: model.gbdt.bestIteration, validationRows: model.gbdt.validationRows } : undefined;
  return { trees: trees.length, leaves, depth, ...(stopped ? { earlyStopping: stopped } : {}) };
}

/** Every parameter a kind uses, as trained: the given ones over the contract's defaults (null depth = unlimited; a forest's default features per split is "sqrt"). */
export function effectiveParams(kind: ModelKind, params: TrainParams): Record<string, number | string | null> {
  switch (kind) {
    case 'logistic':
    case 'linear':
      return { l2: params.l2 ?? 1 };
    case 'gbdt':
      return { ...GBDT_DEFAULTS, ...params };
    case 'tree': {
      const p = { ...TREE_DEFAULTS, ...params };
      return { maxDepth: Number.isFinite(p.maxDepth) ? p.maxDepth : null, minSamplesLeaf: p.minSamplesLeaf, maxBins: p.maxBins };
    }
    case 'forest': {
      const p = { ...FOREST_DEFAULTS, ...params };
      return { nEstimators: p.nEstimators, maxDepth: Number.isFinite(p.maxDepth) ? p.maxDepth : null, minSamplesLeaf: p.minSamplesLeaf, subsample: p.subsample, colsampleByTree: params.colsampleByTree ?? 'sqrt', maxBins: p.maxBins };
    }
  }
}

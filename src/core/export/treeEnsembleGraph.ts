/**
 * Trees as one ai.onnx.ml tree-ensemble node (opset 3): the features cast to float32, every
 * inner node BRANCH_LEQ on its float32 threshold with the learned missing direction
 * (nodes_missing_value_tracks_true). Memory routes a row with fround(x) ≤ threshold
 * (src/core/trees/tree.ts), the same comparison of the same float32 numbers, so every row reaches
 * the same leaf in both. Leaf values are float32 in the file (the attribute type).
 *
 * - `treeEnsembleGraph`: a TreeEnsembleRegressor — the leaves summed (or averaged) plus `base`,
 *   [N, 1] float32: the margin of boosted trees, the value of regression trees and forests.
 * - `treeEnsembleClassifierGraph`: a binary TreeEnsembleClassifier with outputs `label` and
 *   `probabilities` [N, 2] = [1 − p, p]: each leaf weighs class 0 (onnxruntime's binary case,
 *   as XGBoost's and LightGBM's converters write it) and the classifier adds the second column;
 *   with post_transform LOGISTIC (boosting) p = σ(base + Σ leaves), with NONE (a tree or a
 *   forest, leaves = P(positive) divided by the number of trees) p = Σ leaves.
 */
import type { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { Tree } from '../trees/tree';

const FLOAT = 1;

interface EnsembleArrays {
  nodes: { treeids: number[]; nodeids: number[]; featureids: number[]; values: number[]; modes: string[]; truenodeids: number[]; falsenodeids: number[]; missing: number[] };
  leaves: { treeids: number[]; nodeids: number[]; weights: number[] };
}

function ensembleArrays(trees: readonly Tree[], leafScale: number): EnsembleArrays {
  const nodes: EnsembleArrays['nodes'] = { treeids: [], nodeids: [], featureids: [], values: [], modes: [], truenodeids: [], falsenodeids: [], missing: [] };
  const leaves: EnsembleArrays['leaves'] = { treeids: [], nodeids: [], weights: [] };
  trees.forEach((tree, t) => {
    for (let k = 0; k < tree.feature.length; k++) {
      const leaf = tree.feature[k] < 0;
      nodes.treeids.push(t);
      nodes.nodeids.push(k);
      nodes.featureids.push(leaf ? 0 : tree.feature[k]);
      nodes.values.push(leaf ? 0 : tree.threshold[k]);
      nodes.modes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      nodes.truenodeids.push(leaf ? 0 : tree.left[k]);
      nodes.falsenodeids.push(leaf ? 0 : tree.right[k]);
      nodes.missing.push(leaf ? 0 : tree.missingLeft[k]);
      if (leaf) {
        leaves.treeids.push(t);
        leaves.nodeids.push(k);
        leaves.weights.push(tree.value[k] * leafScale);
      }
    }
  });
  return { nodes, leaves };
}

function nodeAttributes({ nodes }: EnsembleArrays) {
  return {
    nodes_treeids: { ints: nodes.treeids },
    nodes_nodeids: { ints: nodes.nodeids },
    nodes_featureids: { ints: nodes.featureids },
    nodes_values: { floats: nodes.values },
    nodes_modes: { strings: nodes.modes },
    nodes_truenodeids: { ints: nodes.truenodeids },
    nodes_falsenodeids: { ints: nodes.falsenodeids },
    nodes_missing_value_tracks_true: { ints: nodes.missing },
  };
}

/** `features`: [N, F] (any float type); returns the sum (or mean) of the leaves plus `base`, [N, 1] float32. */
export function treeEnsembleGraph(graph: OnnxGraph, trees: readonly Tree[], base: number, features: string, options: { id?: string; aggregate?: 'SUM' | 'AVERAGE'; output?: string } = {}): string {
  const id = options.id ?? 'trees';
  const arrays = ensembleArrays(trees, 1);
  const x = graph.node('Cast', [features], `${id}_input`, { to: { int: FLOAT } });
  return graph.node(
    'TreeEnsembleRegressor',
    [x],
    options.output ?? `${id}_margin`,
    {
      n_targets: { int: 1 },
      aggregate_function: { string: options.aggregate ?? 'SUM' },
      post_transform: { string: 'NONE' },
      base_values: { floats: [base] },
      ...nodeAttributes(arrays),
      target_treeids: { ints: arrays.leaves.treeids },
      target_nodeids: { ints: arrays.leaves.nodeids },
      target_ids: { ints: arrays.leaves.treeids.map(() => 0) },
      target_weights: { floats: arrays.leaves.weights },
    },
    'ai.onnx.ml',
  );
}

export interface ClassifierHead {
  /** Added to the sum of the leaves before the post transform. */
  base: number;
  /** Leaf values are multiplied by this (1/number of trees for a forest's mean). */
  leafScale: number;
  postTransform: 'LOGISTIC' | 'NONE';
  /** [negative, positive]. */
  classLabels: readonly (string | number)[];
}

/** Returns the names of the `label` [N] and `probabilities` [N, 2] float32 outputs. */
export function treeEnsembleClassifierGraph(graph: OnnxGraph, trees: readonly Tree[], head: ClassifierHead, features: string, id = 'trees'): { label: string; probabilities: string; labelType: 'int64' | 'string' } {
  const arrays = ensembleArrays(trees, head.leafScale);
  const x = graph.node('Cast', [features], `${id}_input`, { to: { int: FLOAT } });
  const numeric = head.classLabels.every((l) => typeof l === 'number' && Number.isInteger(l));
  const [label, probabilities] = graph.nodeOutputs('TreeEnsembleClassifier', [x], ['label', 'probabilities'], {
    ...(numeric ? { classlabels_int64s: { ints: head.classLabels as number[] } } : { classlabels_strings: { strings: head.classLabels.map(String) } }),
    post_transform: { string: head.postTransform },
    base_values: { floats: [head.base] },
    ...nodeAttributes(arrays),
    class_treeids: { ints: arrays.leaves.treeids },
    class_nodeids: { ints: arrays.leaves.nodeids },
    class_ids: { ints: arrays.leaves.treeids.map(() => 0) },
    class_weights: { floats: arrays.leaves.weights },
  }, 'ai.onnx.ml');
  return { label, probabilities, labelType: numeric ? 'int64' : 'string' };
}

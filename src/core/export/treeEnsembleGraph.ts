/**
 * Trees as one ai.onnx.ml TreeEnsembleRegressor node (opset ≤ 3): the features cast to float32,
 * every inner node BRANCH_LEQ on its float32 threshold with the learned missing direction
 * (nodes_missing_value_tracks_true), leaves weighted by their value, summed with `base` — the
 * ensemble's margin [N, 1] (float32). Memory routes a row with fround(x) ≤ threshold
 * (src/core/trees/tree.ts), the same comparison of the same float32 numbers, so every row reaches
 * the same leaf in both. Leaf values are float32 in the file (the attribute type).
 */
import type { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { Tree } from '../trees/tree';

const FLOAT = 1;

/** `features`: [N, F] (any float type); returns the margin [N, 1] float32. */
export function treeEnsembleGraph(graph: OnnxGraph, trees: readonly Tree[], base: number, features: string, id = 'trees'): string {
  const nodes = { treeids: [] as number[], nodeids: [] as number[], featureids: [] as number[], values: [] as number[], modes: [] as string[], truenodeids: [] as number[], falsenodeids: [] as number[], missing: [] as number[] };
  const leaves = { treeids: [] as number[], nodeids: [] as number[], ids: [] as number[], weights: [] as number[] };
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
        leaves.ids.push(0);
        leaves.weights.push(tree.value[k]);
      }
    }
  });
  const x = graph.node('Cast', [features], `${id}_input`, { to: { int: FLOAT } });
  return graph.node(
    'TreeEnsembleRegressor',
    [x],
    `${id}_margin`,
    {
      n_targets: { int: 1 },
      aggregate_function: { string: 'SUM' },
      post_transform: { string: 'NONE' },
      base_values: { floats: [base] },
      nodes_treeids: { ints: nodes.treeids },
      nodes_nodeids: { ints: nodes.nodeids },
      nodes_featureids: { ints: nodes.featureids },
      nodes_values: { floats: nodes.values },
      nodes_modes: { strings: nodes.modes },
      nodes_truenodeids: { ints: nodes.truenodeids },
      nodes_falsenodeids: { ints: nodes.falsenodeids },
      nodes_missing_value_tracks_true: { ints: nodes.missing },
      target_treeids: { ints: leaves.treeids },
      target_nodeids: { ints: leaves.nodeids },
      target_ids: { ints: leaves.ids },
      target_weights: { floats: leaves.weights },
    },
    'ai.onnx.ml',
  );
}

/**
 * The tree ensemble inside an ONNX file — Glassbox's own, or scikit-learn's / XGBoost's /
 * LightGBM's as their converters write it — rebuilt from the ai.onnx.ml TreeEnsembleClassifier or
 * TreeEnsembleRegressor attributes (opset 1–3; values as floats or as tensors). The score it
 * gives is the operator's raw score before its post_transform (the margin):
 *   - a regressor: base_values[0] + Σ (or mean of) target_weights of the leaves;
 *   - a binary classifier: the positive class's score — the weights of class id 1 when the leaves
 *     weigh both classes (plus base_values[1]), or the single class's weights when every leaf weighs
 *     class id 0 only (onnxruntime's binary case, where that score is the positive class's).
 * Also returned: the tensor the node reads (its features) and what it needs, so that the model's
 * own preprocessing can produce them (graphOutputs.ts).
 */
import { ModelError } from '../errors/errors';
import { readGraphNodes, type AttributeValue } from '../inference/onnx/graphNodes';
import { BRANCH_MODES, type BranchMode, type EnsembleTree, type TreeEnsemble } from './treeEnsemble';

export interface ModelEnsemble {
  ensemble: TreeEnsemble;
  /** The tensor the ensemble node reads: [N, features]. */
  input: string;
  opType: 'TreeEnsembleClassifier' | 'TreeEnsembleRegressor';
}

/** The model's one tree-ensemble node as an ensemble, or null when it has none. Throws ModelError for one it cannot rebuild. */
export function readTreeEnsemble(model: Uint8Array): ModelEnsemble | null {
  const nodes = readGraphNodes(model).filter((n) => n.opType === 'TreeEnsembleClassifier' || n.opType === 'TreeEnsembleRegressor');
  if (nodes.length === 0) return null;
  if (nodes.length > 1) throw new ModelError(`the model has ${nodes.length} tree-ensemble nodes; tree explanations need exactly one`);
  const node = nodes[0];
  const opType = node.opType as ModelEnsemble['opType'];
  const a = node.attributes;
  const ints = (name: string): number[] => (Array.isArray(a[name]) ? (a[name] as number[]) : []);
  const nums = (name: string): number[] => (Array.isArray(a[name + '_as_tensor']) ? (a[name + '_as_tensor'] as number[]) : ints(name));
  const text = (name: string, fallback: string): string => (typeof a[name] === 'string' ? (a[name] as string) : fallback);

  const treeIds = ints('nodes_treeids');
  const nodeIds = ints('nodes_nodeids');
  const featureIds = ints('nodes_featureids');
  const values = nums('nodes_values');
  const modes = (a.nodes_modes as string[] | undefined) ?? [];
  const trueIds = ints('nodes_truenodeids');
  const falseIds = ints('nodes_falsenodeids');
  const missingTracksTrue = ints('nodes_missing_value_tracks_true');
  if (treeIds.length === 0 || [nodeIds, featureIds, values, modes, trueIds, falseIds].some((x) => x.length !== treeIds.length)) {
    throw new ModelError(`the ${opType} node's nodes_* attributes are missing or of different lengths`);
  }

  const prefix = opType === 'TreeEnsembleClassifier' ? 'class' : 'target';
  const leafTrees = ints(`${prefix}_treeids`);
  const leafNodes = ints(`${prefix}_nodeids`);
  const leafIds = ints(`${prefix}_ids`);
  const leafWeights = nums(`${prefix}_weights`);
  const base = nums('base_values');
  let positiveId = 0;
  let baseValue = base[0] ?? 0;
  if (opType === 'TreeEnsembleClassifier') {
    const labels = (a.classlabels_int64s ?? a.classlabels_strings) as AttributeValue | undefined;
    const classes = Array.isArray(labels) ? labels.length : 0;
    if (classes !== 2) throw new ModelError(`the TreeEnsembleClassifier has ${classes} classes; tree explanations cover binary classifiers`);
    const ids = new Set(leafIds);
    positiveId = ids.has(1) ? 1 : 0;
    baseValue = positiveId === 1 ? (base[1] ?? 0) : (base[0] ?? 0);
  } else {
    const targets = typeof a.n_targets === 'number' ? a.n_targets : 1;
    if (targets !== 1) throw new ModelError(`the TreeEnsembleRegressor has ${targets} targets; tree explanations cover one`);
  }
  const aggregate = text('aggregate_function', 'SUM');
  if (aggregate !== 'SUM' && aggregate !== 'AVERAGE') throw new ModelError(`the ${opType} aggregates its trees by ${aggregate}; tree explanations cover SUM and AVERAGE`);

  // nodes per tree, indexed by node id
  const byTree = new Map<number, number[]>();
  treeIds.forEach((t, k) => {
    const list = byTree.get(t);
    if (list) list.push(k);
    else byTree.set(t, [k]);
  });
  const leafValue = new Map<string, number>();
  leafTrees.forEach((t, k) => {
    if (leafIds[k] !== positiveId) return;
    const key = `${t}:${leafNodes[k]}`;
    leafValue.set(key, (leafValue.get(key) ?? 0) + leafWeights[k]);
  });

  let features = 0;
  const trees: EnsembleTree[] = [];
  for (const [t, entries] of [...byTree].sort((x, y) => x[0] - y[0])) {
    const index = new Map<number, number>();
    // the root first: the node no other node of the tree points to
    const children = new Set<number>();
    for (const k of entries) if (modes[k] !== 'LEAF') children.add(trueIds[k]).add(falseIds[k]);
    const root = entries.find((k) => !children.has(nodeIds[k]));
    if (root === undefined) throw new ModelError(`tree ${t} of the ${opType} has no root (its nodes form a cycle)`);
    const ordered = [root, ...entries.filter((k) => k !== root)];
    ordered.forEach((k, i) => index.set(nodeIds[k], i));
    const n = ordered.length;
    const tree: EnsembleTree = {
      feature: new Int32Array(n),
      threshold: new Float64Array(n),
      mode: new Uint8Array(n),
      whenTrue: new Int32Array(n),
      whenFalse: new Int32Array(n),
      missingTrue: new Uint8Array(n),
      value: new Float64Array(n),
    };
    ordered.forEach((k, i) => {
      if (modes[k] === 'LEAF') {
        tree.feature[i] = -1;
        tree.value[i] = leafValue.get(`${t}:${nodeIds[k]}`) ?? 0;
        return;
      }
      const mode = BRANCH_MODES.indexOf(modes[k] as BranchMode);
      if (mode < 0) throw new ModelError(`the ${opType} uses the node mode ${modes[k]}, which tree explanations do not know`);
      const whenTrue = index.get(trueIds[k]);
      const whenFalse = index.get(falseIds[k]);
      if (whenTrue === undefined || whenFalse === undefined) throw new ModelError(`node ${nodeIds[k]} of tree ${t} points to a node that does not exist`);
      tree.feature[i] = featureIds[k];
      tree.threshold[i] = Math.fround(values[k]);
      tree.mode[i] = mode;
      tree.whenTrue[i] = whenTrue;
      tree.whenFalse[i] = whenFalse;
      tree.missingTrue[i] = missingTracksTrue[k] ? 1 : 0;
      features = Math.max(features, featureIds[k] + 1);
    });
    trees.push(tree);
  }
  return { ensemble: { trees, base: baseValue, aggregate, postTransform: text('post_transform', 'NONE'), features }, input: node.inputs[0], opType };
}


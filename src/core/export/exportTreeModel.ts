/**
 * A trained tree model (CART tree, random forest, gradient boosting) with its fitted recipe as
 * one self-contained ONNX file: the recipe graph (double, from the float32 inputs), then one
 * ai.onnx.ml tree-ensemble node (treeEnsembleGraph.ts). Classifiers: TreeEnsembleClassifier with
 * `label` and `probabilities` [N, 2] = [1 − p, p] — boosting with post_transform LOGISTIC on
 * base margin + Σ leaves, a tree or forest with the mean of its leaves' P(positive);
 * regressors: TreeEnsembleRegressor, `variable` [N, 1] (sum of leaves + base for boosting, the
 * mean of the trees for a forest). Metadata as every pipeline file has it (pipelineFile.ts), plus
 * `tree_count`.
 */
import { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { FittedRecipe } from '../recipe/fittedRecipe';
import type { ForestModel } from '../trees/forest';
import type { GbdtModel } from '../trees/gbdt';
import { pipelineFileBytes } from './pipelineFile';
import { recipeGraph } from './recipeGraph';
import { treeEnsembleClassifierGraph, treeEnsembleGraph } from './treeEnsembleGraph';

export type TreeModel = { kind: 'gbdt'; gbdt: GbdtModel } | { kind: 'tree'; forest: ForestModel } | { kind: 'forest'; forest: ForestModel };

export interface TreeExportDescription {
  model: TreeModel;
  recipe: FittedRecipe;
  /** [negative, positive] for classifiers; null for regressors. */
  classLabels: (string | number)[] | null;
  metadata: Record<string, string>;
  producerVersion: string;
}

export function exportTreeModel(d: TreeExportDescription): Uint8Array {
  const { model, recipe } = d;
  const graph = new OnnxGraph(`glassbox_${model.kind}`);
  const features = recipeGraph(graph, recipe);
  const boosted = model.kind === 'gbdt';
  const trees = boosted ? model.gbdt.trees : model.forest.trees;
  const task = boosted ? model.gbdt.task : model.forest.task;
  if (task === 'classification') {
    if (!d.classLabels) throw new RangeError('a classifier needs its two class labels');
    const { labelType } = treeEnsembleClassifierGraph(
      graph,
      trees,
      boosted
        ? { base: model.gbdt.baseMargin, leafScale: 1, postTransform: 'LOGISTIC', classLabels: d.classLabels }
        : { base: 0, leafScale: 1 / trees.length, postTransform: 'NONE', classLabels: d.classLabels },
      features,
    );
    graph.output('label', labelType, ['N']);
    graph.output('probabilities', 'float32', ['N', 2]);
  } else {
    treeEnsembleGraph(graph, trees, boosted ? model.gbdt.baseMargin : 0, features, { aggregate: boosted ? 'SUM' : 'AVERAGE', output: 'variable' });
    graph.output('variable', 'float32', ['N', 1]);
  }
  return pipelineFileBytes(graph, { recipe, task, classLabels: d.classLabels, metadata: { ...d.metadata, tree_count: String(trees.length) }, producerVersion: d.producerVersion });
}

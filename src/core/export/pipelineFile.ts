/**
 * What every exported Glassbox pipeline file has in common, whatever its model: metadata_props
 * with what the contract asks for (feature_names = the raw input columns, task, class_labels,
 * positive_class) and provenance, plus the encoded features (`encoded_features`) and the raw
 * column(s) each derives from (`encoded_feature_sources`: per feature the column name, or an
 * array of names for a feature derived from several columns, e.g. a recipe's `combine`); opsets
 * ai.onnx 17 and ai.onnx.ml 3; no ZipMap.
 */
import type { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { FittedRecipe } from '../recipe/fittedRecipe';

export interface PipelineFileDescription {
  recipe: FittedRecipe;
  task: 'classification' | 'regression';
  /** [negative, positive] for classifiers. */
  classLabels: (string | number)[] | null;
  /** Extra metadata_props (provenance: version, hashes, seed, params, …). */
  metadata: Record<string, string>;
  producerVersion: string;
}

export function pipelineFileBytes(graph: OnnxGraph, d: PipelineFileDescription): Uint8Array {
  const { recipe } = d;
  const metadata: Record<string, string> = {
    feature_names: JSON.stringify(recipe.inputs.map((i) => i.column)),
    task: d.task,
    encoded_features: JSON.stringify(recipe.features),
    encoded_feature_sources: JSON.stringify(recipe.featureSources.map((s) => (s.length === 1 ? s[0] : s))),
    ...d.metadata,
  };
  if (d.classLabels) {
    metadata.class_labels = JSON.stringify(d.classLabels);
    metadata.positive_class = String(d.classLabels[1]);
  }
  return graph.toBytes({ producerName: 'glassbox', producerVersion: d.producerVersion, opsets: { '': 17, 'ai.onnx.ml': 3 }, metadata });
}

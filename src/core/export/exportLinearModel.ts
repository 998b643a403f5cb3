/**
 * A trained linear or logistic model with its fitted recipe as one self-contained ONNX file
 * (ai.onnx opset 17, ai.onnx.ml opset 3, no ZipMap): the recipe graph, then MatMul + Add, then
 * for classifiers Sigmoid (or the calibrator) and the probabilities [N, 2] = [1 − p, p];
 * regressors output `variable` [N, 1]. Computed in double from the float32 inputs on, as in
 * memory; only the outputs are cast to float32, the type every consumer of such models expects.
 * Metadata as every pipeline file has it (pipelineFile.ts).
 */
import { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { FittedRecipe } from '../recipe/fittedRecipe';
import type { Calibrator } from '../pipeline/calibratePipeline';
import { calibrationGraph } from './calibrationGraph';
import { pipelineFileBytes } from './pipelineFile';
import { recipeGraph } from './recipeGraph';

const FLOAT = 1;

export interface LinearModel {
  kind: 'logistic' | 'linear';
  intercept: number;
  coefficients: Float64Array;
}

export interface ExportDescription {
  model: LinearModel;
  recipe: FittedRecipe;
  /** Classifiers: the calibrator applied to the margin instead of the plain sigmoid. */
  calibrator?: Calibrator | null;
  /** [negative, positive] for classifiers. */
  classLabels: (string | number)[] | null;
  /** Extra metadata_props (provenance: version, hashes, seed, params, …). */
  metadata: Record<string, string>;
  producerVersion: string;
}

export function exportLinearModel(d: ExportDescription): Uint8Array {
  const { model, recipe } = d;
  if (model.coefficients.length !== recipe.features.length) {
    throw new RangeError(`${model.coefficients.length} coefficients for ${recipe.features.length} features`);
  }
  const graph = new OnnxGraph(`glassbox_${model.kind}`);
  const features = recipeGraph(graph, recipe);
  const weights = graph.constant('coefficients', 'float64', [recipe.features.length, 1], model.coefficients);
  const bias = graph.constant('intercept', 'float64', [1], [model.intercept]);
  const margin = graph.node('MatMul', [features, weights], 'margin_raw');
  if (model.kind === 'linear') {
    const value = graph.node('Add', [margin, bias], 'value');
    graph.node('Cast', [value], 'variable', { to: { int: FLOAT } });
    graph.output('variable', 'float32', ['N', 1]);
  } else {
    const z = graph.node('Add', [margin, bias], 'margin');
    const p = d.calibrator ? calibrationGraph(graph, d.calibrator, z) : graph.node('Sigmoid', [z], 'p');
    const q = graph.node('Sub', [graph.constant('one', 'float64', [], [1]), p], 'q');
    const probabilities = graph.node('Concat', [q, p], 'probabilities_double', { axis: { int: 1 } });
    graph.node('Cast', [probabilities], 'probabilities', { to: { int: FLOAT } });
    graph.output('probabilities', 'float32', ['N', 2]);
  }
  return pipelineFileBytes(graph, { recipe, task: model.kind === 'logistic' ? 'classification' : 'regression', classLabels: d.classLabels, metadata: d.metadata, producerVersion: d.producerVersion });
}

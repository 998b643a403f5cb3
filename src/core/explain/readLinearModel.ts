/**
 * The linear layer of an ONNX model — MatMul(X, W) with W an initializer of F×1 weights, then Add
 * with a one-value intercept — as Glassbox exports its logistic and ridge models and as
 * scikit-learn pipelines converted by hand or by skl2onnx write them. Its output is the model's
 * margin (the log-odds of a logistic model before the sigmoid or a calibrator; a ridge model's
 * value). Null when the model has no such layer, or more than one MatMul.
 */
import { readGraphNodes, readInitializers } from '../inference/onnx/graphNodes';

export interface ModelLinearLayer {
  /** The tensor the MatMul reads: [N, F]. */
  input: string;
  coefficients: Float64Array;
  intercept: number;
}

export function readLinearModel(model: Uint8Array): ModelLinearLayer | null {
  const nodes = readGraphNodes(model);
  const matmuls = nodes.filter((n) => n.opType === 'MatMul');
  if (matmuls.length !== 1) return null;
  const matmul = matmuls[0];
  const initializers = readInitializers(model);
  const weights = initializers.get(matmul.inputs[1]);
  if (!weights || !(weights.dims.length === 1 || (weights.dims.length === 2 && weights.dims[1] === 1))) return null;
  const add = nodes.find((n) => n.opType === 'Add' && n.inputs.includes(matmul.outputs[0]));
  if (!add) return null;
  const bias = initializers.get(add.inputs.find((i) => i !== matmul.outputs[0]) ?? '');
  if (!bias || bias.values.length !== 1) return null;
  return { input: matmul.inputs[0], coefficients: Float64Array.from(weights.values), intercept: bias.values[0] };
}

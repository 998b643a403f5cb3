/**
 * How Glassbox will use a model, decided from its description: the input layout of the contract
 * (one float `[N, F]` matrix, or one `[N, 1]` input per raw column), the task (binary
 * classification or regression), which output holds the score, and the class labels.
 * Everything Glassbox cannot use is refused here with a message that names the problem.
 */
import { ModelError } from '../errors/errors';
import type { Dimension, ModelDescription, ValueDescription } from './onnx/modelDescription';

export type InputLayout = 'matrix' | 'columns';
export type ModelTask = 'classification' | 'regression';
export type FeedType = 'float32' | 'float64' | 'int64' | 'string' | 'bool';

export interface ModelInput {
  name: string;
  elementType: FeedType;
  /** Declared rank (1 = `[N]`, 2 = `[N, k]`). */
  rank: number;
}

export interface ModelSignature {
  layout: InputLayout;
  task: ModelTask;
  inputs: ModelInput[];
  /** Matrix layout: the number of features F (from the shape, else from feature_names); columns layout: inputs.length. */
  featureCount: number | null;
  /** metadata_props `feature_names` (the column for each matrix position / each raw input), when present. */
  featureNames: string[] | null;
  /** The output read for scores and how: P(positive) at `index` of each row of `width` values. */
  scoreOutput: { name: string; width: number | null; index: number };
  /** Class labels (negative first) for classifiers; null for regressors. */
  classLabels: (string | number)[] | null;
  /** The positive class label (classifiers). */
  positive: string | number | null;
  /** Things worth telling the user that do not stop scoring. */
  warnings: string[];
}

/** Operator domains onnxruntime-web implements. */
const KNOWN_DOMAINS = new Set(['', 'ai.onnx', 'ai.onnx.ml', 'com.microsoft']);
const MAX_OPSET: Record<string, number> = { '': 17, 'ai.onnx': 17, 'ai.onnx.ml': 3 };
const FEED_TYPES = new Set<string>(['float32', 'float64', 'int64', 'string', 'bool']);

export function describeShape(shape: Dimension[] | null): string {
  if (shape === null) return '[?]';
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

export function analyseModel(description: ModelDescription): ModelSignature {
  const warnings: string[] = [];
  checkOperators(description, warnings);
  const featureNames = readFeatureNames(description);
  const { layout, inputs, featureCount } = readInputs(description, featureNames);
  const { output, width } = pickScoreOutput(description);
  const task = decideTask(description, width, output);
  const classLabels = task === 'classification' ? readClassLabels(description) : null;
  let positive: string | number | null = null;
  if (classLabels !== null) {
    const declared = description.metadata['positive_class'];
    positive = declared !== undefined ? matchLabel(classLabels, declared) : classLabels[1];
    if (classLabels.indexOf(positive) !== 1) {
      throw new ModelError(
        `metadata positive_class '${String(declared)}' must be the second class label (${JSON.stringify(classLabels)}): the score is P(${String(classLabels[1])})`,
      );
    }
  }
  const index = width === 2 ? 1 : 0;
  return {
    layout,
    task,
    inputs,
    featureCount,
    featureNames,
    scoreOutput: { name: output.name, width, index },
    classLabels,
    positive,
    warnings,
  };
}

function checkOperators(description: ModelDescription, warnings: string[]): void {
  for (const op of description.operators) {
    if (!KNOWN_DOMAINS.has(op.domain)) {
      throw new ModelError(
        `the model uses operator '${op.opType}' from domain '${op.domain}', which onnxruntime cannot run (only the standard ai.onnx and ai.onnx.ml operators are supported)`,
      );
    }
    if (op.opType === 'ZipMap') {
      throw new ModelError(
        "the model's probabilities come out of a ZipMap (a list of dictionaries); Glassbox needs a probability tensor [N, 2] — re-export the model without ZipMap (skl2onnx: options={'zipmap': False})",
      );
    }
  }
  for (const { domain, version } of description.opsets) {
    const max = MAX_OPSET[domain];
    if (max !== undefined && version > max) {
      warnings.push(
        `the model declares ${domain === '' ? 'ai.onnx' : domain} opset ${version}; Glassbox's contract is opset ≤ ${max}, so other tools may not load it`,
      );
    }
  }
}

function readFeatureNames(description: ModelDescription): string[] | null {
  const text = description.metadata['feature_names'];
  if (text === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ModelError(`metadata feature_names must be a JSON array of column names, got ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (!Array.isArray(parsed) || !parsed.every((n) => typeof n === 'string')) {
    throw new ModelError('metadata feature_names must be a JSON array of column names (strings)');
  }
  return parsed as string[];
}

function feedType(input: ValueDescription): FeedType {
  if (input.kind !== 'tensor' || input.elementType === null || !FEED_TYPES.has(input.elementType)) {
    const what = input.kind === 'tensor' ? `a tensor of ${input.elementType ?? 'unknown type'}` : `a ${input.kind}`;
    throw new ModelError(
      `model input '${input.name}' is ${what}; Glassbox feeds float, double, int64, bool or string tensors`,
    );
  }
  return input.elementType as FeedType;
}

function readInputs(
  description: ModelDescription,
  featureNames: string[] | null,
): { layout: InputLayout; inputs: ModelInput[]; featureCount: number | null } {
  const declared = description.inputs;
  if (declared.length === 0) throw new ModelError('the model has no inputs');
  const inputs = declared.map((d) => ({ name: d.name, elementType: feedType(d), rank: d.shape?.length ?? 2 }));
  const first = declared[0];
  const width = first.shape?.[1];
  const isMatrix =
    declared.length === 1 &&
    (inputs[0].elementType === 'float32' || inputs[0].elementType === 'float64') &&
    (first.shape?.length ?? 0) >= 2 &&
    (width !== 1 || (featureNames !== null && featureNames.length === 1 && featureNames[0] !== first.name));

  if (isMatrix) {
    if (first.shape!.length !== 2) {
      throw new ModelError(
        `model input '${first.name}' has shape ${describeShape(first.shape)}; Glassbox feeds one row per sample: [N, F] or one [N, 1] input per column`,
      );
    }
    const f = typeof width === 'number' && width > 0 ? width : null;
    if (f !== null && featureNames !== null && featureNames.length !== f) {
      throw new ModelError(
        `model input '${first.name}' has shape ${describeShape(first.shape)} (${f} features) but metadata feature_names lists ${featureNames.length} columns — the model file is inconsistent`,
      );
    }
    return { layout: 'matrix', inputs, featureCount: f ?? featureNames?.length ?? null };
  }

  for (const d of declared) {
    const shape = d.shape;
    const ok = shape === null || shape.length === 1 || (shape.length === 2 && (shape[1] === 1 || typeof shape[1] !== 'number'));
    if (!ok) {
      throw new ModelError(
        `model input '${d.name}' has shape ${describeShape(shape)}; with one input per column each must be [N, 1] (or a single float input [N, F])`,
      );
    }
  }
  return { layout: 'columns', inputs, featureCount: inputs.length };
}

function isFloatTensor(v: ValueDescription): boolean {
  return v.kind === 'tensor' && (v.elementType === 'float32' || v.elementType === 'float64');
}

function pickScoreOutput(description: ModelDescription): { output: ValueDescription; width: number | null } {
  const outputs = description.outputs;
  if (outputs.length === 0) throw new ModelError('the model has no outputs');
  const nonTensor = outputs.find((o) => o.kind !== 'tensor');
  const floats = outputs.filter(isFloatTensor);
  if (floats.length === 0) {
    if (nonTensor) {
      throw new ModelError(
        `the model's output '${nonTensor.name}' is a ${nonTensor.kind}, not a tensor (a ZipMap?); Glassbox needs a float tensor of probabilities [N, 2] or values [N, 1] — re-export without ZipMap`,
      );
    }
    throw new ModelError(
      `the model has no float output (outputs: ${outputs.map((o) => `'${o.name}' ${o.elementType ?? o.kind}`).join(', ')}); Glassbox reads probabilities [N, 2] or values [N, 1] and derives labels itself`,
    );
  }
  const preferred =
    floats.find((o) => /^(probabilities|output_probability|probability|variable|predictions?|scores?)$/i.test(o.name)) ?? floats[0];
  const shape = preferred.shape;
  if (shape !== null && shape.length > 2) {
    throw new ModelError(`the model's output '${preferred.name}' has shape ${describeShape(shape)}; expected [N, 2] probabilities or [N, 1] values`);
  }
  const lastDim = shape === null ? null : shape.length === 1 ? 1 : shape[1];
  const width = typeof lastDim === 'number' ? lastDim : null;
  if (width !== null && width > 2) throw multiClass(preferred.name, width);
  return { output: preferred, width };
}

export function multiClass(outputName: string, classes: number): ModelError {
  return new ModelError(
    `the model predicts ${classes} classes (output '${outputName}' has ${classes} columns); Glassbox handles binary classification and regression — binarize the target first (e.g. quality >= 7) and retrain`,
  );
}

function decideTask(description: ModelDescription, width: number | null, output: ValueDescription): ModelTask {
  const declared = description.metadata['task'];
  if (declared === 'classification' || declared === 'regression') {
    if (declared === 'regression' && width === 2) {
      throw new ModelError(`metadata says task 'regression' but output '${output.name}' has two columns (class probabilities)`);
    }
    return declared;
  }
  if (width === 2) return 'classification';
  // A single probability column: a classifier op, or a score squashed by a sigmoid.
  const hasClassifierOp = description.operators.some((o) => /Classifier$/.test(o.opType));
  const squashed = description.outputProducers[output.name] === 'Sigmoid';
  return hasClassifierOp || squashed ? 'classification' : 'regression';
}

function readClassLabels(description: ModelDescription): (string | number)[] {
  const text = description.metadata['class_labels'];
  let labels: (string | number)[] | null = null;
  if (text !== undefined) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string' || typeof v === 'number')) labels = parsed;
    } catch {
      /* reported below */
    }
    if (labels === null) throw new ModelError('metadata class_labels must be a JSON array of the class labels, e.g. [0, 1]');
  }
  labels ??= description.classifierLabels ?? [0, 1];
  if (labels.length > 2) throw multiClass('label', labels.length);
  if (labels.length < 2) throw new ModelError(`the model declares ${labels.length} class label(s); a binary classifier needs two`);
  return labels;
}

function matchLabel(labels: (string | number)[], declared: string): string | number {
  return labels.find((l) => String(l) === declared) ?? declared;
}

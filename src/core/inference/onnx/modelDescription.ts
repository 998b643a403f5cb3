/**
 * What an ONNX file says about itself: producer, opsets, metadata_props, graph inputs and
 * outputs (names, element types, shapes), the operators it uses and — for ai.onnx.ml
 * classifiers — their class labels. Read straight from the protobuf (onnx.proto3 field numbers)
 * so that a model can be inspected, and explained when it is unusable, before any session exists.
 */
import { ModelError } from '../../errors/errors';
import { decodeString, readFields, readPackedVarints, toSignedInt, WIRE_BYTES, type ProtoField } from './protobufReader';

/** ONNX TensorProto.DataType names, as onnxruntime spells them. */
const ELEMENT_TYPES: Record<number, string> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  16: 'bfloat16',
};

export type Dimension = number | string | null;

export interface ValueDescription {
  name: string;
  /** 'tensor' for tensors; 'sequence' / 'map' / 'optional' / 'unknown' for anything else (e.g. ZipMap). */
  kind: 'tensor' | 'sequence' | 'map' | 'optional' | 'unknown';
  /** Element type of a tensor (`float32`, `int64`, `string`, …), null otherwise. */
  elementType: string | null;
  /** Dimensions: numbers, symbolic names, or null for an unnamed unknown dimension; null when the rank is unknown. */
  shape: Dimension[] | null;
}

export interface OperatorUse {
  domain: string;
  opType: string;
  count: number;
}

export interface ModelDescription {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  /** opset_import: '' (or 'ai.onnx') is the default domain. */
  opsets: { domain: string; version: number }[];
  metadata: Record<string, string>;
  graphName: string;
  inputs: ValueDescription[];
  outputs: ValueDescription[];
  operators: OperatorUse[];
  /** The operator that produces each graph output (by output name). */
  outputProducers: Record<string, string>;
  /** Class labels declared by an ai.onnx.ml classifier node (TreeEnsembleClassifier, LinearClassifier, SVMClassifier). */
  classifierLabels: (number | string)[] | null;
}

const CLASSIFIER_OPS = new Set(['TreeEnsembleClassifier', 'LinearClassifier', 'SVMClassifier']);

/** Parse an ONNX file's description. Throws ModelError when the bytes are not an ONNX model. */
export function readModelDescription(bytes: Uint8Array): ModelDescription {
  if (bytes.length === 0) throw new ModelError('the model file is empty');
  const description: ModelDescription = {
    irVersion: 0,
    producerName: '',
    producerVersion: '',
    opsets: [],
    metadata: {},
    graphName: '',
    inputs: [],
    outputs: [],
    operators: [],
    outputProducers: {},
    classifierLabels: null,
  };
  let graph: Uint8Array | null = null;
  try {
    for (const f of readFields(bytes)) {
      switch (f.field) {
        case 1:
          description.irVersion = f.value;
          break;
        case 2:
          description.producerName = text(f);
          break;
        case 3:
          description.producerVersion = text(f);
          break;
        case 7:
          expectBytes(f);
          graph = f.bytes;
          break;
        case 8:
          expectBytes(f);
          description.opsets.push(readOpset(f.bytes));
          break;
        case 14: {
          expectBytes(f);
          const [key, value] = readStringPair(f.bytes);
          description.metadata[key] = value;
          break;
        }
        default:
          break;
      }
    }
  } catch (e) {
    if (e instanceof ModelError) throw notOnnx();
    throw e;
  }
  if (graph === null || description.irVersion === 0) throw notOnnx();
  readGraph(graph, description);
  return description;
}

function notOnnx(): ModelError {
  return new ModelError('the file is not an ONNX model (or it is truncated): expected an ONNX ModelProto with a graph');
}

function expectBytes(f: ProtoField): void {
  if (f.wire !== WIRE_BYTES) throw notOnnx();
}

function text(f: ProtoField): string {
  expectBytes(f);
  return decodeString(f.bytes);
}

function readOpset(bytes: Uint8Array): { domain: string; version: number } {
  let domain = '';
  let version = 0;
  for (const f of readFields(bytes)) {
    if (f.field === 1) domain = text(f);
    else if (f.field === 2) version = f.value;
  }
  return { domain, version };
}

function readStringPair(bytes: Uint8Array): [string, string] {
  let key = '';
  let value = '';
  for (const f of readFields(bytes)) {
    if (f.field === 1) key = text(f);
    else if (f.field === 2) value = text(f);
  }
  return [key, value];
}

function readGraph(bytes: Uint8Array, out: ModelDescription): void {
  const initializers = new Set<string>();
  const inputs: ValueDescription[] = [];
  const operators = new Map<string, OperatorUse>();
  const producers = new Map<string, string>();
  for (const f of readFields(bytes)) {
    switch (f.field) {
      case 1: {
        const node = readNode(f.bytes);
        const key = `${node.domain}\u0000${node.opType}`;
        const use = operators.get(key);
        for (const output of node.outputs) producers.set(output, node.opType);
        if (use) use.count++;
        else operators.set(key, { domain: node.domain, opType: node.opType, count: 1 });
        if (CLASSIFIER_OPS.has(node.opType) && node.labels !== null && out.classifierLabels === null) {
          out.classifierLabels = node.labels;
        }
        break;
      }
      case 2:
        out.graphName = text(f);
        break;
      case 5:
        initializers.add(readTensorName(f.bytes));
        break;
      case 11:
        inputs.push(readValueInfo(f.bytes));
        break;
      case 12:
        out.outputs.push(readValueInfo(f.bytes));
        break;
      default:
        break;
    }
  }
  // Before IR version 4 initializers were also listed as inputs; they are not fed by the caller.
  out.inputs = inputs.filter((i) => !initializers.has(i.name));
  out.operators = [...operators.values()];
  for (const o of out.outputs) {
    const producer = producers.get(o.name);
    if (producer !== undefined) out.outputProducers[o.name] = producer;
  }
}

function readTensorName(bytes: Uint8Array): string {
  for (const f of readFields(bytes)) if (f.field === 8) return text(f);
  return '';
}

interface NodeSummary {
  opType: string;
  outputs: string[];
  domain: string;
  labels: (number | string)[] | null;
}

function readNode(bytes: Uint8Array): NodeSummary {
  const node: NodeSummary = { opType: '', outputs: [], domain: '', labels: null };
  for (const f of readFields(bytes)) {
    if (f.field === 2) node.outputs.push(text(f));
    else if (f.field === 4) node.opType = text(f);
    else if (f.field === 7) node.domain = text(f);
    else if (f.field === 5) {
      const attribute = readLabelAttribute(f.bytes);
      if (attribute !== null) node.labels = attribute;
    }
  }
  return node;
}

/** `classlabels_int64s` / `classlabels_strings` of a classifier node, else null. */
function readLabelAttribute(bytes: Uint8Array): (number | string)[] | null {
  let name = '';
  const ints: number[] = [];
  const strings: string[] = [];
  for (const f of readFields(bytes)) {
    if (f.field === 1) name = text(f);
    else if (f.field === 8) ints.push(...readPackedVarints(f));
    else if (f.field === 9) strings.push(text(f));
  }
  if (name === 'classlabels_int64s') return ints;
  if (name === 'classlabels_strings') return strings;
  return null;
}

function readValueInfo(bytes: Uint8Array): ValueDescription {
  const value: ValueDescription = { name: '', kind: 'unknown', elementType: null, shape: null };
  for (const f of readFields(bytes)) {
    if (f.field === 1) value.name = text(f);
    else if (f.field === 2) readType(f.bytes, value);
  }
  return value;
}

function readType(bytes: Uint8Array, out: ValueDescription): void {
  for (const f of readFields(bytes)) {
    switch (f.field) {
      case 1:
        out.kind = 'tensor';
        readTensorType(f.bytes, out);
        break;
      case 4:
        out.kind = 'sequence';
        break;
      case 5:
        out.kind = 'map';
        break;
      case 9:
        out.kind = 'optional';
        break;
      default:
        break;
    }
  }
}

function readTensorType(bytes: Uint8Array, out: ValueDescription): void {
  for (const f of readFields(bytes)) {
    if (f.field === 1) out.elementType = ELEMENT_TYPES[f.value] ?? `type ${f.value}`;
    else if (f.field === 2) {
      const shape: Dimension[] = [];
      for (const d of readFields(f.bytes)) if (d.field === 1) shape.push(readDimension(d.bytes));
      out.shape = shape;
    }
  }
}

function readDimension(bytes: Uint8Array): Dimension {
  for (const f of readFields(bytes)) {
    if (f.field === 1) return toSignedInt(f.value);
    if (f.field === 2) return text(f);
  }
  return null;
}

/**
 * The nodes of an ONNX graph with their attributes decoded (onnx.proto3: NodeProto, AttributeProto,
 * TensorProto for tensor-valued attributes), read straight from the protobuf — what the
 * explainers need to rebuild a tree ensemble or a linear model from any exported file.
 */
import { ModelError } from '../../errors/errors';
import { decodeString, readFields, readPackedVarints, WIRE_BYTES, WIRE_FIXED32, type ProtoField } from './protobufReader';

export type AttributeValue = number | string | number[] | string[];

export interface GraphNode {
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, AttributeValue>;
}

/** The graph's nodes, in file order. Throws ModelError for bytes that are not an ONNX model. */
export function readGraphNodes(model: Uint8Array): GraphNode[] {
  const graph = graphBytes(model);
  const nodes: GraphNode[] = [];
  for (const f of readFields(graph)) if (f.field === 1 && f.wire === WIRE_BYTES) nodes.push(readNode(f.bytes));
  return nodes;
}

/** The GraphProto (field 7) of a ModelProto. */
export function graphBytes(model: Uint8Array): Uint8Array {
  for (const f of readFields(model)) if (f.field === 7 && f.wire === WIRE_BYTES) return f.bytes;
  throw new ModelError('the file is not an ONNX model: it has no graph');
}

/** Initializers (graph field 5) by name, as float64 values (float, double, int64 and int32 tensors). */
export function readInitializers(model: Uint8Array): Map<string, { dims: number[]; values: number[] }> {
  const out = new Map<string, { dims: number[]; values: number[] }>();
  for (const f of readFields(graphBytes(model))) {
    if (f.field !== 5 || f.wire !== WIRE_BYTES) continue;
    const t = readTensor(f.bytes);
    if (t.values) out.set(t.name, { dims: t.dims, values: t.values });
  }
  return out;
}

function readNode(bytes: Uint8Array): GraphNode {
  const node: GraphNode = { opType: '', domain: '', inputs: [], outputs: [], attributes: {} };
  for (const f of readFields(bytes)) {
    if (f.wire !== WIRE_BYTES) continue;
    switch (f.field) {
      case 1:
        node.inputs.push(decodeString(f.bytes));
        break;
      case 2:
        node.outputs.push(decodeString(f.bytes));
        break;
      case 4:
        node.opType = decodeString(f.bytes);
        break;
      case 5: {
        const [name, value] = readAttribute(f.bytes);
        if (value !== null) node.attributes[name] = value;
        break;
      }
      case 7:
        node.domain = decodeString(f.bytes);
        break;
      default:
        break;
    }
  }
  return node;
}

function readAttribute(bytes: Uint8Array): [string, AttributeValue | null] {
  let name = '';
  let single: AttributeValue | null = null;
  const floats: number[] = [];
  const ints: number[] = [];
  const strings: string[] = [];
  let tensor: number[] | null = null;
  for (const f of readFields(bytes)) {
    switch (f.field) {
      case 1:
        name = decodeString(f.bytes);
        break;
      case 2:
        single = f.value;
        break;
      case 3:
        single = readPackedVarints(f)[0];
        break;
      case 4:
        single = decodeString(f.bytes);
        break;
      case 5:
        tensor = readTensor(f.bytes).values;
        break;
      case 7:
        floats.push(...readFloats(f));
        break;
      case 8:
        ints.push(...readPackedVarints(f));
        break;
      case 9:
        strings.push(decodeString(f.bytes));
        break;
      default:
        break;
    }
  }
  if (tensor) return [name, tensor];
  if (floats.length) return [name, floats];
  if (ints.length) return [name, ints];
  if (strings.length) return [name, strings];
  return [name, single];
}

function readFloats(f: ProtoField): number[] {
  if (f.wire === WIRE_FIXED32) return [f.value];
  const view = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
  const out: number[] = [];
  for (let k = 0; k + 4 <= f.bytes.length; k += 4) out.push(view.getFloat32(k, true));
  return out;
}

function readDoubles(f: ProtoField): number[] {
  if (f.wire !== WIRE_BYTES) return [f.value];
  const view = new DataView(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
  const out: number[] = [];
  for (let k = 0; k + 8 <= f.bytes.length; k += 8) out.push(view.getFloat64(k, true));
  return out;
}

/** A TensorProto's name, dims and numeric values (null for types the explainers do not read). */
function readTensor(bytes: Uint8Array): { name: string; dims: number[]; values: number[] | null } {
  let name = '';
  const dims: number[] = [];
  let type = 0;
  let raw: Uint8Array | null = null;
  const floatData: number[] = [];
  const doubleData: number[] = [];
  const intData: number[] = [];
  for (const f of readFields(bytes)) {
    switch (f.field) {
      case 1:
        dims.push(...readPackedVarints(f));
        break;
      case 2:
        type = f.value;
        break;
      case 4:
        floatData.push(...readFloats(f));
        break;
      case 5:
      case 7:
        intData.push(...readPackedVarints(f));
        break;
      case 8:
        name = decodeString(f.bytes);
        break;
      case 9:
        raw = f.bytes;
        break;
      case 10:
        doubleData.push(...readDoubles(f));
        break;
      default:
        break;
    }
  }
  let values: number[] | null = null;
  if (raw) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const width = type === 1 || type === 6 ? 4 : type === 11 || type === 7 ? 8 : 0;
    if (width > 0) {
      values = [];
      for (let k = 0; k + width <= raw.length; k += width) {
        values.push(type === 1 ? view.getFloat32(k, true) : type === 11 ? view.getFloat64(k, true) : type === 6 ? view.getInt32(k, true) : Number(view.getBigInt64(k, true)));
      }
    }
  } else if (type === 1) values = floatData;
  else if (type === 11) values = doubleData;
  else if (type === 6 || type === 7) values = intData;
  return { name, dims, values };
}

/**
 * Builds ONNX models (ModelProto bytes, onnx.proto3 field numbers) from a graph described in
 * code: inputs, initializers, nodes, outputs, opsets and metadata_props. Used to export models
 * trained in Glassbox with their preprocessing inside (see src/core/export).
 */
import { ProtoWriter } from './protobufWriter';

export type TensorType = 'float32' | 'float64' | 'int64' | 'string' | 'bool';

const DATA_TYPE: Record<TensorType, number> = { float32: 1, int64: 7, string: 8, bool: 9, float64: 11 };

export type Attribute =
  | { float: number }
  | { int: number }
  | { string: string }
  | { floats: readonly number[] }
  | { ints: readonly number[] }
  | { strings: readonly string[] };

interface ValueInfo {
  name: string;
  type: TensorType;
  shape: (number | string)[];
}

interface Initializer {
  name: string;
  type: TensorType;
  dims: number[];
  values: ArrayLike<number> | readonly string[] | readonly bigint[];
}

interface Node {
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, Attribute>;
}

export interface ModelOptions {
  producerName: string;
  producerVersion: string;
  /** Opset versions by domain ('' = ai.onnx). */
  opsets: Record<string, number>;
  metadata: Record<string, string>;
  irVersion?: number;
}

export class OnnxGraph {
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly initializers: Initializer[] = [];
  private readonly nodes: Node[] = [];
  private readonly used = new Set<string>();

  constructor(private readonly name: string) {}

  /** A fresh value name starting with `prefix`. */
  fresh(prefix: string): string {
    let name = prefix;
    for (let k = 1; this.used.has(name); k++) name = `${prefix}_${k}`;
    this.used.add(name);
    return name;
  }

  input(name: string, type: TensorType, shape: (number | string)[]): string {
    this.used.add(name);
    this.inputs.push({ name, type, shape });
    return name;
  }

  output(name: string, type: TensorType, shape: (number | string)[]): void {
    this.outputs.push({ name, type, shape });
  }

  /** A constant tensor; returns its (fresh) name. */
  constant(prefix: string, type: TensorType, dims: number[], values: Initializer['values']): string {
    const name = this.fresh(prefix);
    this.initializers.push({ name, type, dims, values });
    return name;
  }

  /** Adds a node; returns its first output name (fresh names from `outputPrefix`). */
  node(opType: string, inputs: string[], outputPrefix: string | string[], attributes: Record<string, Attribute> = {}, domain = ''): string {
    return this.nodeOutputs(opType, inputs, Array.isArray(outputPrefix) ? outputPrefix : [outputPrefix], attributes, domain)[0];
  }

  /** Adds a node with several outputs; returns all their names. */
  nodeOutputs(opType: string, inputs: string[], outputPrefixes: string[], attributes: Record<string, Attribute> = {}, domain = ''): string[] {
    const outputs = outputPrefixes.map((p) => (this.used.has(p) ? this.fresh(p) : (this.used.add(p), p)));
    this.nodes.push({ opType, domain, inputs, outputs, attributes });
    return outputs;
  }

  toBytes(options: ModelOptions): Uint8Array {
    const w = new ProtoWriter();
    w.int(1, options.irVersion ?? 8);
    w.string(2, options.producerName);
    w.string(3, options.producerVersion);
    w.message(7, (g) => this.writeGraph(g));
    for (const [domain, version] of Object.entries(options.opsets)) {
      w.message(8, (o) => {
        o.string(1, domain);
        o.int(2, version);
      });
    }
    for (const [key, value] of Object.entries(options.metadata)) {
      w.message(14, (m) => {
        m.string(1, key);
        m.string(2, value);
      });
    }
    return w.finish();
  }

  private writeGraph(g: ProtoWriter): void {
    this.nodes.forEach((n, i) => g.message(1, (w) => writeNode(w, n, i)));
    g.string(2, this.name);
    for (const t of this.initializers) g.message(5, (w) => writeTensor(w, t));
    for (const v of this.inputs) g.message(11, (w) => writeValueInfo(w, v));
    for (const v of this.outputs) g.message(12, (w) => writeValueInfo(w, v));
  }
}

function writeNode(w: ProtoWriter, n: Node, index: number): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, `${n.opType}_${index}`);
  w.string(4, n.opType);
  for (const [name, value] of Object.entries(n.attributes)) w.message(5, (a) => writeAttribute(a, name, value));
  if (n.domain) w.string(7, n.domain);
}

function writeAttribute(w: ProtoWriter, name: string, value: Attribute): void {
  w.string(1, name);
  if ('float' in value) w.float(2, value.float).int(20, 1);
  else if ('int' in value) w.int(3, value.int).int(20, 2);
  else if ('string' in value) w.string(4, value.string).int(20, 3);
  else if ('floats' in value) w.packedFloats(7, value.floats).int(20, 6);
  else if ('ints' in value) w.packedInts(8, value.ints).int(20, 7);
  else {
    for (const s of value.strings) w.string(9, s);
    w.int(20, 8);
  }
}

function writeTensor(w: ProtoWriter, t: Initializer): void {
  w.packedInts(1, t.dims);
  w.int(2, DATA_TYPE[t.type]);
  switch (t.type) {
    case 'float32':
      w.packedFloats(4, t.values as ArrayLike<number>);
      break;
    case 'float64':
      w.packedDoubles(10, t.values as ArrayLike<number>);
      break;
    case 'int64':
    case 'bool':
      w.packedInts(t.type === 'bool' ? 5 : 7, t.values as ArrayLike<number>);
      break;
    case 'string':
      for (const s of t.values as readonly string[]) w.string(6, s);
      break;
  }
  w.string(8, t.name);
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.int(1, DATA_TYPE[v.type]);
      tensor.message(2, (shape) => {
        for (const d of v.shape) shape.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.string(2, d)));
      });
    }),
  );
}

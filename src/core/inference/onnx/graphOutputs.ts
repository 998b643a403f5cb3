/**
 * A copy of an ONNX model whose graph outputs are replaced by intermediate tensors: the same
 * nodes, initializers and metadata, the outputs named here (each a tensor of the given element
 * type, shape left open). The explainers read a tree ensemble's or a linear model's input this
 * way — the features after the model's own preprocessing — for any exported file.
 */
import { ModelError } from '../../errors/errors';
import { readFields, WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT, type ProtoField } from './protobufReader';
import { ProtoWriter } from './protobufWriter';

const ELEMENT_TYPE = { float32: 1, float64: 11 } as const;

export function withGraphOutputs(model: Uint8Array, outputs: { name: string; elementType: keyof typeof ELEMENT_TYPE }[]): Uint8Array {
  const w = new ProtoWriter();
  let sawGraph = false;
  for (const f of readFields(model)) {
    if (f.field === 7 && f.wire === WIRE_BYTES) {
      sawGraph = true;
      w.message(7, (g) => {
        for (const gf of readFields(f.bytes)) if (gf.field !== 12) copy(g, gf);
        for (const o of outputs) {
          g.message(12, (v) => {
            v.string(1, o.name);
            v.message(2, (type) => type.message(1, (tensor) => tensor.int(1, ELEMENT_TYPE[o.elementType])));
          });
        }
      });
    } else copy(w, f);
  }
  if (!sawGraph) throw new ModelError('the file is not an ONNX model: it has no graph');
  return w.finish();
}

function copy(w: ProtoWriter, f: ProtoField): void {
  switch (f.wire) {
    case WIRE_BYTES:
      w.bytes(f.field, f.bytes);
      break;
    case WIRE_VARINT:
      w.int(f.field, f.value);
      break;
    case WIRE_FIXED32:
      w.float(f.field, f.value);
      break;
    case WIRE_FIXED64:
      throw new ModelError('the model has a 64-bit fixed field where none is expected');
    default:
      break;
  }
}

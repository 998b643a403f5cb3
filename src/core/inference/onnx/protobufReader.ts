/**
 * A minimal reader of the protocol-buffers wire format — just enough to walk an ONNX
 * `ModelProto` for its description (inputs, outputs, opsets, metadata, operators) without
 * copying the weights. Length-delimited fields are returned as sub-views of the same buffer.
 *
 * Wire format: https://protobuf.dev/programming-guides/encoding/
 */
import { ModelError } from '../../errors/errors';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export interface ProtoField {
  field: number;
  wire: number;
  /** Varint and fixed values (as a number; int64 beyond 2^53 loses precision, fine for ONNX metadata). */
  value: number;
  /** Length-delimited payload (strings, sub-messages, packed arrays). */
  bytes: Uint8Array;
}

const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder('utf-8', { fatal: false });

function malformed(): ModelError {
  return new ModelError('the file is not a valid ONNX model (its protobuf encoding is broken or truncated)');
}

/** Iterates over the fields of one message. Throws ModelError on malformed or truncated input. */
export function* readFields(buffer: Uint8Array): Generator<ProtoField> {
  let pos = 0;
  const end = buffer.length;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);

  const readVarint = (): number => {
    let result = 0;
    let factor = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) throw malformed();
      const byte = buffer[pos++];
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) return result;
      factor *= 128;
    }
    throw malformed();
  };

  while (pos < end) {
    const key = readVarint();
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (field === 0) throw malformed();
    switch (wire) {
      case WIRE_VARINT:
        yield { field, wire, value: readVarint(), bytes: EMPTY };
        break;
      case WIRE_FIXED64: {
        if (pos + 8 > end) throw malformed();
        const value = view.getFloat64(pos, true);
        pos += 8;
        yield { field, wire, value, bytes: EMPTY };
        break;
      }
      case WIRE_BYTES: {
        const length = readVarint();
        if (pos + length > end) throw malformed();
        const bytes = buffer.subarray(pos, pos + length);
        pos += length;
        yield { field, wire, value: length, bytes };
        break;
      }
      case WIRE_FIXED32: {
        if (pos + 4 > end) throw malformed();
        const value = view.getFloat32(pos, true);
        pos += 4;
        yield { field, wire, value, bytes: EMPTY };
        break;
      }
      default:
        throw malformed();
    }
  }
}

export function decodeString(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** A signed int64 varint read as a number (negative values arrive as 2^64 − |v|). */
export function toSignedInt(value: number): number {
  return value >= 2 ** 63 ? value - 2 ** 64 : value;
}

/** Values of a repeated varint field, packed (one length-delimited field) or not. */
export function readPackedVarints(field: ProtoField): number[] {
  if (field.wire === WIRE_VARINT) return [toSignedInt(field.value)];
  const out: number[] = [];
  // A packed array is a sequence of varints without keys.
  let pos = 0;
  const b = field.bytes;
  while (pos < b.length) {
    let result = 0;
    let factor = 1;
    for (;;) {
      if (pos >= b.length) throw malformed();
      const byte = b[pos++];
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) break;
      factor *= 128;
    }
    out.push(toSignedInt(result));
  }
  return out;
}

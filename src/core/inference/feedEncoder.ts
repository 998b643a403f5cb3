/**
 * Turns a batch of table rows into the model's input tensors, per the contract's encodings:
 * numbers as they are (missing = NaN), booleans as 0/1, datetimes as float days since
 * 1970-01-01T00:00Z, categorical and text as strings (missing = empty string).
 * Buffers are allocated once per encoder and reused for every batch.
 */
import { numberAt, textAt } from '../data/modelEncoding';
import type { Column, Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { InputMapping } from './inputMapping';
import type { FeedType, ModelSignature } from './modelSignature';

export type FeedData = Float32Array | Float64Array | BigInt64Array | Uint8Array | string[];

export interface FeedTensor {
  name: string;
  type: FeedType;
  data: FeedData;
  dims: number[];
}

export class FeedEncoder {
  private readonly columns: Column[];
  private readonly buffers: FeedData[];

  constructor(
    private readonly signature: ModelSignature,
    table: Table,
    mapping: InputMapping,
    private readonly batchSize: number,
  ) {
    this.columns = mapping.map((name) => {
      const column = table.columns.find((c) => c.name === name);
      if (!column) throw new InputError(`column '${name}' not found`);
      return column;
    });
    if (signature.layout === 'matrix') {
      const size = batchSize * this.columns.length;
      this.buffers = [signature.inputs[0].elementType === 'float64' ? new Float64Array(size) : new Float32Array(size)];
    } else {
      this.buffers = signature.inputs.map((input) => allocate(input.elementType, batchSize));
    }
  }

  /** Tensors for rows `rows[start..end)` (or table rows start..end when `rows` is null). */
  encode(rows: Int32Array | null, start: number, end: number): FeedTensor[] {
    const n = end - start;
    if (n > this.batchSize) throw new RangeError('batch larger than the encoder was made for');
    if (this.signature.layout === 'matrix') return [this.encodeMatrix(rows, start, n)];
    return this.signature.inputs.map((input, i) => {
      const column = this.columns[i];
      const dims = input.rank === 1 ? [n] : [n, 1];
      const buffer = this.buffers[i];
      if (input.elementType === 'string') {
        const out = buffer as string[];
        out.length = n;
        for (let k = 0; k < n; k++) out[k] = textAt(column, rows ? rows[start + k] : start + k);
        return { name: input.name, type: 'string', data: out, dims };
      }
      if (input.elementType === 'int64') {
        const out = (buffer as BigInt64Array).subarray(0, n);
        for (let k = 0; k < n; k++) {
          const r = rows ? rows[start + k] : start + k;
          const v = numberAt(column, r);
          if (!Number.isInteger(v)) {
            throw new InputError(
              `model input '${input.name}' takes whole numbers (int64) but column '${column.name}' has ${Number.isNaN(v) ? 'a missing value' : `the value ${v}`} in row ${r + 1}`,
            );
          }
          out[k] = BigInt(v);
        }
        return { name: input.name, type: 'int64', data: out, dims };
      }
      if (input.elementType === 'bool') {
        const out = (buffer as Uint8Array).subarray(0, n);
        for (let k = 0; k < n; k++) out[k] = numberAt(column, rows ? rows[start + k] : start + k) ? 1 : 0;
        return { name: input.name, type: 'bool', data: out, dims };
      }
      const out = (buffer as Float32Array | Float64Array).subarray(0, n);
      fillNumbers(out, column, rows, start, n, 1, 0);
      return { name: input.name, type: input.elementType, data: out, dims };
    });
  }

  private encodeMatrix(rows: Int32Array | null, start: number, n: number): FeedTensor {
    const input = this.signature.inputs[0];
    const f = this.columns.length;
    const out = (this.buffers[0] as Float32Array | Float64Array).subarray(0, n * f);
    for (let j = 0; j < f; j++) fillNumbers(out, this.columns[j], rows, start, n, f, j);
    return { name: input.name, type: input.elementType, data: out, dims: [n, f] };
  }
}

function allocate(type: FeedType, n: number): FeedData {
  switch (type) {
    case 'string':
      return new Array<string>(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'bool':
      return new Uint8Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'float32':
      return new Float32Array(n);
  }
}

/** Writes column values for n rows into `out` at offset j with the given stride (column-major loop, fast paths per type). */
function fillNumbers(
  out: Float32Array | Float64Array,
  column: Column,
  rows: Int32Array | null,
  start: number,
  n: number,
  stride: number,
  j: number,
): void {
  if (column.type === 'numeric') {
    const values = column.values;
    if (rows === null) for (let k = 0; k < n; k++) out[k * stride + j] = values[start + k];
    else for (let k = 0; k < n; k++) out[k * stride + j] = values[rows[start + k]];
    return;
  }
  for (let k = 0; k < n; k++) out[k * stride + j] = numberAt(column, rows ? rows[start + k] : start + k);
}

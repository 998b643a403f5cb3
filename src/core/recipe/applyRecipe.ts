/**
 * A fitted recipe applied in memory: the feature columns (float64) for any rows of a table,
 * computed exactly as the exported ONNX graph computes them (there in float32).
 */
import { requireColumn } from '../data/columnLookup';
import { numberAt, textAt } from '../data/modelEncoding';
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { FittedRecipe, NumericOp } from './fittedRecipe';

export function applyNumericOp(op: NumericOp, v: number): number {
  switch (op.op) {
    case 'impute':
      return Number.isNaN(v) ? op.value : v;
    case 'log':
      return Math.log1p(v);
    case 'clip':
      return Number.isNaN(v) ? v : Math.min(op.upper, Math.max(op.lower, v));
    case 'scale':
      return (v - op.center) / op.scale;
  }
}

/** Feature columns (one Float64Array per feature, `rows.length` long) for the given table rows. */
export function applyRecipe(fitted: FittedRecipe, table: Table, rows: Uint32Array, source?: string): Float64Array[] {
  const n = rows.length;
  const out: Float64Array[] = [];
  for (const input of fitted.inputs) {
    const column = requireColumn(table, input.column, source);
    if (input.kind === 'numeric') {
      if (column.type === 'categorical' || column.type === 'text') {
        throw new InputError(`column '${input.column}' must be ${input.columnType} for this model but it is ${column.type}`);
      }
      const value = new Float64Array(n);
      const missing = input.indicator ? new Float64Array(n) : null;
      for (let k = 0; k < n; k++) {
        let v = numberAt(column, rows[k]);
        if (missing) missing[k] = Number.isNaN(v) ? 1 : 0;
        for (const op of input.ops) v = applyNumericOp(op, v);
        value[k] = v;
      }
      out.push(value);
      if (missing) out.push(missing);
    } else {
      const index = new Map(input.categories.map((c, i) => [c, i]));
      const width = input.categories.length + 1;
      const columns = Array.from({ length: width }, () => new Float64Array(n));
      for (let k = 0; k < n; k++) {
        let t: string = textAt(column, rows[k]);
        if (t === '' && input.impute !== null) t = input.impute;
        columns[index.get(t) ?? width - 1][k] = 1;
      }
      out.push(...columns);
    }
  }
  return out;
}

/**
 * A fitted recipe applied in memory: the feature columns (float64) for any rows of a table,
 * computed exactly as the exported ONNX graph computes them: numeric inputs rounded to float32
 * (the model input type), everything after that in double, in both. targetEncode
 * columns use the mapping fitted on all training rows: this is how new rows are encoded (the
 * training rows' own, out-of-fold features come from fitRecipeForTraining).
 */
import { requireColumn } from '../data/columnLookup';
import { float32At, textAt } from '../data/modelEncoding';
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import { sourceRefs, type FittedRecipe, type NumericColumn, type OneHotColumn } from './fittedRecipe';
import { applyNumericOp, combineValue, datePartValue, lookupFunction } from './operations';

export { applyNumericOp } from './operations';

/** Feature columns (one Float64Array per feature, `rows.length` long) for the given table rows. */
export function applyRecipe(fitted: FittedRecipe, table: Table, rows: Uint32Array, source?: string): Float64Array[] {
  const n = rows.length;
  const numbers = new Map<string, Float64Array>();
  const texts = new Map<string, string[]>();
  for (const input of fitted.inputs) {
    const column = requireColumn(table, input.column, source);
    if (input.columnType === 'categorical') {
      texts.set(input.column, Array.from(rows, (r) => textAt(column, r)));
    } else {
      if (column.type === 'categorical' || column.type === 'text') {
        throw new InputError(`column '${input.column}' must be ${input.columnType} for this model but it is ${column.type}`);
      }
      numbers.set(input.column, Float64Array.from(rows, (r) => float32At(column, r)));
    }
  }

  // values other columns read: column name → ops count → values
  const wanted = new Map<string, Set<number>>();
  for (const column of fitted.columns) {
    for (const ref of sourceRefs(column)) {
      if (!wanted.has(ref.column)) wanted.set(ref.column, new Set());
      wanted.get(ref.column)!.add(ref.ops);
    }
  }
  const saved = new Map<string, Float64Array>();
  const read = (column: string, ops: number) => saved.get(`${ops}:${column}`)!;

  const out: Float64Array[] = [];
  for (const column of fitted.columns) {
    if (column.kind === 'oneHot') {
      if (column.feature) out.push(...oneHot(column, texts.get(column.name)!));
      continue;
    }
    const values = sourceValues(column, n, numbers, texts, read);
    const missing = column.indicator ? values.map((v) => (Number.isNaN(v) ? 1 : 0)) : null;
    const keep = wanted.get(column.name);
    for (let k = 0; ; k++) {
      if (keep?.has(k)) saved.set(`${k}:${column.name}`, values.slice());
      if (k === column.ops.length) break;
      const op = column.ops[k];
      for (let i = 0; i < n; i++) values[i] = applyNumericOp(op, values[i]);
    }
    if (column.feature) {
      out.push(values);
      if (missing) out.push(missing);
    }
  }
  return out;
}

function sourceValues(
  column: NumericColumn,
  n: number,
  numbers: Map<string, Float64Array>,
  texts: Map<string, string[]>,
  read: (column: string, ops: number) => Float64Array,
): Float64Array {
  const s = column.source;
  switch (s.from) {
    case 'input':
      return numbers.get(s.column)!.slice();
    case 'lookup': {
      const code = lookupFunction(s);
      return Float64Array.from(texts.get(s.column)!, code);
    }
    case 'combine': {
      const a = read(s.left.column, s.left.ops);
      const b = read(s.right.column, s.right.ops);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = combineValue(s.op, a[i], b[i]);
      return out;
    }
    case 'datePart': {
      const days = read(s.date.column, s.date.ops);
      return days.map((d) => datePartValue(s.part, d, s.reference));
    }
  }
}

function oneHot(column: OneHotColumn, texts: string[]): Float64Array[] {
  const index = new Map(column.categories.map((c, i) => [c, i]));
  const width = column.categories.length + 1;
  const columns = Array.from({ length: width }, () => new Float64Array(texts.length));
  texts.forEach((text, k) => {
    const t = text === '' && column.impute !== null ? column.impute : text;
    columns[index.get(t) ?? width - 1][k] = 1;
  });
  return columns;
}

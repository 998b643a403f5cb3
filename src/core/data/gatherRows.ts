/**
 * A column made of other rows' values: row k of the result is row `sources[k]` of the column (its
 * raw text and dictionary kept). Used to build hybrid rows — some columns from one row, the rest
 * from another — for Shapley values and partial dependence.
 */
import type { Column } from './table';

export function gatherColumn(column: Column, sources: ArrayLike<number>, name = column.name): Column {
  const n = sources.length;
  const take = <T extends Float64Array | Uint8Array | Int32Array>(values: T, make: (n: number) => T): T => {
    const out = make(n);
    for (let k = 0; k < n; k++) out[k] = values[sources[k]];
    return out;
  };
  const raw =
    column.raw.kind === 'numbers'
      ? { kind: 'numbers' as const, values: take(column.raw.values, (m) => new Float64Array(m)) }
      : { kind: 'strings' as const, codes: take(column.raw.codes, (m) => new Int32Array(m)), dictionary: column.raw.dictionary };
  switch (column.type) {
    case 'categorical':
    case 'text':
      return { ...column, name, raw, codes: take(column.codes, (m) => new Int32Array(m)) };
    case 'boolean':
      return { ...column, name, raw, values: take(column.values, (m) => new Uint8Array(m)) };
    case 'numeric':
    case 'datetime':
      return { ...column, name, raw, values: take(column.values, (m) => new Float64Array(m)) };
  }
}

/** Assembles a `Table` from named raw columns, inferring each column's type. */
import { inferType, makeColumn } from './columnTypes';
import type { ColumnType, RawColumn, Table } from './table';

export function buildTable(names: readonly string[], raws: readonly RawColumn[], rowCount: number): Table {
  return {
    rowCount,
    columns: names.map((name, i) => {
      const type = inferType(raws[i]);
      return makeColumn(name, raws[i], type, type);
    }),
  };
}

/** A copy of `table` with `column` re-typed as `type` (derived from its raw values). */
export function withColumnType(table: Table, column: string, type: ColumnType): Table {
  return {
    rowCount: table.rowCount,
    columns: table.columns.map((c) => (c.name === column ? makeColumn(c.name, c.raw, type, c.inferredType) : c)),
  };
}

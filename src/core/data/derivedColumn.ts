/**
 * A boolean column defined by a filter-language condition (e.g. `good = quality >= 7`): true on
 * the rows the condition selects, false elsewhere. The app adds such columns (to binarize a
 * target); snapshots record them so verification can add them again.
 */
import { makeColumn } from './columnTypes';
import { selectRows } from './filter/evaluateFilter';
import type { Column, ColumnType, Table } from './table';
import { withColumnType } from './buildTable';

export interface DerivedColumnSpec {
  name: string;
  expression: string;
}

export function derivedColumn(table: Table, name: string, expression: string): Column {
  const selection = selectRows(table, expression);
  const codes = new Int32Array(table.rowCount);
  if (selection) for (const i of selection) codes[i] = 1;
  else codes.fill(1);
  return makeColumn(name, { kind: 'strings', codes, dictionary: ['false', 'true'] }, 'boolean');
}

/** The table as the app showed it: type overrides applied, then the derived columns added in order. */
export function withDatasetEdits(table: Table, overrides: Record<string, ColumnType>, derived: readonly DerivedColumnSpec[]): Table {
  let out = table;
  for (const [column, type] of Object.entries(overrides)) if (out.columns.some((c) => c.name === column)) out = withColumnType(out, column, type);
  for (const d of derived) out = { rowCount: out.rowCount, columns: [...out.columns, derivedColumn(out, d.name, d.expression)] };
  return out;
}

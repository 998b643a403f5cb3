/** Reads an Apache Arrow IPC file or stream (Feather v2) through apache-arrow. */
import { DataType, tableFromIPC } from 'apache-arrow';
import { DataError } from '../errors/errors';
import type { ColumnarReadResult } from './readParquet';
import { rawFromValues } from './rawFromValues';

export function readArrow(bytes: Uint8Array, name: string): ColumnarReadResult {
  let table;
  try {
    table = tableFromIPC(bytes);
  } catch (e) {
    throw new DataError(`${name} is not a readable Arrow IPC file (${(e as Error).message})`);
  }
  if (table.numRows === 0) throw new DataError(`${name} has no rows`);
  const names: string[] = [];
  const columns = table.schema.fields.map((field, i) => {
    names.push(field.name);
    const vector = table.getChildAt(i);
    const values: unknown[] = vector ? Array.from(vector) : new Array(table.numRows).fill(null);
    const type = field.type;
    const asDatetime = DataType.isTimestamp(type) || DataType.isDate(type);
    return rawFromValues(values, asDatetime);
  });
  return { names, columns, rowCount: table.numRows };
}

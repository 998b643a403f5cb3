/** Reads an Apache Parquet file (through hyparquet, with all common compression codecs). */
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DataError } from '../errors/errors';
import { rawFromValues } from './rawFromValues';
import type { RawColumn } from './table';

export interface ColumnarReadResult {
  names: string[];
  columns: RawColumn[];
  rowCount: number;
}

export async function readParquet(bytes: Uint8Array, name: string): Promise<ColumnarReadResult> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(file);
  } catch (e) {
    throw new DataError(`${name} is not a readable Parquet file (${(e as Error).message})`);
  }
  const rowCount = Number(metadata.num_rows);
  const schema = parquetSchema(metadata);
  const names = schema.children.map((c) => c.element.name);
  const datetime = new Set(
    schema.children
      .filter((c) => {
        const e = c.element;
        const logical = e.logical_type?.type;
        return logical === 'TIMESTAMP' || logical === 'DATE' || e.converted_type === 'DATE' || e.converted_type?.startsWith('TIMESTAMP');
      })
      .map((c) => c.element.name),
  );
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
  try {
    await parquetRead({
      file,
      compressors,
      onChunk: (chunk) => {
        const list = chunks.get(chunk.columnName) ?? [];
        list.push({ rowStart: chunk.rowStart, data: chunk.columnData as ArrayLike<unknown> });
        chunks.set(chunk.columnName, list);
      },
    });
  } catch (e) {
    throw new DataError(`${name}: could not read the Parquet data (${(e as Error).message})`);
  }
  if (rowCount === 0) throw new DataError(`${name} has no rows`);
  const columns = names.map((col) => {
    const values: unknown[] = new Array(rowCount).fill(null);
    for (const { rowStart, data } of chunks.get(col) ?? []) {
      for (let i = 0; i < data.length && rowStart + i < rowCount; i++) values[rowStart + i] = data[i];
    }
    return rawFromValues(values, datetime.has(col));
  });
  return { names, columns, rowCount };
}

/**
 * Reads any supported dataset (CSV/TSV, Parquet, Arrow IPC), recognised by its first bytes,
 * into a typed `Table`.
 */
import { CancelledError } from '../errors/errors';
import { buildTable } from './buildTable';
import type { ByteSource } from './byteSource';
import { readAll, readHead } from './byteSource';
import type { CsvOptions, Delimiter } from './csv/csvOptions';
import { readCsv } from './csv/readCsv';
import type { JobControl } from './jobControl';
import { readArrow } from './readArrow';
import { readParquet } from './readParquet';
import type { Table } from './table';

export type DataFormat = 'csv' | 'parquet' | 'arrow';

export interface DatasetRead {
  table: Table;
  format: DataFormat;
  delimiter: Delimiter | null;
  decimal: '.' | ',';
  bytes: number;
}

export async function detectFormat(source: ByteSource): Promise<DataFormat> {
  const head = await readHead(source, 8);
  const text = String.fromCharCode(...head);
  if (text.startsWith('PAR1')) return 'parquet';
  if (text.startsWith('ARROW1')) return 'arrow';
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff) return 'arrow';
  return 'csv';
}

export async function readDataset(source: ByteSource, options: CsvOptions = {}, control?: JobControl): Promise<DatasetRead> {
  const format = await detectFormat(source);
  if (format === 'csv') {
    const csv = await readCsv(source, options, control);
    return {
      table: buildTable(csv.names, csv.columns, csv.rowCount),
      format,
      delimiter: csv.delimiter,
      decimal: csv.decimal,
      bytes: csv.bytes,
    };
  }
  const bytes = await readAll(source);
  if (control?.signal?.aborted) throw new CancelledError();
  const read = format === 'parquet' ? await readParquet(bytes, source.name) : readArrow(bytes, source.name);
  control?.onProgress?.({ bytes: bytes.length, totalBytes: bytes.length, rows: read.rowCount });
  return { table: buildTable(read.names, read.columns, read.rowCount), format, delimiter: null, decimal: '.', bytes: bytes.length };
}

/**
 * A snapshot's embedded data read back as the table it was evaluated on: the bytes read with the
 * recorded dialect (CSV re-written without excluded columns is plain comma CSV), then the user's
 * type overrides and derived columns applied again. Null when the data is referenced.
 */
import { bytesSource } from '../data/byteSource';
import type { Delimiter } from '../data/csv/csvOptions';
import { withDatasetEdits } from '../data/derivedColumn';
import { readDataset } from '../data/readDataset';
import type { Table } from '../data/table';
import { fromBase64 } from './base64';
import type { Snapshot } from './snapshotSchema';

/** `bytes`: the embedded bytes when the caller has already decoded them. */
export async function embeddedTable(snapshot: Snapshot, bytes?: Uint8Array): Promise<Table | null> {
  const embedded = snapshot.data.embedded;
  if (!embedded) return null;
  const original = embedded.format === snapshot.data.format && snapshot.data.excluded.length === 0;
  const dialect = snapshot.data.dialect;
  const options = embedded.format === 'csv' ? (original && dialect ? { delimiter: dialect.delimiter as Delimiter, decimal: dialect.decimal } : { delimiter: ',' as Delimiter, decimal: '.' as const }) : {};
  const read = await readDataset(bytesSource(bytes ?? fromBase64(embedded.content), snapshot.data.name), options);
  return withDatasetEdits(read.table, snapshot.data.overrides, snapshot.data.derived);
}

// What the server benchmark needs from the sources, bundled for Node by run.mjs: valid snapshots
// of a chosen size (distinct notes, a random embedded payload, ids recomputed), the SQLite store's
// own connection settings, and the CLI's server process helpers.
import { withId } from '../../src/core/experiment/snapshotId';
import type { Snapshot } from '../../src/core/experiment/snapshotSchema';
import { sampleSnapshot } from '../../src/core/report/testing/sampleSnapshot';

export { openSqliteDatabase } from '../../src/server/store/sqliteStore';
export { startServerProcess, runCliProcess } from '../../src/server/testing/serverProcess';

/** A valid snapshot whose embedded data is `payloadBytes` of seeded pseudo-random base64. */
export async function snapshotOfSize(note: string, payloadBytes: number, seed: number): Promise<Snapshot> {
  const { id: _id, ...body } = sampleSnapshot({ embedded: 'tiny' });
  let x = seed >>> 0 || 1;
  const bytes = new Uint8Array(Math.floor((payloadBytes * 3) / 4));
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  const content = Buffer.from(bytes).toString('base64');
  return withId({ ...body, note, data: { ...body.data, embedded: { ...body.data.embedded!, content } } });
}

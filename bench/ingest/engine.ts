/**
 * The Glassbox engine APIs the Node side of the ingest benchmark measures, bundled for Node by
 * bench/ingest/build.mjs (→ bench/out/engine.mjs).
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../../src/core/data/byteSource';

export { readCsv } from '../../src/core/data/csv/readCsv';
export { readDataset } from '../../src/core/data/readDataset';
export { profileTable } from '../../src/core/stats/profile';

/** A file as a re-openable byte stream, read in 1 MiB chunks (as src/cli/io/fileSource.ts does). */
export function nodeFileSource(path: string): ByteSource {
  const size = statSync(path).size;
  return {
    name: basename(path),
    size,
    open: () => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
  };
}

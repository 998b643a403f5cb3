/**
 * The Glassbox engine APIs the Node side of the ingest benchmark measures, bundled for Node by
 * bench/ingest/build.mjs (→ bench/out/engine.mjs).
 */
import type { ByteSource } from '../../src/core/data/byteSource';
import { fileSource } from '../../src/cli/io/fileSource';

export { readCsv } from '../../src/core/data/csv/readCsv';
export { readDataset } from '../../src/core/data/readDataset';
export { profileTable } from '../../src/core/stats/profile';

/** A file as a re-openable byte stream: the CLI's own file source. */
export function nodeFileSource(path: string): ByteSource {
  return fileSource(path);
}

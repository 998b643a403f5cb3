/** A dataset file on disk as a re-openable byte stream; unreadable paths are bad input. */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../../core/data/byteSource';
import { InputError } from '../../core/errors/errors';

export function fileSource(path: string): ByteSource {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`'${path}' is a directory, not a data file`);
    size = stat.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `file '${path}' not found` : `cannot read '${path}' (${code ?? (e as Error).message})`);
  }
  return {
    name: basename(path),
    size,
    open: () => createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
  };
}

/** A dataset file on disk as a re-openable byte stream; unreadable paths are bad input. */
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
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
    open: () => readChunks(path),
  };
}

/**
 * The file in 1 MiB chunks read into one reused buffer: each chunk is only valid until the next
 * is requested (readers copy what they keep), which spares the garbage of a buffer per chunk.
 */
async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  const buffer = new Uint8Array(1 << 20);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

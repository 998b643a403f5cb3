/** `--max-body` sizes: `256mb` = 256 × 2^20 bytes (shared/spec/cli.md); also kb, gb, b or a plain byte count. */
import { InputError } from '../../core/errors/errors';

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30 };

export function parseByteSize(text: string, option = '--max-body'): number {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!m) throw new InputError(`${option} '${text}' is not a size (e.g. 256mb, 1gb, 500kb)`);
  const bytes = Math.floor(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]);
  if (bytes < 1024) throw new InputError(`${option} '${text}' is too small (at least 1kb)`);
  // a JavaScript string holds at most about 2^29 UTF-16 units: a larger JSON body could not be parsed
  if (bytes > 512 * 2 ** 20) throw new InputError(`${option} '${text}' is too large (at most 512mb)`);
  return bytes;
}

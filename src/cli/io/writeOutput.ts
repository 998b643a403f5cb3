/**
 * Writes a command's result: to `--out FILE` (atomically: a temporary file renamed into place,
 * so a failed run never leaves a partial file) or to stdout.
 */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { InputError } from '../../core/errors/errors';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function writeOutput(text: string, out: string | undefined, io: CliIo): void {
  if (!out) {
    io.stdout(text);
    return;
  }
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? (e as Error).message);
    throw new InputError(`cannot write '${out}': ${why}`);
  }
}

/** JSON as the contract wants it: plain numbers, null for undefined values (never NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

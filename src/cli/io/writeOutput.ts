/**
 * Writes a command's result: to `--out FILE` (atomically: a temporary file renamed into place,
 * so a failed run never leaves a partial file) or to stdout.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { InputError } from '../../core/errors/errors';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function writeOutput(text: string | Uint8Array, out: string | undefined, io: CliIo): void {
  if (!out) {
    io.stdout(typeof text === 'string' ? text : new TextDecoder().decode(text));
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
    throw writeError(out, e);
  }
}

/** JSON as the contract wants it: plain numbers, null for undefined values (never NaN). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}

/** An output written piece by piece (large CSVs); to a temporary file renamed into place on commit. */
export interface OutputStream {
  write(bytes: Uint8Array): void;
  commit(): void;
  abort(): void;
}

export function openOutputStream(out: string | undefined, io: CliIo): OutputStream {
  if (!out) {
    const decoder = new TextDecoder();
    return {
      write: (bytes) => io.stdout(decoder.decode(bytes, { stream: true })),
      commit: () => io.stdout(decoder.decode()),
      abort: () => undefined,
    };
  }
  const tmp = `${out}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    throw writeError(out, e);
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  const abort = (): void => {
    close();
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean up
    }
  };
  return {
    write(bytes) {
      try {
        let off = 0;
        while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      } catch (e) {
        abort();
        throw writeError(out, e);
      }
    },
    commit() {
      try {
        close();
        renameSync(tmp, out);
      } catch (e) {
        abort();
        throw writeError(out, e);
      }
    },
    abort,
  };
}

function writeError(out: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (code ?? (e as Error).message);
  return new InputError(`cannot write '${out}': ${why}`);
}

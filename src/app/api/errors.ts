/**
 * Errors from the worker arrive as plain Errors whose `name` is the engine's error class
 * (`DataError`, `InputError`, `CancelledError`) and whose `message` is written for the user.
 */
export type ErrorKind = 'data' | 'input' | 'cancelled' | 'model' | 'unexpected';

export interface ErrorInfo {
  name: string;
  kind: ErrorKind;
  message: string;
}

const KIND_BY_NAME: Record<string, ErrorKind> = {
  DataError: 'data',
  InputError: 'input',
  CancelledError: 'cancelled',
  ModelError: 'model',
};

export function describeError(e: unknown): ErrorInfo {
  if (e && typeof e === 'object') {
    const name = typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : 'Error';
    const raw = (e as { message?: unknown }).message;
    const message = typeof raw === 'string' && raw.trim() !== '' ? raw : 'Something went wrong (no details were given).';
    return { name, kind: KIND_BY_NAME[name] ?? 'unexpected', message };
  }
  return { name: 'Error', kind: 'unexpected', message: typeof e === 'string' ? e : 'Something went wrong (no details were given).' };
}

export function isCancelled(e: unknown): boolean {
  return describeError(e).kind === 'cancelled';
}

/** A short label for the kind of problem, shown next to the message. */
export function errorKindLabel(kind: ErrorKind): string {
  switch (kind) {
    case 'data':
      return 'Data error';
    case 'input':
      return 'Input error';
    case 'model':
      return 'Model error';
    case 'cancelled':
      return 'Cancelled';
    default:
      return 'Unexpected error';
  }
}

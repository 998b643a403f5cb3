/**
 * The typed errors of the engine. Each carries a message written for the person using
 * Glassbox: it names the file, line, column or option at fault and what was expected.
 * The UI shows `message`; the CLI prints `error: <message>` and exits 2.
 */
export type ErrorKind = 'data' | 'input' | 'model' | 'cancelled';

export class GlassboxError extends Error {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = 'GlassboxError';
  }
}

/** The data itself is unusable (malformed CSV, wrong column type, …). */
export class DataError extends GlassboxError {
  constructor(message: string) {
    super('data', message);
    this.name = 'DataError';
  }
}

/** An option, column name or expression given by the user is wrong. */
export class InputError extends GlassboxError {
  constructor(message: string) {
    super('input', message);
    this.name = 'InputError';
  }
}

/** A model file is unreadable or cannot be used (not ONNX, unsupported operator or output, …). */
export class ModelError extends GlassboxError {
  constructor(message: string) {
    super('model', message);
    this.name = 'ModelError';
  }
}

/** The user cancelled a running job. */
export class CancelledError extends GlassboxError {
  constructor() {
    super('cancelled', 'cancelled');
    this.name = 'CancelledError';
  }
}

export function isGlassboxError(e: unknown): e is GlassboxError {
  return e instanceof GlassboxError;
}

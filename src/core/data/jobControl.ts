/**
 * What every long-running engine job accepts: a signal to cancel it and a progress callback.
 * The UI passes both; the CLI and tests usually pass neither.
 */
import { CancelledError } from '../errors/errors';

export interface JobProgress {
  bytes: number;
  totalBytes: number | null;
  rows: number;
}

export interface JobControl {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

export function throwIfCancelled(control: JobControl | undefined): void {
  if (control?.signal?.aborted) throw new CancelledError();
}

/**
 * Long computations of the engine as generators of progress: they yield `{ done, total }` after
 * each unit of work (a tree, a fold, a trial) and return their result. The CLI and tests run
 * them to the end in one go (`finish`); the worker runs them with a turn of the event loop
 * between steps (`finishAsync`), so a `cancel` message gets through and stops the work.
 */
import { CancelledError } from '../errors/errors';

export interface Progress {
  done: number;
  total: number;
}

export type Steps<T> = Generator<Progress, T, void>;

export interface StepControl {
  /** Awaited between steps (the worker yields to its event loop here). */
  pause: () => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Runs every step at once and returns the result. */
export function finish<T>(steps: Steps<T>, onProgress?: (done: number, total: number) => void): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value.done, step.value.total);
  }
}

/** Runs the steps with a pause after each; throws CancelledError once `signal` is aborted. */
export async function finishAsync<T>(steps: Steps<T>, control: StepControl): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value.done, step.value.total);
    await control.pause();
    if (control.signal?.aborted) {
      steps.return(undefined as T);
      throw new CancelledError();
    }
  }
}

/** The steps of `inner` scaled into [offset, offset + width) of an outer total. */
export function* within<T>(inner: Steps<T>, offset: number, width: number, total: number): Steps<T> {
  for (;;) {
    const step = inner.next();
    if (step.done) return step.value;
    yield { done: offset + (step.value.total > 0 ? (width * step.value.done) / step.value.total : 0), total };
  }
}

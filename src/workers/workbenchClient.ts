/** The UI's handle on the workbench worker (one per page). */
import * as Comlink from 'comlink';
import type { WorkbenchApi } from './workbenchApi';

let remote: Comlink.Remote<WorkbenchApi> | null = null;
const crashListeners = new Set<(message: string) => void>();

export function getWorkbench(): Comlink.Remote<WorkbenchApi> {
  if (!remote) {
    const worker = new Worker(new URL('./workbench.worker.ts', import.meta.url), { type: 'module', name: 'glassbox-workbench' });
    // An error that escapes the worker (it could not start, or ran out of memory) leaves pending
    // calls unanswered: tell the UI so it can say so instead of spinning forever.
    worker.addEventListener('error', (event) => {
      const detail = event.message ? ` (${event.message})` : '';
      for (const listener of crashListeners) listener(`The computation engine stopped unexpectedly${detail}.`);
    });
    remote = Comlink.wrap<WorkbenchApi>(worker);
  }
  return remote;
}

/** Registers a listener for a crash of the worker; returns the unsubscribe function. */
export function onWorkbenchCrash(listener: (message: string) => void): () => void {
  crashListeners.add(listener);
  return () => crashListeners.delete(listener);
}

/** Wraps a callback so the worker can call it back (progress reports). */
export function callback<T extends (...args: never[]) => unknown>(fn: T): T {
  return Comlink.proxy(fn);
}

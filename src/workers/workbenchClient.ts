/** The UI's handle on the workbench worker (one per page). */
import * as Comlink from 'comlink';
import type { WorkbenchApi } from './workbenchApi';

let remote: Comlink.Remote<WorkbenchApi> | null = null;

export function getWorkbench(): Comlink.Remote<WorkbenchApi> {
  if (!remote) {
    const worker = new Worker(new URL('./workbench.worker.ts', import.meta.url), { type: 'module', name: 'glassbox-workbench' });
    remote = Comlink.wrap<WorkbenchApi>(worker);
  }
  return remote;
}

/** Wraps a callback so the worker can call it back (progress reports). */
export function callback<T extends (...args: never[]) => unknown>(fn: T): T {
  return Comlink.proxy(fn);
}

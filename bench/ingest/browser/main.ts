/**
 * The ingest benchmark's page (served by the Vite dev server at
 * /bench/ingest/browser/index.html). Playwright (bench/ingest/browser.mjs) drives it through
 * `window.glassboxBench`: for every measurement it prepares a fresh dedicated worker, attaches
 * to it over the DevTools protocol to sample its heap, then runs the measurement.
 *
 * - `workbench`: the real workbench worker (src/workers/workbench.worker.ts), `load` with
 *   `{ kind: 'file', file }` (the CSV was fetched into a Blob beforehand, so the network is not
 *   measured), then `profile()`.
 * - `engine`: a fallback worker making the same engine calls, used only if the workbench
 *   worker cannot be loaded.
 * - `papaparse`, `danfojs`: bench/ingest/browser/compare.worker.ts.
 */
import * as Comlink from 'comlink';
import type { CompareRequest, CompareResult, CompareTool } from './compare.worker';

export type BenchKind = 'workbench' | 'engine' | CompareTool;

interface EngineLike {
  summary(): unknown;
  load(jobId: string, source: { kind: 'file'; file: Blob; name: string }, options: object): Promise<{ rows: number; columns?: unknown[] }>;
  profile(): Promise<{ columns: unknown[] }>;
}

export interface LoadResult {
  kind: BenchKind;
  rows: number;
  columns: number | null;
  loadMs: number;
  readMs: number | null;
}

interface Current {
  kind: BenchKind;
  worker: Worker;
  engine?: Comlink.Remote<EngineLike>;
}

const blobs = new Map<string, File>();
let current: Current | null = null;

const log = (text: string) => {
  const el = document.getElementById('log');
  if (el) el.textContent += text + '\n';
};

function failed(worker: Worker): Promise<never> {
  return new Promise((_, reject) => {
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'the worker script failed to load (see the Vite server log)')));
  });
}

function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms));
}

function compareCall(worker: Worker, msg: CompareRequest): Promise<CompareResult | undefined> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: CompareResult; error?: string }>) =>
      e.data.ok ? resolve(e.data.result) : reject(new Error(e.data.error));
    worker.postMessage(msg);
  });
}

function dispose(): void {
  if (current) {
    current.engine?.[Comlink.releaseProxy]();
    current.worker.terminate();
    current = null;
  }
}

const bench = {
  /** Fetches the CSV into a Blob (kept for all measurements); returns its size. */
  async fetchCsv(url: string): Promise<number> {
    let file = blobs.get(url);
    if (!file) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
      const blob = await response.blob();
      file = new File([blob], url.split('/').pop() ?? 'data.csv', { type: 'text/csv' });
      blobs.set(url, file);
    }
    return file.size;
  },

  /** Starts a fresh worker for `kind` and waits until it answers (modules loaded and compiled). */
  async prepare(kind: BenchKind): Promise<{ scriptUrl: string }> {
    dispose();
    let worker: Worker;
    if (kind === 'workbench') {
      worker = new Worker(new URL('../../../src/workers/workbench.worker.ts', import.meta.url), { type: 'module', name: 'glassbox-workbench' });
    } else if (kind === 'engine') {
      worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'glassbox-bench-engine' });
    } else {
      worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: `glassbox-bench-${kind}` });
    }
    current = { kind, worker };
    try {
      if (kind === 'workbench' || kind === 'engine') {
        current.engine = Comlink.wrap<EngineLike>(worker);
        await Promise.race([current.engine.summary(), failed(worker), timeout(60_000, kind)]);
      } else {
        await Promise.race([compareCall(worker, { op: 'prepare', tool: kind }), failed(worker), timeout(60_000, kind)]);
      }
    } catch (e) {
      dispose();
      throw e;
    }
    log(`${kind}: worker ready`);
    return { scriptUrl: kind === 'workbench' ? 'workbench.worker' : kind === 'engine' ? 'engine.worker' : 'compare.worker' };
  },

  /** Loads (parses) the CSV fetched from `url` in the prepared worker; the measured step. */
  async load(url: string): Promise<LoadResult> {
    const file = blobs.get(url);
    if (!current || !file) throw new Error('call fetchCsv and prepare first');
    const { kind, worker, engine } = current;
    if (engine) {
      const t0 = performance.now();
      const summary = await engine.load(`bench-${Date.now()}`, { kind: 'file', file, name: file.name }, {});
      const loadMs = performance.now() - t0;
      log(`${kind}: ${summary.rows} rows, load ${loadMs.toFixed(0)} ms`);
      return { kind, rows: summary.rows, columns: summary.columns?.length ?? null, loadMs, readMs: null };
    }
    const r = await compareCall(worker, { op: 'run', tool: kind as CompareTool, file });
    if (!r) throw new Error('no result');
    log(`${kind}: ${r.rows} rows, ${r.ms.toFixed(0)} ms`);
    return { kind, rows: r.rows, columns: r.columns, loadMs: r.ms, readMs: r.readMs };
  },

  /** profile() of the loaded table (workbench / engine workers only). */
  async profile(): Promise<{ profileMs: number; columns: number }> {
    if (!current?.engine) throw new Error('no engine worker');
    const t0 = performance.now();
    const profile = await current.engine.profile();
    const profileMs = performance.now() - t0;
    log(`${current.kind}: profile ${profileMs.toFixed(0)} ms`);
    return { profileMs, columns: profile.columns.length };
  },

  dispose,
  crossOriginIsolated: () => self.crossOriginIsolated,
};

declare global {
  interface Window {
    glassboxBench?: typeof bench;
  }
}

window.glassboxBench = bench;
log('ready');

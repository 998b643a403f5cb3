/**
 * The one place onnxruntime-web (WebAssembly build) is configured. The browser worker, the CLI
 * and the tests all score through it. Threads are a process-wide setting of onnxruntime-web,
 * fixed when the first session is created: 1 thread is the deterministic mode of the contract;
 * more threads need a cross-origin-isolated page (COOP/COEP) and silently fall back to 1 without.
 */
import * as ort from 'onnxruntime-web/wasm';

export { ort };

let threadsInUse: number | null = null;

export interface RuntimeOptions {
  /** Intra-op threads (1 = deterministic). */
  threads: number;
  /** Where the .wasm binary is served from (the browser worker passes Vite's URL for it). */
  wasmUrl?: string;
}

/** Configure before the first session; later calls cannot change the thread count and return the one in use. */
export function configureRuntime(options: RuntimeOptions): number {
  if (threadsInUse !== null) return threadsInUse;
  ort.env.logLevel = 'error';
  // Under Node the wasm bundle cannot start its thread workers (session creation fails): 1 thread.
  ort.env.wasm.numThreads = runsInNode() ? 1 : Math.max(1, Math.floor(options.threads));
  if (options.wasmUrl) ort.env.wasm.wasmPaths = { wasm: options.wasmUrl };
  threadsInUse = ort.env.wasm.numThreads;
  return threadsInUse;
}

/** The thread count sessions run with (configuring 1 thread on first use if nobody did). */
export function runtimeThreads(): number {
  return threadsInUse ?? configureRuntime({ threads: 1 });
}

function runsInNode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: string } }; window?: unknown; WorkerGlobalScope?: unknown };
  return typeof g.process?.versions?.node === 'string' && g.window === undefined && g.WorkerGlobalScope === undefined;
}

/** The onnxruntime-web version in use (recorded in snapshots). */
export function onnxRuntimeVersion(): string {
  return ort.env.versions?.web ?? ort.env.versions?.common ?? 'unknown';
}

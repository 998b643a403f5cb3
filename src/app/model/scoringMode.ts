/**
 * How the worker runs onnxruntime-web: "deterministic" (1 thread, the CLI's exact numbers — the
 * default, and what recorded results use) or "fast" (several threads; needs a cross-origin-isolated
 * page, and the last bits of float32 sums may differ). onnxruntime-web fixes its thread count when
 * it starts, so the choice is read when the worker starts; switching reloads the page (the
 * workspace is restored).
 */
const KEY = 'glassbox.scoringMode';

export type ScoringMode = 'deterministic' | 'fast';

export function scoringMode(): ScoringMode {
  try {
    return localStorage.getItem(KEY) === 'fast' ? 'fast' : 'deterministic';
  } catch {
    return 'deterministic';
  }
}

export function saveScoringMode(mode: ScoringMode): void {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // storage unavailable: the default stays
  }
}

/** Threads can only be used when the page is cross-origin isolated (COOP/COEP headers). */
export function threadsAvailable(): boolean {
  return globalThis.crossOriginIsolated === true;
}

export function fastThreads(): number {
  return Math.max(2, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));
}

export function threadsFor(mode: ScoringMode): number {
  return mode === 'fast' && threadsAvailable() ? fastThreads() : 1;
}

/// <reference lib="webworker" />
/**
 * Comparison worker of the ingest benchmark: PapaParse or danfojs parse the same CSV Blob, in a
 * dedicated worker of their own (a fresh one per measurement) so the driver can read this
 * worker's JS heap through the DevTools protocol while it works.
 */
import Papa from 'papaparse';

type Danfo = typeof import('danfojs');

export type CompareTool = 'papaparse' | 'danfojs';
export type CompareRequest = { op: 'prepare'; tool: CompareTool } | { op: 'run'; tool: CompareTool; file: File };
export interface CompareResult {
  tool: CompareTool;
  ms: number;
  readMs: number | null;
  rows: number;
  columns: number;
}

let dfd: Danfo | null = null;

self.onmessage = async (event: MessageEvent<CompareRequest>) => {
  const msg = event.data;
  try {
    if (msg.op === 'prepare') {
      if (msg.tool === 'danfojs' && !dfd) dfd = await import('danfojs');
      self.postMessage({ ok: true });
      return;
    }
    self.postMessage({ ok: true, result: await run(msg.tool, msg.file) });
  } catch (e) {
    self.postMessage({ ok: false, error: String((e as Error)?.stack ?? e) });
  }
};

async function run(tool: CompareTool, file: File): Promise<CompareResult> {
  if (tool === 'papaparse') {
    // Equal work with Glassbox's readDataset: bytes → text → fields → numbers/booleans/dates.
    const t0 = performance.now();
    const text = await file.text();
    const readMs = performance.now() - t0;
    const res = Papa.parse<unknown[]>(text, { header: false, dynamicTyping: true, skipEmptyLines: true, worker: false });
    const ms = performance.now() - t0;
    if (res.errors.length > 0) throw new Error(`papaparse: ${res.errors.length} errors, first: ${res.errors[0].message}`);
    return { tool, ms, readMs, rows: res.data.length - 1, columns: res.data[0].length };
  }
  if (!dfd) dfd = await import('danfojs');
  // danfojs' own defaults: PapaParse (header: true, dynamicTyping: true) in 10 MB chunks → DataFrame
  const t0 = performance.now();
  const df = await dfd.readCSV(file);
  const ms = performance.now() - t0;
  return { tool, ms, readMs: null, rows: df.shape[0], columns: df.shape[1] };
}

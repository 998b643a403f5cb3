/// <reference lib="webworker" />
/**
 * The inference benchmark's worker in Chromium (bundled by bench/infer/build.mjs; the page
 * bench/infer/browser/index.html starts a fresh one for every measurement). One message, one
 * measurement, with `threads` onnxruntime-web threads:
 *
 * - `raw`: an onnxruntime-web session (wasm EP, graphOptimizationLevel 'all') on Float32Array
 *   batches of 4096 rows of the .f32 file — what the Node `web` task does;
 * - `scorer`: Glassbox's Scorer as the workbench worker uses it — configureRuntime, openScorer,
 *   readDataset(blobSource(csv)) (timed separately), resolveMapping, then `score()`, timed.
 *
 * The files are fetched before anything is timed. Both warm up with 2 batches first.
 */
import * as ort from 'onnxruntime-web/wasm';
import { blobSource } from '../../../src/core/data/byteSource';
import { readDataset } from '../../../src/core/data/readDataset';
import { resolveMapping } from '../../../src/core/inference/inputMapping';
import { configureRuntime } from '../../../src/core/inference/onnxRuntime';
import { openScorer, SCORING_BATCH_SIZE } from '../../../src/core/inference/scorer';

export interface InferRequest {
  kind: 'raw' | 'scorer';
  threads: number;
  rows: number;
  features: number;
  modelUrl: string;
  csvUrl: string;
  f32Url: string;
  check: number;
}

export interface InferResult {
  kind: 'raw' | 'scorer';
  threads: number;
  threadsInUse: number;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  rows: number;
  openMs: number;
  readMs: number | null;
  ms: number;
  rowsPerS: number;
  check: number[];
}

const WARMUP_BATCHES = 2;

/** Tells the driver (through the page) that the timed pass starts or ends: it samples the machine's load. */
const mark = (name: 'start' | 'end') => self.postMessage({ mark: name });

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.arrayBuffer();
}

async function runRaw(req: InferRequest): Promise<InferResult> {
  const threadsInUse = configureRuntime({ threads: req.threads });
  const model = new Uint8Array(await fetchBytes(req.modelUrl));
  const matrix = new Float32Array(await fetchBytes(req.f32Url), 0, req.rows * req.features);
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const openMs = performance.now() - t0;
  const input = session.inputNames[0];
  const scores = new Float64Array(req.rows);
  const pass = async (count: number) => {
    for (let start = 0; start < count; start += SCORING_BATCH_SIZE) {
      const end = Math.min(count, start + SCORING_BATCH_SIZE);
      const n = end - start;
      const tensor = new ort.Tensor('float32', matrix.subarray(start * req.features, end * req.features), [n, req.features]);
      const result = await session.run({ [input]: tensor }, ['probabilities']);
      const p = result.probabilities.data as Float32Array;
      for (let i = 0; i < n; i++) scores[start + i] = p[2 * i + 1];
    }
  };
  await pass(Math.min(req.rows, WARMUP_BATCHES * SCORING_BATCH_SIZE));
  mark('start');
  const t1 = performance.now();
  await pass(req.rows);
  const ms = performance.now() - t1;
  mark('end');
  await session.release();
  return result(req, threadsInUse, openMs, null, ms, scores);
}

async function runScorer(req: InferRequest): Promise<InferResult> {
  const threadsInUse = configureRuntime({ threads: req.threads });
  const model = new Uint8Array(await fetchBytes(req.modelUrl));
  const csv = new Blob([await fetchBytes(req.csvUrl)], { type: 'text/csv' });
  const t0 = performance.now();
  const scorer = await openScorer(model);
  const openMs = performance.now() - t0;
  const t1 = performance.now();
  const read = await readDataset(blobSource(csv, 'bench.csv'));
  const readMs = performance.now() - t1;
  if (read.table.rowCount !== req.rows) throw new Error(`the CSV has ${read.table.rowCount} rows, expected ${req.rows}`);
  const mapping = resolveMapping(scorer.signature, read.table, 'the benchmark CSV');
  const warm = Int32Array.from({ length: Math.min(req.rows, WARMUP_BATCHES * SCORING_BATCH_SIZE) }, (_, i) => i);
  await scorer.score(read.table, mapping, { rows: warm });
  mark('start');
  const t2 = performance.now();
  const scores = await scorer.score(read.table, mapping);
  const ms = performance.now() - t2;
  mark('end');
  await scorer.dispose();
  return result(req, threadsInUse, openMs, readMs, ms, scores);
}

function result(req: InferRequest, threadsInUse: number, openMs: number, readMs: number | null, ms: number, scores: Float64Array): InferResult {
  return {
    kind: req.kind,
    threads: req.threads,
    threadsInUse,
    crossOriginIsolated: self.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    rows: req.rows,
    openMs,
    readMs,
    ms,
    rowsPerS: req.rows / (ms / 1000),
    check: Array.from(scores.subarray(0, req.check)),
  };
}

self.onmessage = async (event: MessageEvent<InferRequest>) => {
  try {
    const req = event.data;
    self.postMessage({ ok: true, result: req.kind === 'raw' ? await runRaw(req) : await runScorer(req) });
  } catch (e) {
    self.postMessage({ ok: false, error: String((e as Error)?.stack ?? e) });
  }
};

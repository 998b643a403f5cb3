// One Node measurement of the inference benchmark, in its own process (onnxruntime-web's thread
// count is fixed per process when its first session is created). Prints one JSON line.
//
//   node bench/infer/task.mjs <kind> --threads T --model M --rows N [--csv C] [--f32 F] [--features K]
//                            [--check R] [--ort wasm|node]
//
// kinds:
//   native   onnxruntime-node InferenceSession (cpu EP, intraOpNumThreads T, interOpNumThreads 1,
//            sequential, graphOptimizationLevel 'all') run on Float32Array batches of 4096 rows
//            (subarrays of the .f32 file: no copying on the JS side) — the reference
//   web      the same with onnxruntime-web (wasm EP, env.wasm.numThreads T), as the Scorer
//            configures it, on the same batches
//   scorer   Glassbox: configureRuntime({ threads: T }), openScorer(model bytes), readDataset of the
//            CSV (timed separately), resolveMapping, then scorer.score(table, mapping) — timed
//
// --ort (web, scorer): `wasm` = import 'onnxruntime-web/wasm' (what src/ imports; the default),
// `node` = import 'onnxruntime-web', i.e. its Node build (the scorer then runs the engine bundle
// built with that alias). Only the Node build can start threads under Node.
//
// Besides wall and CPU time of the process over the timed pass, it samples /proc/stat to report
// how busy the whole machine was meanwhile (`machineBusyCores`; minus this process's own CPU
// time = `otherBusyCores`, the load of other processes).
//
// Each: the session is created and 2 batches are run (warm-up) before the timed pass over all
// rows. Every kind produces the P(positive) of every row ([:, 1] of "probabilities"); the first
// R (--check) are printed for the correctness check.
import { readFileSync } from 'node:fs';
import { ENGINE_BUNDLE, ENGINE_BUNDLE_NODE_BUILD } from './build.mjs';
import { machineBusyMs } from './cpu.mjs';
import { importNativeRuntime } from './nativeRuntime.mjs';

const BATCH = 4096;
const WARMUP_BATCHES = 2;

const argv = process.argv.slice(2);
const kind = argv[0];
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? fallback : argv[i + 1];
};
const threads = Number(opt('threads', 1));
const modelPath = opt('model');
const rows = Number(opt('rows'));
const features = Number(opt('features', 16));
const checkRows = Math.min(Number(opt('check', 10000)), rows);
const ortBuild = opt('ort', 'wasm');
if (ortBuild !== 'wasm' && ortBuild !== 'node') throw new Error(`--ort must be wasm or node, got ${ortBuild}`);
const ORT_WEB_MODULE = ortBuild === 'node' ? 'onnxruntime-web' : 'onnxruntime-web/wasm';

function cpuMs(since) {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

/** Runs `work`, returning its wall time, this process's CPU time and the machine's load meanwhile. */
async function timed(work) {
  const m0 = machineBusyMs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const ms = performance.now() - t0;
  const cpu = cpuMs(cpu0);
  const m1 = machineBusyMs();
  const busy = m0 !== null && m1 !== null ? (m1 - m0) / ms : null;
  return { value, ms, cpuMs: cpu, machineBusyCores: busy, otherBusyCores: busy === null ? null : Math.max(0, busy - cpu / ms) };
}

/** The .f32 file (row-major float32 [rows, features]) as one Float32Array. */
function readMatrix(path) {
  const buf = readFileSync(path);
  if (buf.byteLength < rows * features * 4) throw new Error(`${path} holds fewer than ${rows} rows`);
  return new Float32Array(buf.buffer, buf.byteOffset, rows * features);
}

/** Runs `session` over all rows in batches of 4096; P(positive) per row into `out`. */
async function pass(ort, session, matrix, out, first, count) {
  const input = session.inputNames[0];
  for (let start = first; start < first + count; start += BATCH) {
    const end = Math.min(first + count, start + BATCH);
    const n = end - start;
    const tensor = new ort.Tensor('float32', matrix.subarray(start * features, end * features), [n, features]);
    const result = await session.run({ [input]: tensor }, ['probabilities']);
    const p = result.probabilities.data;
    for (let i = 0; i < n; i++) out[start + i] = p[2 * i + 1];
  }
}

async function raw(ortModule) {
  const t0 = performance.now();
  let ort;
  let session;
  let threadsInUse = threads;
  if (ortModule === 'native') {
    ort = await importNativeRuntime();
    session = await ort.InferenceSession.create(modelPath, {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } else {
    ort = await import(ORT_WEB_MODULE);
    ort.env.logLevel = 'error';
    ort.env.wasm.numThreads = threads;
    session = await ort.InferenceSession.create(new Uint8Array(readFileSync(modelPath)), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    threadsInUse = ort.env.wasm.numThreads;
  }
  const openMs = performance.now() - t0;
  const matrix = readMatrix(opt('f32'));
  const scores = new Float64Array(rows);
  await pass(ort, session, matrix, scores, 0, Math.min(rows, WARMUP_BATCHES * BATCH));
  const timing = await timed(() => pass(ort, session, matrix, scores, 0, rows));
  delete timing.value;
  await session.release();
  return { module: ortModule === 'native' ? 'onnxruntime-node' : ORT_WEB_MODULE, threadsInUse, openMs, ...timing, scores };
}

async function scorer() {
  const lib = await import(ortBuild === 'node' ? ENGINE_BUNDLE_NODE_BUILD : ENGINE_BUNDLE);
  const threadsInUse = lib.configureRuntime({ threads });
  const t0 = performance.now();
  const s = await lib.openScorer(new Uint8Array(readFileSync(modelPath)));
  const openMs = performance.now() - t0;
  const t1 = performance.now();
  const read = await lib.readDataset(lib.nodeFileSource(opt('csv')));
  const readMs = performance.now() - t1;
  const table = read.table;
  if (table.rowCount !== rows) throw new Error(`the CSV has ${table.rowCount} rows, expected ${rows}`);
  const mapping = lib.resolveMapping(s.signature, table, 'the benchmark CSV');
  const warm = Int32Array.from({ length: Math.min(rows, WARMUP_BATCHES * lib.SCORING_BATCH_SIZE) }, (_, i) => i);
  await s.score(table, mapping, { rows: warm });
  const { value: scores, ...timing } = await timed(() => s.score(table, mapping));
  await s.dispose();
  return { module: ORT_WEB_MODULE, threadsInUse, openMs, readMs, ...timing, scores, batch: lib.SCORING_BATCH_SIZE, mapping };
}

async function main() {
  let r;
  if (kind === 'native' || kind === 'web') r = await raw(kind);
  else if (kind === 'scorer') r = await scorer();
  else throw new Error(`unknown kind '${kind}' (native, web, scorer)`);
  const { scores, ...rest } = r;
  const out = { kind, threads, rows, ...rest, rowsPerS: rows / (r.ms / 1000), check: Array.from(scores.subarray(0, checkRows)) };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e?.stack ?? e) + '\n');
    process.exit(1);
  },
);

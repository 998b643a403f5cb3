// Where the time of a `node --cpu-prof` run of `glassbox predict` goes: every sample is put in
// one bucket, from the nearest enclosing function of the CLI bundle that marks a phase, else
// from where the sampled code lives (onnxruntime-web's JS or its WebAssembly, Node's internals,
// V8's own nodes). Async functions resume without their callers on the stack, so a frame of
// onnxruntime-web after an `await` inside session.run() has no Glassbox caller: it is counted as
// onnxruntime-web — as session.run if it comes after the first batch was encoded, else as
// opening the model (instantiating the wasm, creating the session).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** CLI function name → bucket (functions of dist/cli/glassbox.mjs). */
const PHASES = {
  openModelFile: 'open model (read, check, create session)',
  openScorer: 'open model (read, check, create session)',
  readModelDescription: 'open model (read, check, create session)',
  analyseModel: 'open model (read, check, create session)',
  readDatasetFile: 'read CSV → table (parse, type inference)',
  readDataset: 'read CSV → table (parse, type inference)',
  readCsv: 'read CSV → table (parse, type inference)',
  parsePass: 'read CSV → table (parse, type inference)',
  buildTable: 'read CSV → table (parse, type inference)',
  detectFormat: 'read CSV → table (parse, type inference)',
  encode: 'encode feeds (table → Float32Array batch, ort.Tensor)',
  encodeMatrix: 'encode feeds (table → Float32Array batch, ort.Tensor)',
  fillNumbers: 'encode feeds (table → Float32Array batch, ort.Tensor)',
  toOrtFeeds: 'encode feeds (table → Float32Array batch, ort.Tensor)',
  readScores: 'read scores out of the output tensor',
  score: 'session.run (onnxruntime-web JS + wasm)',
  predictionsFrom: 'predictions (labels from scores)',
  writePredictionsCsv: 'write CSV (copy records, format scores, stream)',
  forEachCsvRecord: 'write CSV (copy records, format scores, stream)',
};
const ORT = 'session.run (onnxruntime-web JS + wasm)';

export function analyseCpuProfile(path, cliBundleSuffix = 'dist/cli/glassbox.mjs') {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const bucketOf = new Map();
  const classify = (id) => {
    if (bucketOf.has(id)) return bucketOf.get(id);
    const leaf = byId.get(id);
    const name = leaf.callFrame.functionName;
    let bucket = null;
    if (name === '(garbage collector)') bucket = 'garbage collection';
    else if (name === '(idle)') bucket = 'idle (waiting for I/O or worker threads)';
    else if (name === '(program)') bucket = 'V8 / native, unattributed';
    else if (name === '(root)') bucket = 'V8 / native, unattributed';
    if (bucket === null) {
      let inOrt = false;
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const f = byId.get(cur).callFrame;
        if (f.url.endsWith(cliBundleSuffix) && PHASES[f.functionName]) {
          bucket = PHASES[f.functionName];
          break;
        }
        if (f.url.includes('onnxruntime-web') || f.url.startsWith('wasm://') || /^(\$|wasm-function|wasm-to-js|GenericJSToWasmWrapper|JSToWasm)/.test(f.functionName)) inOrt = true;
      }
      if (bucket === null) {
        const url = leaf.callFrame.url;
        if (inOrt) bucket = ORT;
        else if (url.startsWith('node:') || url === '') bucket = 'Node internals (fs streams, module loading, …)';
        else if (url.endsWith(cliBundleSuffix)) bucket = 'other CLI code';
        else bucket = 'other JS (libraries, startup)';
      }
    }
    bucketOf.set(id, bucket);
    return bucket;
  };

  const ms = new Map();
  const self = new Map();
  let total = 0;
  const { samples, timeDeltas } = profile;
  const ENCODE = PHASES.encode;
  const firstEncode = samples.findIndex((id) => classify(id) === ENCODE);
  for (let i = 0; i < samples.length; i++) {
    // the delta before sample i+1 is the time spent in sample i
    const dt = (timeDeltas[i + 1] ?? 0) / 1000;
    total += dt;
    let b = classify(samples[i]);
    if (b === ORT && (firstEncode < 0 || i < firstEncode)) b = PHASES.openScorer;
    ms.set(b, (ms.get(b) ?? 0) + dt);
    const f = byId.get(samples[i]).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}${f.url ? ':' + (f.lineNumber + 1) : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const buckets = [...ms.entries()].map(([name, t]) => ({ name, ms: t, share: t / total })).sort((a, b) => b.ms - a.ms);
  const topSelf = [...self.entries()].map(([name, t]) => ({ name, ms: t, share: t / total })).sort((a, b) => b.ms - a.ms).slice(0, 15);
  return { totalMs: total, buckets, topSelf };
}

// node bench/infer/profile.mjs <file.cpuprofile>
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2]) {
  const r = analyseCpuProfile(process.argv[2]);
  console.log(`total ${r.totalMs.toFixed(0)} ms`);
  for (const b of r.buckets) console.log(`${b.ms.toFixed(0).padStart(7)} ms ${(100 * b.share).toFixed(1).padStart(5)} %  ${b.name}`);
  console.log('top self time:');
  for (const b of r.topSelf) console.log(`${b.ms.toFixed(0).padStart(7)} ms ${(100 * b.share).toFixed(1).padStart(5)} %  ${b.name}`);
}

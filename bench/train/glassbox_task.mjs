// One Glassbox training measurement of the training benchmark, in its own Node process.
// Prints one JSON line.
//
//   node bench/train/glassbox_task.mjs --dir D --trees 200 --depth 6 --lr 0.1 --bins 255
//                                      --min-leaf 20 --out scores.f64 [--engine bundle.mjs]
//
// Reads the encoded matrix (bench/train/make_data.mjs), trains with trainGbdt (timed: binning
// the features + all rounds), then scores the holdout rows with gbdtMargins (timed separately)
// and writes P(positive) = sigmoid(margin) of every holdout row as float64 to --out.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { machineBusyMs } from '../infer/cpu.mjs';
import { ENGINE_BUNDLE } from './build.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const dir = opt('dir');
const params = {
  nEstimators: Number(opt('trees', 200)),
  maxDepth: Number(opt('depth', 6)),
  learningRate: Number(opt('lr', 0.1)),
  maxBins: Number(opt('bins', 255)),
  minSamplesLeaf: Number(opt('min-leaf', 20)),
};
const meta = JSON.parse(readFileSync(resolve(dir, 'meta.json'), 'utf8'));

/** Column-major float32 → one Float64Array per feature (the columns trainGbdt takes). */
function readColumns(which, rows) {
  const buf = readFileSync(resolve(dir, `${which}-X.f32`));
  const all = new Float32Array(buf.buffer, buf.byteOffset, meta.features * rows);
  return Array.from({ length: meta.features }, (_, j) => Float64Array.from(all.subarray(j * rows, (j + 1) * rows)));
}

const cpuMs = (since) => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
};

const lib = await import(opt('engine', ENGINE_BUNDLE));
const X = readColumns('train', meta.trainRows);
const y = new Uint8Array(readFileSync(resolve(dir, 'train-y.u8')));
const Xh = readColumns('holdout', meta.holdoutRows);

const m0 = machineBusyMs();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const model = lib.trainGbdt(X, y, 'classification', params, { seed: 42 });
const trainMs = performance.now() - t0;
const trainCpuMs = cpuMs(cpu0);
const m1 = machineBusyMs();
const busy = m0 !== null && m1 !== null ? (m1 - m0) / trainMs : null;

const t1 = performance.now();
const margins = lib.gbdtMargins(model, Xh, meta.holdoutRows);
const predictMs = performance.now() - t1;
const scores = Float64Array.from(margins, (m) => 1 / (1 + Math.exp(-m)));
writeFileSync(opt('out'), new Uint8Array(scores.buffer));

const leaves = model.trees.reduce((s, t) => s + t.feature.filter((f) => f < 0).length, 0);
console.log(
  JSON.stringify({
    trainMs,
    cpuMs: trainCpuMs,
    machineBusyCores: busy,
    otherBusyCores: busy === null ? null : Math.max(0, busy - trainCpuMs / trainMs),
    predictMs,
    trees: model.trees.length,
    leaves,
    params: { ...lib.GBDT_DEFAULTS, ...params },
    heapMiB: +(process.memoryUsage().rss / 2 ** 20).toFixed(0),
  }),
);

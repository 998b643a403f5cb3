// Deterministic synthetic data for the inference benchmark: 16 numeric features + a 0/1 target.
//
//   f01..f06  normal(0, 1), 4 decimals
//   f07..f10  uniform 0..100, 2 decimals
//   f11..f13  whole counts 0..~30 (geometric-ish)
//   f14       lognormal amount around 1100, 2 decimals
//   f15       normal(50, 10), 1 decimal, 2 % missing (empty field)
//   f16       uniform -1..1, 3 decimals, 2 % missing
//   target    Bernoulli(sigmoid(a non-linear function of the features))
//
// Two files per row count, written together from the same values:
//   data/<name>-<rows>.csv   the CSV (what Glassbox reads)
//   data/<name>-<rows>.f32   the features as float32, row-major [rows, 16], NaN = missing: each
//                            value is Math.fround(Number(<the CSV text>)), i.e. exactly what a
//                            float32 input tensor holds for that field — the input of the raw
//                            onnxruntime sessions, independent of Glassbox's CSV reader
//   data/<name>-<rows>.meta.json  the parameters; files whose meta matches are reused
// Rows are generated one after another from one seeded stream, so the first k rows of the
// N-row file equal the k-row file.
//
// Usage: node bench/infer/make_data.mjs [--rows 1000000] [--name score|train]
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, normalSampler } from '../common/random.mjs';

export const GENERATOR_VERSION = 1;
/** Seeds: the scored file and the (separate) training file. */
export const SEEDS = { score: 20261123, train: 7 };
export const FEATURES = Array.from({ length: 16 }, (_, i) => `f${String(i + 1).padStart(2, '0')}`);
export const HEADER = [...FEATURES, 'target'];

const HERE = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = resolve(HERE, 'data');

export function dataPaths(name, rows, dir = DATA_DIR) {
  const base = join(dir, `${name}-${rows}`);
  return { csv: `${base}.csv`, f32: `${base}.f32`, meta: `${base}.meta.json` };
}

function params(name, rows) {
  return { generator: GENERATOR_VERSION, name, seed: SEEDS[name], rows, features: FEATURES.length, header: HEADER.join(',') };
}

/** Returns { csv, f32, meta, rows, features, bytes, reused }; generates the files unless identical ones exist. */
export function ensureData(name, rows, log = () => {}, dir = DATA_DIR) {
  if (!(name in SEEDS)) throw new Error(`unknown data set '${name}' (score or train)`);
  mkdirSync(dir, { recursive: true });
  const paths = dataPaths(name, rows, dir);
  const want = params(name, rows);
  if (existsSync(paths.csv) && existsSync(paths.f32) && existsSync(paths.meta)) {
    try {
      const meta = JSON.parse(readFileSync(paths.meta, 'utf8'));
      const same = Object.entries(want).every(([k, v]) => meta[k] === v);
      if (same && statSync(paths.csv).size === meta.bytes && statSync(paths.f32).size === rows * FEATURES.length * 4) {
        return { ...paths, rows, features: FEATURES.length, bytes: meta.bytes, reused: true };
      }
    } catch {
      // regenerate
    }
  }
  const t0 = performance.now();
  log(`generating ${paths.csv} (${rows.toLocaleString('en-US')} rows)…`);
  const bytes = generate(want, paths);
  writeFileSync(paths.meta, JSON.stringify({ ...want, bytes }, null, 2) + '\n');
  log(`  ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { ...paths, rows, features: FEATURES.length, bytes, reused: false };
}

function generate({ seed, rows }, paths) {
  const rand = mulberry32(seed);
  const normal = normalSampler(rand);
  const count = (p) => {
    // geometric number of failures before a success with probability p, capped at 30
    let k = 0;
    while (k < 30 && rand() > p) k++;
    return k;
  };

  const F = FEATURES.length;
  const tmpCsv = paths.csv + '.tmp';
  const tmpF32 = paths.f32 + '.tmp';
  const fdCsv = openSync(tmpCsv, 'w');
  const fdF32 = openSync(tmpF32, 'w');
  const BLOCK = 8192;
  const block = new Float32Array(BLOCK * F);
  const fields = new Array(F + 1);
  let bytes = 0;
  try {
    const head = HEADER.join(',') + '\n';
    bytes += writeSync(fdCsv, head);
    let lines = [];
    let inBlock = 0;
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < 6; j++) fields[j] = normal().toFixed(4);
      for (let j = 6; j < 10; j++) fields[j] = (rand() * 100).toFixed(2);
      fields[10] = String(count(0.35));
      fields[11] = String(count(0.15));
      fields[12] = String(count(0.6));
      fields[13] = Math.exp(7 + 0.8 * normal()).toFixed(2);
      const f15 = 50 + 10 * normal();
      fields[14] = rand() < 0.02 ? '' : f15.toFixed(1);
      const f16 = rand() * 2 - 1;
      fields[15] = rand() < 0.02 ? '' : f16.toFixed(3);

      const x = (j) => (fields[j] === '' ? NaN : Number(fields[j]));
      for (let j = 0; j < F; j++) block[inBlock * F + j] = Math.fround(x(j));
      const logit =
        0.9 * x(0) -
        0.7 * x(1) * x(2) +
        0.04 * (x(6) - 50) +
        0.6 * Math.sin(2 * x(3)) +
        0.12 * x(10) -
        0.08 * x(11) +
        (x(13) > 2000 ? -0.8 : 0.1) +
        (fields[14] === '' ? 0.5 : 0.03 * (x(14) - 50)) +
        (fields[15] === '' ? -0.3 : 0.8 * x(15) * Math.abs(x(4))) +
        0.3 * (x(8) > 70 && x(5) > 0 ? 1 : 0) -
        0.2;
      fields[F] = rand() < 1 / (1 + Math.exp(-logit)) ? '1' : '0';
      lines.push(fields.join(','));
      inBlock++;
      if (inBlock === BLOCK || r === rows - 1) {
        bytes += writeSync(fdCsv, lines.join('\n') + '\n');
        writeSync(fdF32, new Uint8Array(block.buffer, 0, inBlock * F * 4));
        lines = [];
        inBlock = 0;
      }
    }
  } finally {
    closeSync(fdCsv);
    closeSync(fdF32);
  }
  renameSync(tmpCsv, paths.csv);
  renameSync(tmpF32, paths.f32);
  return bytes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const arg = (n, d) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : d);
  const r = ensureData(arg('name', 'score'), Number(arg('rows', 1_000_000)), console.log);
  console.log(JSON.stringify(r));
}

// Deterministic synthetic data for the training benchmark: a binary target with numeric AND
// categorical columns, encoded once into the numeric matrix both learners get.
//
// Raw columns (one seeded mulberry32 stream, row after row):
//   age        whole number 18..90
//   income     lognormal around 42,000, 2 decimals, 3 % missing
//   score_a    normal(0, 1), 4 decimals
//   score_b    normal(0, 1), 4 decimals, 5 % missing
//   usage      uniform 0..100, 1 decimal
//   visits     whole counts 0..~40 (geometric)
//   tenure     exponential, mean 3 years, 2 decimals
//   noise      uniform −1..1, 3 decimals (unrelated to the target)
//   region     6 levels, unequal shares
//   channel    4 levels
//   product    40 levels, Zipf-like shares
//   merchant   300 levels, Zipf-like shares
//   target     Bernoulli(sigmoid(logit)): a non-linear function of the numbers, an effect per
//              level of every categorical column, interactions (channel × score_a, usage × score_b,
//              region × age) and a missing-income effect
//
// Split: a seeded shuffle of the rows; the first `holdout` share is the holdout set.
// Encoding (fitted on the training rows only, as the default recipe is): the numeric columns as
// they are, missing values left missing (NaN: both learners route missing values themselves);
// each categorical column one-hot over its 20 most frequent training levels (ties by level
// order), plus an "other" column when it has more levels — the default recipe's oneHot
// (top 20 + "other"); or, with encoding 'ordinal', one column of codes per categorical column
// (levels numbered by descending training frequency: 0 = the most frequent), 12 dense features
// instead of 60 mostly-zero ones. All values are stored as float32 (what XGBoost's DMatrix holds and what
// Glassbox's bins compare in), so both sides read bit-identical inputs.
//
// Files (bench/out/train-data-<encoding>/, reused when meta.json matches):
//   train-X.f32, holdout-X.f32   float32, column-major: feature j of row i at [j · rows + i]
//   train-y.u8,  holdout-y.u8    0/1 labels
//   meta.json                    parameters, feature names, counts, positive shares
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, normalSampler } from '../common/random.mjs';

export const GENERATOR_VERSION = 1;
const HERE = dirname(fileURLToPath(import.meta.url));
export const dataDir = (encoding) => resolve(HERE, `../out/train-data-${encoding}`);
const TOP = 20;

const NUMERIC = ['age', 'income', 'score_a', 'score_b', 'usage', 'visits', 'tenure', 'noise'];
const CATEGORICAL = [
  { name: 'region', levels: 6, zipf: 0.6 },
  { name: 'channel', levels: 4, zipf: 0.8 },
  { name: 'product', levels: 40, zipf: 1.0 },
  { name: 'merchant', levels: 300, zipf: 1.1 },
];

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

function generateRaw(rows, seed) {
  const rand = mulberry32(seed);
  const normal = normalSampler(rand);
  // per-level effects and cumulative shares of the categorical columns
  const cats = CATEGORICAL.map((c) => {
    const w = Array.from({ length: c.levels }, (_, k) => 1 / (k + 1) ** c.zipf);
    const total = w.reduce((a, b) => a + b, 0);
    const cum = [];
    let acc = 0;
    for (const x of w) cum.push((acc += x / total));
    return { ...c, cum, effect: Array.from({ length: c.levels }, () => normal() * 0.5) };
  });
  const pick = (cum) => {
    const u = rand();
    let k = 0;
    while (k < cum.length - 1 && cum[k] < u) k++;
    return k;
  };
  const num = NUMERIC.map(() => new Float64Array(rows));
  const cat = cats.map(() => new Int32Array(rows));
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const age = 18 + Math.floor(rand() * 73);
    const income = rand() < 0.03 ? NaN : round(Math.exp(Math.log(42000) + 0.6 * normal()), 2);
    const a = round(normal(), 4);
    const b = rand() < 0.05 ? NaN : round(normal(), 4);
    const usage = round(rand() * 100, 1);
    const visits = Math.min(40, Math.floor(Math.log(1 - rand()) / Math.log(0.85)));
    const tenure = round(-3 * Math.log(1 - rand()), 2);
    const noise = round(rand() * 2 - 1, 3);
    const codes = cats.map((c) => pick(c.cum));
    const [region, channel] = codes;
    let logit = -1.3;
    logit += 0.035 * (age - 45) - 0.0012 * (age - 45) ** 2;
    logit += Number.isNaN(income) ? 0.6 : 0.5 * Math.tanh((Math.log(income) - Math.log(42000)) / 0.6);
    logit += 0.7 * Math.tanh(a) * (channel === 1 ? -1 : 1);
    logit += Number.isNaN(b) ? 0 : 0.5 * b * (usage > 60 ? 1.2 : -0.4);
    logit += visits > 6 ? 0.45 : 0.05 * visits;
    logit += -0.25 * Math.min(tenure, 8) + (region === 2 && age > 50 ? 0.8 : 0);
    cats.forEach((c, k) => (logit += c.effect[codes[k]]));
    y[i] = rand() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    [age, income, a, b, usage, visits, tenure, noise].forEach((v, j) => (num[j][i] = v));
    codes.forEach((v, k) => (cat[k][i] = v));
  }
  return { num, cat, cats, y };
}

/** Returns { dir, meta, reused }; generates the files unless identical ones exist. */
export function ensureTrainData({ rows, holdoutFraction = 0.2, seed = 20261201, encoding = 'onehot' }, log = () => {}) {
  if (encoding !== 'onehot' && encoding !== 'ordinal') throw new Error(`encoding must be onehot or ordinal (got ${encoding})`);
  const DATA_DIR = dataDir(encoding);
  const want = { generator: GENERATOR_VERSION, rows, holdoutFraction, seed, top: TOP, encoding };
  const metaPath = resolve(DATA_DIR, 'meta.json');
  if (existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      if (Object.entries(want).every(([k, v]) => meta[k] === v) && ['train-X.f32', 'holdout-X.f32', 'train-y.u8', 'holdout-y.u8'].every((f) => existsSync(resolve(DATA_DIR, f)))) {
        return { dir: DATA_DIR, meta, reused: true };
      }
    } catch {
      // regenerate
    }
  }
  const t0 = performance.now();
  log(`generating ${rows.toLocaleString('en-US')} rows…`);
  mkdirSync(DATA_DIR, { recursive: true });
  const { num, cat, cats, y } = generateRaw(rows, seed);

  // seeded 80/20 split
  const rand = mulberry32(seed ^ 0x5bd1e995);
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const nHoldout = Math.ceil(holdoutFraction * rows);
  const holdoutRows = order.slice(0, nHoldout).sort();
  const trainRows = order.slice(nHoldout).sort();

  // one-hot levels: top 20 by training frequency (ties by level), "other" when more levels;
  // ordinal: every level's rank by training frequency
  const names = [...NUMERIC];
  const encoders = cats.map((c, k) => {
    const counts = new Float64Array(c.levels);
    for (const i of trainRows) counts[cat[k][i]]++;
    const ranked = Array.from({ length: c.levels }, (_, l) => l).sort((p, q) => counts[q] - counts[p] || p - q);
    if (encoding === 'ordinal') {
      const code = new Int32Array(c.levels);
      ranked.forEach((l, at) => (code[l] = at));
      names.push(c.name);
      return { width: 1, code };
    }
    const top = ranked.filter((l) => counts[l] > 0).slice(0, TOP);
    const column = new Int32Array(c.levels).fill(top.length);
    top.forEach((l, at) => (column[l] = at));
    const other = top.length < c.levels;
    for (const l of top) names.push(`${c.name}=L${l}`);
    if (other) names.push(`${c.name}=other`);
    return { width: top.length + (other ? 1 : 0), column };
  });
  const nf = names.length;

  const write = (which, sel) => {
    const n = sel.length;
    const X = new Float32Array(nf * n);
    NUMERIC.forEach((_, j) => {
      for (let r = 0; r < n; r++) X[j * n + r] = num[j][sel[r]];
    });
    let offset = NUMERIC.length;
    encoders.forEach((e, k) => {
      if (e.code) for (let r = 0; r < n; r++) X[offset * n + r] = e.code[cat[k][sel[r]]];
      else for (let r = 0; r < n; r++) X[(offset + e.column[cat[k][sel[r]]]) * n + r] = 1;
      offset += e.width;
    });
    const labels = Uint8Array.from(sel, (i) => y[i]);
    writeFileSync(resolve(DATA_DIR, `${which}-X.f32`), X);
    writeFileSync(resolve(DATA_DIR, `${which}-y.u8`), labels);
    return labels.reduce((a, b) => a + b, 0) / n;
  };
  const trainPositive = write('train', trainRows);
  const holdoutPositive = write('holdout', holdoutRows);
  const meta = {
    ...want,
    trainRows: trainRows.length,
    holdoutRows: holdoutRows.length,
    features: nf,
    numeric: NUMERIC.length,
    categorical: CATEGORICAL.map((c) => ({ name: c.name, levels: c.levels })),
    encodedColumns: nf - NUMERIC.length,
    trainPositiveShare: +trainPositive.toFixed(4),
    holdoutPositiveShare: +holdoutPositive.toFixed(4),
    names,
  };
  writeFileSync(metaPath, JSON.stringify(meta, null, 2) + '\n');
  log(`  ${meta.trainRows.toLocaleString('en-US')} train + ${meta.holdoutRows.toLocaleString('en-US')} holdout rows × ${nf} features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { dir: DATA_DIR, meta, reused: false };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const rows = argv.includes('--rows') ? Number(argv[argv.indexOf('--rows') + 1]) : 125_000;
  const encoding = argv.includes('--encoding') ? argv[argv.indexOf('--encoding') + 1] : 'onehot';
  console.log(JSON.stringify(ensureTrainData({ rows, encoding }, console.log).meta, (k, v) => (k === 'names' ? undefined : v)));
}

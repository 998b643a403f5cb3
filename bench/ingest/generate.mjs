// Deterministic synthetic CSV for the ingest benchmark: N rows × 20 columns.
//
// Columns (the same for every N; the first k rows of an N-row file equal the k-row file):
//   id        text        unique per row, e.g. "C0000001-7f3a"
//   age       numeric int 18..90, 1% missing
//   visits    numeric int 0..~40 (Poisson-ish)
//   zip       numeric int 10000..99999
//   income    numeric     lognormal, 2 decimals, 3% missing
//   balance   numeric     normal, 2 decimals, ~30% negative
//   score     numeric     0..1, 4 decimals
//   ratio     numeric     normal, 6 decimals, 2% missing
//   temp      numeric     normal around 15, 1 decimal, negatives
//   weight    numeric     normal 70±12, 3 decimals
//   delta     numeric     normal 0±1000, 2 decimals, 5% missing
//   lat       numeric     -60..70, 5 decimals
//   lon       numeric     -180..180, 5 decimals
//   rate      numeric     0..20, 3 decimals
//   region    categorical 8 levels
//   segment   categorical 5 levels, 2% missing
//   product   categorical 50 levels
//   channel   categorical 6 levels; two of them contain a comma and are quoted ("Store, downtown")
//   active    boolean     true/false, 1% missing
//   date      datetime    ISO date 2015-01-01 .. 2024-12-31
//
// Usage: node bench/ingest/generate.mjs --rows 1000000 [--out DIR]
// Writes DIR/ingest-<rows>.csv and DIR/ingest-<rows>.meta.json (the parameters; a file whose
// meta matches is reused).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../common/random.mjs';

export const GENERATOR_VERSION = 1;
export const SEED = 20261122;

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = resolve(HERE, '../out');

const REGIONS = ['North', 'South', 'East', 'West', 'Central', 'Northeast', 'Southwest', 'Islands'];
const SEGMENTS = ['consumer', 'small business', 'enterprise', 'public', 'nonprofit'];
const PRODUCTS = Array.from({ length: 50 }, (_, i) => `P-${String(i + 1).padStart(2, '0')}`);
const CHANNELS = ['online', 'phone', 'partner', 'mail', '"Store, downtown"', '"Store, mall"'];
const HEADER = [
  'id', 'age', 'visits', 'zip', 'income', 'balance', 'score', 'ratio', 'temp', 'weight', 'delta', 'lat', 'lon', 'rate',
  'region', 'segment', 'product', 'channel', 'active', 'date',
];
const DAY_MS = 86400000;
const DATE0 = Date.UTC(2015, 0, 1);
const DATE_DAYS = Math.round((Date.UTC(2024, 11, 31) - DATE0) / DAY_MS) + 1;
const DATES = Array.from({ length: DATE_DAYS }, (_, d) => new Date(DATE0 + d * DAY_MS).toISOString().slice(0, 10));

export function csvPath(rows, dir = OUT_DIR) {
  return join(dir, `ingest-${rows}.csv`);
}

function params(rows) {
  return { generator: GENERATOR_VERSION, seed: SEED, rows, columns: HEADER.length, header: HEADER.join(',') };
}

/** Returns { path, bytes, reused }; generates the file unless an identical one exists. */
export function ensureCsv(rows, dir = OUT_DIR, log = () => {}) {
  mkdirSync(dir, { recursive: true });
  const path = csvPath(rows, dir);
  const metaPath = path.replace(/\.csv$/, '.meta.json');
  const want = params(rows);
  if (existsSync(path) && existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      const same = Object.entries(want).every(([k, v]) => meta[k] === v);
      if (same && statSync(path).size === meta.bytes) return { path, bytes: meta.bytes, reused: true };
    } catch {
      // regenerate
    }
  }
  const t0 = performance.now();
  const bytes = writeCsv(path, rows);
  writeFileSync(metaPath, JSON.stringify({ ...want, bytes }, null, 2) + '\n');
  log(`generated ${path} (${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { path, bytes, reused: false };
}

function writeCsv(path, rows) {
  const rnd = mulberry32(SEED);
  let spare = NaN;
  const normal = () => {
    if (spare === spare) {
      const s = spare;
      spare = NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = rnd();
    const v = rnd();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const maybe = (p, text) => (rnd() < p ? '' : text);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  let bytes = 0;
  let buf = HEADER.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    const hash = (Math.imul(i + 1, 2654435761) >>> 16).toString(16).padStart(4, '0');
    const id = `C${String(i + 1).padStart(7, '0')}-${hash}`;
    const age = maybe(0.01, String(18 + Math.floor(rnd() * 73)));
    const visits = String(Math.floor(-Math.log(1 - rnd()) * 6));
    const zip = String(10000 + Math.floor(rnd() * 90000));
    const income = maybe(0.03, Math.exp(10.5 + 0.6 * normal()).toFixed(2));
    const balance = (2000 + 4000 * normal()).toFixed(2);
    const score = rnd().toFixed(4);
    const ratio = maybe(0.02, (normal() * 0.35).toFixed(6));
    const temp = (15 + 9 * normal()).toFixed(1);
    const weight = (70 + 12 * normal()).toFixed(3);
    const delta = maybe(0.05, (1000 * normal()).toFixed(2));
    const lat = (-60 + 130 * rnd()).toFixed(5);
    const lon = (-180 + 360 * rnd()).toFixed(5);
    const rate = (20 * rnd() * rnd()).toFixed(3);
    const region = REGIONS[Math.floor(rnd() * rnd() * REGIONS.length)];
    const segment = maybe(0.02, SEGMENTS[Math.floor(rnd() * SEGMENTS.length)]);
    const product = PRODUCTS[Math.floor(Math.pow(rnd(), 1.7) * PRODUCTS.length)];
    const channel = CHANNELS[Math.floor(rnd() * CHANNELS.length)];
    const active = maybe(0.01, rnd() < 0.62 ? 'true' : 'false');
    const date = DATES[Math.floor(rnd() * DATE_DAYS)];
    buf +=
      `${id},${age},${visits},${zip},${income},${balance},${score},${ratio},${temp},${weight},${delta},${lat},${lon},${rate},` +
      `${region},${segment},${product},${channel},${active},${date}\n`;
    if (buf.length > 1 << 22) {
      bytes += writeSync(fd, buf);
      buf = '';
    }
  }
  bytes += writeSync(fd, buf);
  closeSync(fd);
  renameSync(tmp, path);
  return bytes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const rowsAt = args.indexOf('--rows');
  const outAt = args.indexOf('--out');
  const rows = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 1_000_000;
  const dir = outAt >= 0 ? resolve(args[outAt + 1]) : OUT_DIR;
  const r = ensureCsv(rows, dir, console.log);
  console.log(`${r.path} ${r.bytes} bytes${r.reused ? ' (reused)' : ''}`);
}

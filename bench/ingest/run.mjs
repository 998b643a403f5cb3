// Glassbox ingest benchmark — `npm run bench:ingest [-- --rows 1000000]`. See bench/README.md.
//
// options:
//   --rows N          rows of the generated CSV (default 1,000,000)
//   --repeat R        runs per Node / headless measurement, median reported (default 3)
//   --prefix P        rows of the prefix file danfojs is measured on (default 100,000)
//   --danfo-full      also run danfojs on the full file in Node (slow; large heap)
//   --skip-node, --skip-headless, --skip-browser
//
// Prints tables and the goals, writes bench/out/ingest.json. Reports; never fails on a missed goal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEngine } from './build.mjs';
import { ensureCsv, OUT_DIR } from './generate.mjs';
import { flag, option } from '../common/options.mjs';
import { machineInfo, runProcess } from '../common/process.mjs';
import { fmtInt, fmtMs, fmtRate, fmtX, median, table } from '../common/report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';

// ---------------------------------------------------------------------------------------------
// options

const ROWS = option('rows', 1_000_000);
const REPEAT = option('repeat', 3);
const PREFIX = Math.min(option('prefix', 100_000), ROWS);

// ---------------------------------------------------------------------------------------------
// formatting

const MB = 1e6;
const fmtMB = (bytes) => (bytes == null ? '—' : `${(bytes / MB).toFixed(0)} MB`);
/** "2.50× faster" / "1.30× slower" for a speed ratio (Glassbox ÷ other). */
const faster = (x) => (x == null ? '—' : x >= 1 ? `${fmtX(x)} faster` : `${fmtX(1 / x)} slower`);
/** "1.80× less" / "1.20× more" for a memory ratio (other ÷ Glassbox). */
const less = (x) => (x == null ? '—' : x >= 1 ? `${fmtX(x)} less` : `${fmtX(1 / x)} more`);



/** Median of every numeric field over runs (non-numeric fields from the first run). */
function medianRun(runs) {
  const out = { ...runs[0], runs: runs.length };
  for (const k of Object.keys(runs[0])) {
    if (typeof runs[0][k] === 'number') out[k] = median(runs.map((r) => r[k]));
  }
  out.wallMsAll = runs.map((r) => r.wallMs);
  out.wallMsMin = Math.min(...out.wallMsAll);
  return out;
}

const log = (...a) => console.log(...a);
const rel = (p) => relative(ROOT, p);

// ---------------------------------------------------------------------------------------------
// processes

function run(cmd, args, opts = {}) {
  return runProcess(cmd, args, { cwd: ROOT, ...opts });
}

async function nodeTask(tool, csv, extraNodeArgs = []) {
  const r = await run(process.execPath, [...extraNodeArgs, resolve(HERE, 'node-task.mjs'), tool, csv]);
  if (r.code !== 0) throw new Error(`${tool} on ${rel(csv)} failed (${r.signal ?? r.code}):\n${r.stderr.slice(-2000)}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop());
  res.processWallMs = r.wallMs;
  return res;
}

const HAVE_TIME = existsSync(TIME);

/** Runs a whole command; peak RSS from GNU time -v (or the fallbacks described in the README). */
async function timedCommand(cmd, args, { rssFromStdout } = {}) {
  let r;
  if (HAVE_TIME) r = await run(TIME, ['-v', cmd, ...args]);
  else r = await run(cmd, args);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.code}):\n${r.stderr.slice(-2000)}`);
  let maxRssKb = null;
  let elapsedS = null;
  let cpuMs = null;
  if (HAVE_TIME) {
    const u = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const sy = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
    if (u && sy) cpuMs = (Number(u[1]) + Number(sy[1])) * 1000;
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) maxRssKb = Number(m[1]);
    const e = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr);
    if (e) elapsedS = e[1].split(':').reduce((acc, x) => acc * 60 + Number(x), 0);
  }
  if (maxRssKb == null && rssFromStdout) maxRssKb = rssFromStdout(r.stdout);
  return { wallMs: r.wallMs, elapsedS, cpuMs, maxRssKb, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  const started = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const summary = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    params: { rows: ROWS, columns: 20, repeat: REPEAT, prefixRows: PREFIX },
  };
  log(`Glassbox ingest benchmark — ${fmtInt(ROWS)} rows × 20 columns, median of ${REPEAT} run(s); ${summary.machine.cpus} cores, node ${process.version}`);
  const load1 = os.loadavg()[0];
  if (load1 > 0.5 * summary.machine.cpus) {
    log(`  ! the machine is busy (load average ${load1.toFixed(2)} on ${summary.machine.cpus} cores): timings will be noisy`);
  }

  // 1. data
  const full = ensureCsv(ROWS, OUT_DIR, (m) => log('  ' + m));
  const prefix = PREFIX < ROWS ? ensureCsv(PREFIX, OUT_DIR, (m) => log('  ' + m)) : full;
  summary.csv = { path: rel(full.path), bytes: full.bytes, reused: full.reused, prefixPath: rel(prefix.path), prefixBytes: prefix.bytes };
  log(`  CSV ${rel(full.path)}: ${fmtMB(full.bytes)}${full.reused ? ' (reused)' : ''}; prefix ${rel(prefix.path)}: ${fmtMB(prefix.bytes)}`);

  // 2. builds
  await buildEngine();
  const cliBuild = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (cliBuild.status !== 0) throw new Error(`npm run build:cli failed:\n${cliBuild.stderr}`);
  log('  built bench/out/engine.mjs (esbuild) and the CLI (npm run build:cli)');

  if (!flag('skip-node')) summary.node = await nodeSection(full, prefix);
  if (!flag('skip-headless')) summary.headless = await headlessSection(full);
  if (!flag('skip-browser')) summary.chromium = await browserSection(full, prefix);

  summary.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
  summary.goals = goals(summary);
  printGoals(summary.goals);
  summary.totalSeconds = (performance.now() - started) / 1000;
  const jsonPath = resolve(OUT_DIR, 'ingest.json');
  writeFileSync(jsonPath, JSON.stringify(summary, null, 2) + '\n');
  log(`\nwrote ${rel(jsonPath)} (total ${summary.totalSeconds.toFixed(0)} s)`);
}

// ---------------------------------------------------------------------------------------------
// Node

const NODE_TOOLS = [
  { tool: 'glassbox-readCsv', label: 'Glassbox readCsv', file: 'full' },
  { tool: 'glassbox-readDataset', label: 'Glassbox readDataset', file: 'full' },
  { tool: 'papaparse', label: 'PapaParse dynamicTyping', file: 'full' },
  { tool: 'papaparse-strings', label: 'PapaParse strings only', file: 'full', once: true },
  { tool: 'glassbox-readDataset', label: 'Glassbox readDataset', file: 'prefix', key: 'glassbox-readDataset-prefix' },
  { tool: 'danfojs', label: 'danfojs readCSV', file: 'prefix' },
];

async function nodeSection(full, prefix) {
  log(`\n── Node ${process.version}: each tool in its own child process (peak RSS = process.resourceUsage().maxRSS)`);
  const tools = NODE_TOOLS.filter((t) => !(t.file === 'prefix' && prefix === full && t.tool !== 'danfojs'));
  if (flag('danfo-full') && prefix !== full) tools.push({ tool: 'danfojs', label: 'danfojs readCSV', file: 'full', key: 'danfojs-full', nodeArgs: ['--max-old-space-size=16000'] });
  const runs = new Map();
  for (let rep = 0; rep < REPEAT; rep++) {
    for (const t of tools) {
      if (t.once && rep > 0) continue;
      const csv = t.file === 'full' ? full : prefix;
      const key = t.key ?? t.tool;
      process.stdout.write(`  run ${rep + 1}/${REPEAT} ${t.label} (${fmtInt(csv === full ? ROWS : PREFIX)} rows)… `);
      const r = await nodeTask(t.tool, csv.path, t.nodeArgs);
      process.stdout.write(`${fmtMs(r.wallMs)}\n`);
      if (!runs.has(key)) runs.set(key, []);
      runs.get(key).push(r);
    }
  }
  const results = {};
  for (const t of tools) {
    const key = t.key ?? t.tool;
    const m = medianRun(runs.get(key));
    m.label = t.label;
    m.rowsPerS = m.rows / (m.wallMs / 1000);
    m.peakRssBytes = m.peakRssKb * 1024;
    m.baselineRssBytes = m.baselineRssKb * 1024;
    m.peakRssPerCsvByte = m.peakRssBytes / m.bytes;
    m.netRssPerCsvByte = (m.peakRssBytes - m.baselineRssBytes) / m.bytes;
    results[key] = m;
  }
  // danfojs on the full file, extrapolated linearly from the prefix (unless measured)
  const dPrefix = results.danfojs;
  if (dPrefix && prefix !== full && !results['danfojs-full']) {
    results['danfojs-extrapolated'] = {
      label: `danfojs readCSV (extrapolated ×${(ROWS / PREFIX).toFixed(0)} from ${fmtInt(PREFIX)} rows)`,
      extrapolated: true,
      rows: ROWS,
      bytes: full.bytes,
      wallMs: dPrefix.wallMs * (ROWS / PREFIX),
      rowsPerS: dPrefix.rowsPerS,
    };
  }

  const order = ['glassbox-readCsv', 'glassbox-readDataset', 'papaparse', 'papaparse-strings', 'glassbox-readDataset-prefix', 'danfojs', 'danfojs-full', 'danfojs-extrapolated'];
  const rows = order
    .filter((k) => results[k])
    .map((k) => {
      const r = results[k];
      return [
        r.label,
        fmtInt(r.rows),
        fmtMB(r.bytes),
        fmtMs(r.wallMs),
        r.extrapolated ? '—' : fmtMs(r.wallMsMin),
        r.extrapolated ? '—' : fmtMs(r.cpuMs),
        fmtRate(r.rowsPerS),
        r.extrapolated ? '—' : fmtMB(r.peakRssBytes),
        r.extrapolated ? '—' : fmtX(r.peakRssPerCsvByte),
        r.extrapolated ? '—' : fmtMB(r.baselineRssBytes),
        r.extrapolated ? '—' : fmtX(r.netRssPerCsvByte),
      ];
    });
  log('\n' + table(['tool', 'rows', 'CSV', 'wall', 'best', 'CPU', 'rows/s', 'peak RSS', 'RSS/CSV', 'base RSS', 'net/CSV'], rows));
  log(`  wall = median over runs of the parse call only (module import excluded; PapaParse includes readFileSync of the text); best = fastest run;`);
  log('  CPU = user+system time of the process during the call (all threads: GC helpers count), median; rows/s from the median wall.');
  log('  peak RSS = whole-process maxRSS (base RSS = after importing the library, before the data; net = peak − base).');

  const g = results['glassbox-readDataset'];
  const gc = results['glassbox-readCsv'];
  const ratios = {};
  if (g && results.papaparse) {
    ratios.readDatasetVsPapaparseSpeed = g.rowsPerS / results.papaparse.rowsPerS;
    ratios.readDatasetVsPapaparseRss = results.papaparse.peakRssBytes / g.peakRssBytes;
  }
  if (gc && results['papaparse-strings']) ratios.readCsvVsPapaparseStringsSpeed = gc.rowsPerS / results['papaparse-strings'].rowsPerS;
  const gp = results['glassbox-readDataset-prefix'] ?? g;
  if (gp && dPrefix) {
    ratios.vsDanfoPrefixSpeed = gp.rowsPerS / dPrefix.rowsPerS;
    ratios.vsDanfoPrefixRss = dPrefix.peakRssBytes / gp.peakRssBytes;
  }
  const dFull = results['danfojs-full'] ?? results['danfojs-extrapolated'];
  if (g && dFull && prefix !== full) ratios.vsDanfoFullSpeed = dFull.wallMs / g.wallMs;
  log('');
  if (ratios.readDatasetVsPapaparseSpeed) log(`  Glassbox readDataset vs PapaParse dynamicTyping (${fmtInt(ROWS)} rows): ${faster(ratios.readDatasetVsPapaparseSpeed)}, ${less(ratios.readDatasetVsPapaparseRss)} peak RSS`);
  if (ratios.readCsvVsPapaparseStringsSpeed) log(`  Glassbox readCsv vs PapaParse strings only (${fmtInt(ROWS)} rows): ${faster(ratios.readCsvVsPapaparseStringsSpeed)}`);
  if (ratios.vsDanfoPrefixSpeed) log(`  Glassbox readDataset vs danfojs readCSV (both on ${fmtInt(PREFIX)} rows, measured): ${faster(ratios.vsDanfoPrefixSpeed)}, ${less(ratios.vsDanfoPrefixRss)} peak RSS`);
  if (ratios.vsDanfoFullSpeed) log(`  Glassbox readDataset vs danfojs at ${fmtInt(ROWS)} rows (${results['danfojs-full'] ? 'measured' : 'danfojs extrapolated'}): ${faster(ratios.vsDanfoFullSpeed)}`);
  if (g?.profileColdMs != null) {
    log(`  profileTable on the loaded ${fmtInt(g.rows)}-row table: ${fmtMs(g.profileColdMs)} (first call), ${fmtMs(g.profileWarmMs)} (second call)`);
    const byType = runs.get('glassbox-readDataset')[0].profileByType;
    const types = Object.entries(byType).sort((a, b) => b[1] - a[1]).map(([t, ms]) => `${t} ${fmtMs(ms)}`);
    const cols = Object.entries(runs.get('glassbox-readDataset')[0].profileByColumn).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([c, ms]) => `${c} ${fmtMs(ms)}`);
    log(`    by column type (each column alone, run 1): ${types.join(', ')}; slowest: ${cols.join(', ')}`);
  }
  return { results, ratios };
}

// ---------------------------------------------------------------------------------------------
// headless: CLI vs pandas

async function headlessSection(full) {
  log(`\n── Headless: whole runs (process start to exit), ${HAVE_TIME ? 'peak RSS from /usr/bin/time -v' : 'peak RSS from the processes themselves'}`);
  const pyCheck = spawnSync(PYTHON, ['-c', 'import pandas, numpy; print(pandas.__version__, numpy.__version__)'], { encoding: 'utf8' });
  if (pyCheck.status !== 0) {
    log(`  ! ${PYTHON} with pandas is not available: skipped`);
    return { skipped: `${PYTHON} with pandas not available` };
  }
  const gOut = resolve(OUT_DIR, 'profile-glassbox.json');
  const pOut = resolve(OUT_DIR, 'profile-pandas.json');
  const cliArgs = HAVE_TIME
    ? [resolve(ROOT, 'bin/glassbox.mjs'), 'profile', '--data', full.path, '--out', gOut]
    : ['--import', resolve(HERE, 'report-rss.mjs'), resolve(ROOT, 'bin/glassbox.mjs'), 'profile', '--data', full.path, '--out', gOut];
  const cliRuns = [];
  const pdRuns = [];
  for (let rep = 0; rep < REPEAT; rep++) {
    process.stdout.write(`  run ${rep + 1}/${REPEAT} glassbox profile CLI… `);
    const c = await timedCommand(process.execPath, cliArgs, {
      rssFromStdout: () => null,
    });
    if (c.maxRssKb == null) {
      const m = /maxRSS=(\d+)/.exec(c.stderr);
      if (m) c.maxRssKb = Number(m[1]);
    }
    cliRuns.push({ wallMs: c.wallMs, cpuMs: c.cpuMs, maxRssKb: c.maxRssKb });
    process.stdout.write(`${fmtMs(c.wallMs)}\n`);
    process.stdout.write(`  run ${rep + 1}/${REPEAT} pandas read_csv + statistics… `);
    const p = await timedCommand(PYTHON, [resolve(HERE, 'pandas_profile.py'), full.path, pOut, '--parse-dates', 'date'], {
      rssFromStdout: (out) => JSON.parse(out.trim().split('\n').pop()).maxRssKb,
    });
    const phases = JSON.parse(p.stdout.trim().split('\n').pop());
    pdRuns.push({ wallMs: p.wallMs, cpuMs: p.cpuMs, maxRssKb: p.maxRssKb, readCsvMs: phases.readCsvS * 1000, statsMs: phases.statsS * 1000, importMs: phases.importS * 1000 });
    process.stdout.write(`${fmtMs(p.wallMs)}\n`);
  }
  const cli = medianRun(cliRuns);
  const pd = medianRun(pdRuns);
  const agreement = compareProfiles(gOut, pOut);
  const [pandasVersion, numpyVersion] = pyCheck.stdout.trim().split(' ');
  const rows = [
    ['glassbox profile (node bin/glassbox.mjs)', fmtMs(cli.wallMs), fmtMs(cli.wallMsMin), fmtMs(cli.cpuMs), fmtMB(cli.maxRssKb * 1024), fmtX((cli.maxRssKb * 1024) / full.bytes), ''],
    [
      `pandas ${pandasVersion} read_csv + stats`,
      fmtMs(pd.wallMs),
      fmtMs(pd.wallMsMin),
      fmtMs(pd.cpuMs),
      fmtMB(pd.maxRssKb * 1024),
      fmtX((pd.maxRssKb * 1024) / full.bytes),
      `read_csv ${fmtMs(pd.readCsvMs)}, stats ${fmtMs(pd.statsMs)}, import ${fmtMs(pd.importMs)}`,
    ],
  ];
  log('\n' + table(['run', 'wall', 'best', 'CPU', 'peak RSS', 'RSS/CSV', 'phases (median)'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l']));
  const ratio = pd.wallMs / cli.wallMs;
  log(`\n  CLI vs pandas (whole runs): Glassbox ${faster(ratio)}; peak RSS ${fmtMB(cli.maxRssKb * 1024)} vs ${fmtMB(pd.maxRssKb * 1024)} (${less(pd.maxRssKb / cli.maxRssKb)})`);
  log(`  same statistics? ${agreement.summary}`);
  return { cli, pandas: { ...pd, version: pandasVersion, numpy: numpyVersion }, ratioWall: ratio, agreement };
}

/** Checks that the Glassbox CLI and pandas computed the same statistics (so the work is equal). */
function compareProfiles(gPath, pPath) {
  try {
    const g = JSON.parse(readFileSync(gPath, 'utf8'));
    const p = JSON.parse(readFileSync(pPath, 'utf8'));
    const close = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
    const differences = [];
    g.columns.forEach((gc, i) => {
      const pc = p.columns[i];
      for (const k of ['count', 'missing', 'distinct', 'mean', 'std', 'min', 'q25', 'median', 'q75', 'max']) {
        if (!close(gc[k], pc[k])) differences.push(`${gc.name}.${k}: ${gc[k]} vs ${pc[k]}`);
      }
      const gTop = gc.top.map((t) => t.count).join(',');
      const pTop = pc.top.map((t) => t.count).join(',');
      if (gTop !== pTop) differences.push(`${gc.name}.top counts`);
    });
    return {
      columns: g.columns.length,
      differences,
      summary:
        differences.length === 0
          ? `yes — all ${g.columns.length} columns agree (count, missing, distinct, mean, std, min, quartiles, max to 1e-9; top-10 counts)`
          : `${differences.length} difference(s): ${differences.slice(0, 5).join('; ')}`,
    };
  } catch (e) {
    return { summary: `could not compare: ${e.message}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium

async function browserSection(full, prefix) {
  log('\n── Chromium (headless, Vite dev server, one fresh dedicated worker per measurement; heap over CDP)');
  if (!existsSync('/usr/bin/chromium')) {
    log('  ! /usr/bin/chromium not found: skipped');
    return { skipped: '/usr/bin/chromium not found' };
  }
  const { runBrowser } = await import('./browser.mjs');
  const jobs = [
    { kind: 'glassbox', csv: full.path, rows: ROWS },
    { kind: 'papaparse', csv: full.path, rows: ROWS },
  ];
  if (prefix !== full) jobs.push({ kind: 'glassbox', csv: prefix.path, rows: PREFIX });
  jobs.push({ kind: 'danfojs', csv: prefix.path, rows: PREFIX });
  const out = await runBrowser(jobs, (m) => log(m));
  const label = (r) =>
    r.tool === 'glassbox' ? (r.worker === 'workbench' ? 'Glassbox workbench worker' : 'Glassbox engine worker (FALLBACK)') : r.tool === 'papaparse' ? 'PapaParse dynamicTyping' : 'danfojs readCSV';
  for (const r of out.results) {
    r.label = label(r);
    r.rowsPerS = r.rows / (r.loadMs / 1000);
    r.heapPeakPerCsvByte = r.heapPeakLoad.total / r.bytes;
  }
  const rows = out.results.map((r) => [
    r.label,
    fmtInt(r.rows),
    fmtMs(r.loadMs),
    fmtRate(r.rowsPerS),
    r.profileMs != null ? fmtMs(r.profileMs) : '—',
    fmtMB(r.heapPeakLoad.total),
    fmtX(r.heapPeakPerCsvByte),
    `${fmtMB(r.heapPeakUsedLoad)} / ${fmtMB(r.heapPeakBackingLoad)}`,
    r.heapAfterLoadGc ? fmtMB(r.heapAfterLoadGc.total) : '—',
  ]);
  log('\n' + table(['tool', 'rows', 'load', 'rows/s', 'profile()', 'heap peak', 'heap/CSV', 'V8 heap / ArrayBuffers', 'kept'], rows));
  log(`  Chromium ${out.chromium}, crossOriginIsolated=${out.crossOriginIsolated}. load = the worker call, with the CSV already in a Blob (PapaParse includes blob.text()).`);
  log('  heap peak = max over ~50 ms samples of Runtime.getHeapUsage usedSize + backingStorageSize in the worker; kept = after load and a forced GC.');
  if (out.glassboxWorker !== 'workbench') log(`  ! FALLBACK: the workbench worker did not load (${out.workbenchError}); Glassbox rows use bench/ingest/browser/engine.worker.ts (readDataset + profileTable).`);

  const find = (tool, rows) => out.results.find((r) => r.tool === tool && r.rowsParam === rows);
  const g = find('glassbox', ROWS);
  const pp = find('papaparse', ROWS);
  const gp = find('glassbox', PREFIX);
  const d = find('danfojs', PREFIX);
  const ratios = {};
  if (g && pp) ratios.vsPapaparseSpeed = pp.loadMs / g.loadMs;
  if (g && pp) ratios.vsPapaparseHeap = pp.heapPeakLoad.total / g.heapPeakLoad.total;
  if (gp && d) ratios.vsDanfoPrefixSpeed = d.loadMs / gp.loadMs;
  if (gp && d) ratios.vsDanfoPrefixHeap = d.heapPeakLoad.total / gp.heapPeakLoad.total;
  log('');
  if (ratios.vsPapaparseSpeed) log(`  Glassbox vs PapaParse (${fmtInt(ROWS)} rows): ${faster(ratios.vsPapaparseSpeed)}, ${less(ratios.vsPapaparseHeap)} worker heap at peak`);
  if (ratios.vsDanfoPrefixSpeed) log(`  Glassbox vs danfojs (${fmtInt(PREFIX)} rows, measured): ${faster(ratios.vsDanfoPrefixSpeed)}, ${less(ratios.vsDanfoPrefixHeap)} worker heap at peak`);
  return { ...out, ratios };
}

// ---------------------------------------------------------------------------------------------
// goals

function goals(s) {
  const out = [];
  const add = (goal, where, value, met, detail) => out.push({ goal, where, value, met, detail });
  const n = s.node?.results;
  const c = s.chromium && !s.chromium.skipped ? s.chromium : null;
  const find = (tool, rows) => c?.results.find((r) => r.tool === tool && r.rowsParam === rows);
  const fallback = c && c.glassboxWorker !== 'workbench' ? ' [fallback engine worker]' : '';
  // faster than PapaParse
  if (n?.['glassbox-readDataset'] && n.papaparse) {
    const x = s.node.ratios.readDatasetVsPapaparseSpeed;
    add('faster than PapaParse', 'Node', fmtX(x), x > 1, `${fmtRate(n['glassbox-readDataset'].rowsPerS)} vs ${fmtRate(n.papaparse.rowsPerS)}`);
  }
  if (c?.ratios.vsPapaparseSpeed) {
    const x = c.ratios.vsPapaparseSpeed;
    add('faster than PapaParse', 'Chromium' + fallback, fmtX(x), x > 1, `${fmtMs(find('glassbox', ROWS).loadMs)} vs ${fmtMs(find('papaparse', ROWS).loadMs)}`);
  }
  // ≥ 10× faster than danfojs
  if (s.node?.ratios.vsDanfoPrefixSpeed) {
    const x = s.node.ratios.vsDanfoPrefixSpeed;
    const ext = s.node.ratios.vsDanfoFullSpeed;
    add('≥ 10× faster than danfojs', 'Node', fmtX(x), x >= 10, `both on ${fmtInt(PREFIX)} rows` + (ext ? `; ${fmtX(ext)} at ${fmtInt(ROWS)} rows with danfojs ${n['danfojs-full'] ? 'measured' : 'extrapolated'}` : ''));
  }
  if (c?.ratios.vsDanfoPrefixSpeed) {
    const x = c.ratios.vsDanfoPrefixSpeed;
    add('≥ 10× faster than danfojs', 'Chromium' + fallback, fmtX(x), x >= 10, `both on ${fmtInt(PREFIX)} rows`);
  }
  // memory ≤ 2× CSV
  if (n?.['glassbox-readDataset']) {
    const g = n['glassbox-readDataset'];
    add('peak memory ≤ 2× CSV', 'Node peak RSS', fmtX(g.peakRssPerCsvByte), g.peakRssPerCsvByte <= 2, `${fmtMB(g.peakRssBytes)} for a ${fmtMB(g.bytes)} CSV (net of the ${fmtMB(g.baselineRssBytes)} process baseline: ${fmtX(g.netRssPerCsvByte)})`);
  }
  const gw = find('glassbox', ROWS);
  if (gw) add('peak memory ≤ 2× CSV', 'Chromium worker heap' + fallback, fmtX(gw.heapPeakPerCsvByte), gw.heapPeakPerCsvByte <= 2, `${fmtMB(gw.heapPeakLoad.total)} for a ${fmtMB(gw.bytes)} CSV`);
  // profile < 1 s
  if (n?.['glassbox-readDataset']?.profileColdMs != null) {
    const ms = n['glassbox-readDataset'].profileColdMs;
    add('profile < 1 s', 'Node profileTable', fmtMs(ms), ms < 1000, `${fmtInt(ROWS)} rows × 20 columns, first call`);
  }
  if (gw?.profileMs != null) add('profile < 1 s', 'Chromium profile()' + fallback, fmtMs(gw.profileMs), gw.profileMs < 1000, `${fmtInt(ROWS)} rows × 20 columns`);
  // CLI faster than pandas
  if (s.headless?.ratioWall) {
    const h = s.headless;
    add('CLI profile faster than pandas', 'headless', fmtX(h.ratioWall), h.ratioWall > 1, `${fmtMs(h.cli.wallMs)} vs ${fmtMs(h.pandas.wallMs)} (whole runs)`);
  }
  return out;
}

function printGoals(list) {
  log('\n── Goals');
  log('\n' + table(['goal', 'where', 'value', 'met?', 'detail'], list.map((g) => [g.goal, g.where, g.value, g.met ? 'yes' : 'NO', g.detail]), ['l', 'l', 'r', 'l', 'l']));
}

main().catch((e) => {
  console.error(`\nbench:ingest failed: ${e?.stack ?? e}`);
  process.exitCode = 1;
});

// Glassbox inference benchmark — `npm run bench:infer`. See bench/README.md ("Inference").
//
// options:
//   --rows N          rows of the scored CSV (default 1,000,000)
//   --repeat R        rounds; every measurement runs once per round, median reported (default 3)
//   --check C         rows whose scores are compared with onnxruntime-node (default 10,000)
//   --skip-node, --skip-browser, --skip-predict, --no-profile
//   --no-wait         do not wait for a quiet machine nor repeat contended measurements
//
// Prints a table, the goals and the correctness checks, writes bench/out/infer.json. It reports
// timings, never asserts them; it exits non-zero only if scores disagree (correctness).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, OUT_DIR } from './build.mjs';
import { busyCoresOver, machineBusyMs } from './cpu.mjs';
import { DATA_DIR, ensureData, GENERATOR_VERSION } from './make_data.mjs';
import { analyseCpuProfile } from './profile.mjs';
import { ensureNativeRuntime } from './nativeRuntime.mjs';
import { flag, option } from '../common/options.mjs';
import { machineInfo, runProcess } from '../common/process.mjs';
import { fmtInt, fmtMs, fmtRate, fmtX, median, table } from '../common/report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const TRAIN_ROWS = 200_000;
const TOLERANCE = 1e-6;

// ---------------------------------------------------------------------------------------------
// options

const ROWS = option('rows', 1_000_000);
const REPEAT = option('repeat', 3);
const CHECK = Math.min(option('check', 10_000), ROWS);
const NO_WAIT = flag('no-wait');
/** Quiet enough to start a measurement: the whole machine busy less than this many cores (1 s). */
const QUIET_CORES = 0.3;
const MAX_WAIT_S = 90;
/** A measurement during which other processes used more than this many cores is "contended". */
const CONTENDED_CORES = 0.25;
const RETRIES = 2;

// ---------------------------------------------------------------------------------------------
// formatting

const fmtE = (x) => (x == null ? '—' : x === 0 ? '0' : x.toExponential(1));
const rel = (p) => relative(ROOT, p);
const log = (...a) => console.log(...a);



// ---------------------------------------------------------------------------------------------
// processes

function run(cmd, args, opts = {}) {
  return runProcess(cmd, args, { cwd: ROOT, ...opts }, machineBusyMs);
}

/** Waits (at most MAX_WAIT_S) until the machine is quiet; returns the time waited in ms. */
async function waitForQuiet() {
  const t0 = performance.now();
  for (;;) {
    const busy = await busyCoresOver(1000);
    if (busy === null || busy < QUIET_CORES || performance.now() - t0 > MAX_WAIT_S * 1000) return performance.now() - t0;
  }
}

/** The uncontended runs (all of them if every run was contended). */
function clean(runs) {
  const quiet = runs.filter((r) => !r.contended);
  return quiet.length ? quiet : runs;
}

function sha1(path) {
  return createHash('sha1').update(readFileSync(path)).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// data and model

function ensureModel(train, score) {
  const modelPath = resolve(DATA_DIR, 'model.onnx');
  const jsonPath = resolve(DATA_DIR, 'model.json');
  const metaPath = resolve(DATA_DIR, 'model.meta.json');
  const want = {
    generator: GENERATOR_VERSION,
    trainRows: TRAIN_ROWS,
    makeModel: sha1(resolve(HERE, 'make_model.py')),
    fixtures: sha1(resolve(ROOT, 'scripts/fixtures/make_model_fixtures.py')),
  };
  if (existsSync(modelPath) && existsSync(jsonPath) && existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      const info = JSON.parse(readFileSync(jsonPath, 'utf8'));
      if (Object.entries(want).every(([k, v]) => meta[k] === v) && info.checkRows >= CHECK) return { path: modelPath, info, reused: true };
    } catch {
      // regenerate
    }
  }
  log(`  training the model: ${PYTHON} bench/infer/make_model.py (XGBoost, 200 trees, depth 6; ~30 s)…`);
  const r = spawnSync(PYTHON, [resolve(HERE, 'make_model.py'), '--train', train.csv, '--score', score.csv, '--out', DATA_DIR, '--check-rows', String(Math.max(CHECK, 10_000))], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`make_model.py failed (${r.status}):\n${r.stderr}${r.stdout}`);
  log('  ' + r.stdout.trim());
  writeFileSync(metaPath, JSON.stringify(want, null, 2) + '\n');
  return { path: modelPath, info: JSON.parse(readFileSync(jsonPath, 'utf8')), reused: false };
}

// ---------------------------------------------------------------------------------------------
// measurements

/**
 * The configurations, in the order they run in every round. `ort` is the onnxruntime-web build a
 * Node run imports: 'wasm' = onnxruntime-web/wasm as src/ imports it; 'node' = its Node build,
 * needed for 2 threads under Node (the /wasm build fails there; see the probe).
 */
const CONFIGS = [
  { key: 'native-1', env: 'node', kind: 'native', threads: 1, label: 'onnxruntime-node (reference)' },
  { key: 'native-2', env: 'node', kind: 'native', threads: 2, label: 'onnxruntime-node (reference)' },
  { key: 'web-node-1', env: 'node', kind: 'web', threads: 1, ort: 'wasm', label: 'onnxruntime-web session, raw' },
  { key: 'web-node-2', env: 'node', kind: 'web', threads: 2, ort: 'node', label: 'onnxruntime-web session, raw' },
  { key: 'scorer-node-1', env: 'node', kind: 'scorer', threads: 1, ort: 'wasm', label: 'Glassbox Scorer.score()' },
  { key: 'scorer-node-2', env: 'node', kind: 'scorer', threads: 2, ort: 'node', label: 'Glassbox Scorer.score()' },
  { key: 'web-chromium-1', env: 'chromium', kind: 'raw', threads: 1, label: 'onnxruntime-web session, raw' },
  { key: 'scorer-chromium-1', env: 'chromium', kind: 'scorer', threads: 1, label: 'Glassbox Scorer.score()' },
  { key: 'web-chromium-2', env: 'chromium', kind: 'raw', threads: 2, label: 'onnxruntime-web session, raw' },
  { key: 'scorer-chromium-2', env: 'chromium', kind: 'scorer', threads: 2, label: 'Glassbox Scorer.score()' },
];

async function nodeTask(c, files) {
  const args = [resolve(HERE, 'task.mjs'), c.kind, '--threads', String(c.threads), '--model', files.model, '--rows', String(ROWS)];
  args.push('--csv', files.csv, '--f32', files.f32, '--features', String(files.features), '--check', String(CHECK));
  if (c.ort) args.push('--ort', c.ort);
  const r = await run(process.execPath, args);
  if (r.code !== 0) throw new Error(`${c.key} failed (${r.signal ?? r.code}):\n${r.stderr.slice(-3000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function browserTask(c, files, browser) {
  return browser.measure({
    kind: c.kind,
    threads: c.threads,
    rows: ROWS,
    features: files.features,
    check: CHECK,
    model: relative(DATA_DIR, files.model),
    csv: relative(DATA_DIR, files.csv),
    f32: relative(DATA_DIR, files.f32),
  });
}

const HAVE_TIME = existsSync(TIME);

async function predictRun(files, out, extraNodeArgs = []) {
  const cli = [...extraNodeArgs, resolve(ROOT, 'bin/glassbox.mjs'), 'predict', '--model', files.model, '--data', files.csv, '--out', out];
  const r = HAVE_TIME ? await run(TIME, ['-v', process.execPath, ...cli]) : await run(process.execPath, cli);
  if (r.code !== 0) throw new Error(`glassbox predict failed (${r.code}):\n${r.stderr.slice(-3000)}`);
  const res = { ms: r.wallMs, machineBusyCores: r.machineBusyCores, cpuMs: null, maxRssKb: null };
  if (HAVE_TIME) {
    const u = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
    const s = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
    if (u && s) res.cpuMs = (Number(u[1]) + Number(s[1])) * 1000;
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (m) res.maxRssKb = Number(m[1]);
  }
  if (res.cpuMs != null && res.machineBusyCores != null) res.otherBusyCores = Math.max(0, res.machineBusyCores - res.cpuMs / res.ms);
  return res;
}

/** The predictions file: record count, header, and the score column of the first `n` rows. */
function readPredictions(path, n) {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 22);
  let records = 0;
  let head = '';
  try {
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got === 0) break;
      if (head.length < 400 * (n + 1)) head += buf.toString('latin1', 0, Math.min(got, 400 * (n + 1) - head.length));
      for (let i = 0; i < got; i++) if (buf[i] === 10) records++;
    }
  } finally {
    closeSync(fd);
  }
  const lines = head.split('\n');
  const header = lines[0].split(',');
  const scoreAt = header.indexOf('score');
  const scores = lines.slice(1, n + 1).map((l) => Number(l.split(',')[scoreAt]));
  return { records, header, scores };
}

function maxDiff(a, b) {
  let m = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return { max: m, n };
}

// ---------------------------------------------------------------------------------------------
// main

async function main() {
  ensureNativeRuntime();
  const started = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const summary = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    params: { rows: ROWS, repeat: REPEAT, check: CHECK, batch: 4096, tolerance: TOLERANCE },
  };
  log(`Glassbox inference benchmark — ${fmtInt(ROWS)} rows, ${REPEAT} round(s), median reported; ${summary.machine.cpus} cores, node ${process.version}`);
  if (os.loadavg()[0] > 0.5 * summary.machine.cpus) {
    log(`  ! the machine is busy (load average ${os.loadavg()[0].toFixed(2)}): timings will be noisy`);
  }

  // 1. data, model, builds
  const train = ensureData('train', TRAIN_ROWS, (m) => log('  ' + m));
  const score = ensureData('score', ROWS, (m) => log('  ' + m));
  const model = ensureModel(train, score);
  const files = { model: model.path, csv: score.csv, f32: score.f32, features: score.features };
  summary.data = { csv: rel(score.csv), bytes: score.bytes, rows: ROWS, features: score.features, reused: score.reused, train: rel(train.csv) };
  const modelInfo = Object.fromEntries(Object.entries(model.info).filter(([k]) => k !== 'checkRows' && k !== 'xgboostProba'));
  summary.model = { path: rel(model.path), reused: model.reused, ...modelInfo };
  log(`  data ${rel(score.csv)}: ${fmtInt(ROWS)} rows × ${score.features} features, ${(score.bytes / 1e6).toFixed(1)} MB${score.reused ? ' (reused)' : ''}`);
  log(`  model ${rel(model.path)}: XGBoost ${model.info.nEstimators} trees, depth ${model.info.maxDepth}, ${fmtInt(model.info.nodes)} nodes → TreeEnsembleClassifier${model.reused ? ' (reused)' : ''}`);
  await buildAll();
  if (!flag('skip-predict')) {
    const b = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build:cli failed:\n${b.stderr}`);
  }
  log('  built bench/out/infer-engine*.mjs, bench/out/infer-web/ (esbuild)' + (flag('skip-predict') ? '' : ' and the CLI (npm run build:cli)'));

  // 2. probe: the onnxruntime-web/wasm build with 2 threads under Node
  if (!flag('skip-node')) {
    const probe = await run(process.execPath, [resolve(HERE, 'task.mjs'), 'web', '--ort', 'wasm', '--threads', '2', '--model', files.model, '--rows', '4096', '--f32', files.f32, '--check', '1']);
    summary.probeWasmBuildTwoThreadsNode = probe.code === 0 ? { ok: true } : { ok: false, error: probe.stderr.split('\n')[0] };
    log(
      `  probe: onnxruntime-web/wasm (the build src/ imports) with numThreads 2 under Node: ` +
        (probe.code === 0 ? 'works' : `FAILS (${probe.stderr.split('\n')[0]}) → 2-thread Node runs import 'onnxruntime-web' (its Node build)`),
    );
  }

  // 3. rounds
  let browser = null;
  const wantBrowser = !flag('skip-browser');
  if (wantBrowser) {
    if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) {
      log('  ! /usr/bin/chromium not found: Chromium skipped');
    } else {
      const { openBrowser } = await import('./browser.mjs');
      browser = await openBrowser(log);
      summary.machine.chromium = browser.version;
    }
  }
  const configs = CONFIGS.filter((c) => (c.env === 'node' ? !flag('skip-node') : browser !== null));
  const runs = new Map(configs.map((c) => [c.key, []]));
  const predictRuns = [];
  const predictOut = resolve(DATA_DIR, `predictions-${ROWS}.csv`);
  // Every measurement waits until the machine is quiet (other processes < QUIET_CORES busy over
  // 1 s, at most MAX_WAIT_S) and is repeated (at most RETRIES times) if other processes took more
  // than CONTENDED_CORES while it ran; medians are taken over the uncontended runs.
  const measure = async (label, work) => {
    for (let attempt = 0; ; attempt++) {
      const waited = NO_WAIT ? 0 : await waitForQuiet();
      process.stdout.write(`  ${label} … ${waited > 1500 ? `(waited ${(waited / 1000).toFixed(0)} s for other processes) ` : ''}`);
      const r = await work();
      r.attempt = attempt + 1;
      r.contended = r.otherBusyCores != null && r.otherBusyCores > CONTENDED_CORES;
      const cpu = r.cpuMs != null ? `, CPU/wall ${(r.cpuMs / r.ms).toFixed(2)}` : '';
      const rate = r.rowsPerS != null ? `${fmtRate(r.rowsPerS)}` : 'CLI process, start to exit';
      const other = r.contended ? `  ! other processes busy ${r.otherBusyCores.toFixed(2)} cores` : '';
      process.stdout.write(`${fmtMs(r.ms)} (${rate}${cpu})${other}\n`);
      if (!r.contended || attempt >= RETRIES || NO_WAIT) return r;
      process.stdout.write('    contended: measuring again\n');
    }
  };
  try {
    for (let round = 1; round <= REPEAT; round++) {
      log(`\n── round ${round}/${REPEAT} (load average ${os.loadavg()[0].toFixed(2)})`);
      for (const c of configs) {
        const label = `${c.key.padEnd(18)} ${c.threads} thread${c.threads > 1 ? 's' : ' '}`;
        const r = await measure(label, () => (c.env === 'node' ? nodeTask(c, files) : browserTask(c, files, browser)));
        runs.get(c.key).push(r);
        if (r.threadsInUse !== undefined && r.threadsInUse !== c.threads) log(`    ! ran with ${r.threadsInUse} thread(s), not ${c.threads}`);
        if (c.env === 'chromium' && !r.crossOriginIsolated) log('    ! the page is not cross-origin isolated');
      }
      if (!flag('skip-predict')) {
        predictRuns.push(await measure(`${'glassbox predict'.padEnd(18)} 1 thread `, () => predictRun(files, predictOut)));
      }
    }
  } finally {
    await browser?.close();
  }

  // 4. medians, ratios
  const results = {};
  for (const c of configs) {
    const all = runs.get(c.key);
    const rs = clean(all);
    const ms = median(rs.map((r) => r.ms));
    results[c.key] = {
      ...c,
      module: rs[0].module ?? (c.env === 'chromium' ? 'onnxruntime-web/wasm (served)' : undefined),
      threadsInUse: rs[0].threadsInUse,
      ms,
      msAll: all.map((r) => r.ms),
      msMin: Math.min(...all.map((r) => r.ms)),
      runsUsed: rs.length,
      runsContended: all.filter((r) => r.contended).length,
      rowsPerS: ROWS / (ms / 1000),
      cpuMs: median(rs.map((r) => r.cpuMs)),
      openMs: median(rs.map((r) => r.openMs)),
      readMs: median(rs.map((r) => r.readMs)),
      otherBusyCores: median(rs.map((r) => r.otherBusyCores)),
      crossOriginIsolated: rs[0].crossOriginIsolated,
      pageMessages: rs.flatMap((r) => r.pageMessages ?? []),
    };
  }
  const nativeOf = (t) => results[`native-${t}`];
  const rawOf = (env, t) => results[`web-${env}-${t}`];
  for (const r of Object.values(results)) {
    const n = nativeOf(r.threads);
    r.vsNative = n ? r.ms / n.ms : null;
    const raw = r.kind === 'scorer' ? rawOf(r.env, r.threads) : null;
    r.vsRaw = raw ? r.ms / raw.ms : null;
  }

  // 5. correctness
  const correctness = [];
  let correct = true;
  const reference = runs.get('native-1')?.map((r) => r.check) ?? [];
  if (reference.length) {
    const xgb = maxDiff(reference[0], model.info.xgboostProba);
    correctness.push({ what: 'onnxruntime-node (1 thread) vs XGBoost predict_proba', rows: xgb.n, maxAbsDiff: xgb.max, ok: xgb.max <= 1e-5, tolerance: 1e-5 });
    for (const c of configs) {
      if (c.key === 'native-1') continue;
      let worst = { max: 0, n: 0 };
      runs.get(c.key).forEach((r, i) => {
        const d = maxDiff(r.check, reference[i] ?? reference[0]);
        if (d.max >= worst.max) worst = d;
      });
      correctness.push({ what: `${c.key} vs onnxruntime-node (1 thread)`, rows: worst.n, maxAbsDiff: worst.max, ok: worst.max <= TOLERANCE, tolerance: TOLERANCE });
    }
  }
  let predictOutput = null;
  if (predictRuns.length) {
    predictOutput = readPredictions(predictOut, CHECK);
    const headerOk = predictOutput.header.slice(-2).join(',') === 'prediction,score' && predictOutput.records === ROWS + 1;
    const d = reference.length ? maxDiff(predictOutput.scores, reference[0]) : { max: null, n: predictOutput.scores.length };
    correctness.push({
      what: `glassbox predict output (${fmtInt(predictOutput.records - 1)} rows; score column) vs onnxruntime-node`,
      rows: d.n,
      maxAbsDiff: d.max,
      ok: headerOk && (d.max === null || d.max <= TOLERANCE),
      tolerance: TOLERANCE,
    });
  }
  for (const c of correctness) correct &&= c.ok;
  summary.correctness = correctness;

  // 6. predict vs the raw session, and where its time goes
  let predict = null;
  if (predictRuns.length) {
    const ps = clean(predictRuns);
    const ms = median(ps.map((p) => p.ms));
    const raw = results['web-node-1'];
    predict = {
      ms,
      msAll: predictRuns.map((p) => p.ms),
      msMin: Math.min(...predictRuns.map((p) => p.ms)),
      runsUsed: ps.length,
      runsContended: predictRuns.filter((p) => p.contended).length,
      cpuMs: median(ps.map((p) => p.cpuMs)),
      maxRssKb: median(ps.map((p) => p.maxRssKb)),
      otherBusyCores: median(ps.map((p) => p.otherBusyCores)),
      rawSessionMs: raw?.ms ?? null,
      vsRaw: raw ? ms / raw.ms : null,
      vsNative: results['native-1'] ? ms / results['native-1'].ms : null,
      output: rel(predictOut),
    };
    if (!flag('no-profile')) {
      log('\n── glassbox predict once more under node --cpu-prof (where the time goes)');
      const dir = resolve(OUT_DIR, 'infer-prof');
      rmSync(dir, { recursive: true, force: true });
      const p = await predictRun(files, predictOut, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-name=predict.cpuprofile']);
      const a = analyseCpuProfile(resolve(dir, 'predict.cpuprofile'));
      predict.profile = { wallMs: p.ms, file: rel(resolve(dir, 'predict.cpuprofile')), ...a };
    }
  }

  summary.results = results;
  summary.predict = predict;
  summary.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));

  // 7. report
  log(`\n── Results: ${fmtInt(ROWS)} rows, batches of 4096, median of ${REPEAT} round(s)`);
  const order = ['native-1', 'web-node-1', 'scorer-node-1', 'web-chromium-1', 'scorer-chromium-1', 'native-2', 'web-node-2', 'scorer-node-2', 'web-chromium-2', 'scorer-chromium-2'];
  const rows = order
    .filter((k) => results[k])
    .map((k) => {
      const r = results[k];
      const where = r.env === 'node' ? (r.kind === 'native' ? 'Node' : `Node (${r.ort === 'node' ? 'onnxruntime-web' : 'onnxruntime-web/wasm'})`) : 'Chromium (worker)';
      return [
        r.label,
        where,
        r.threads,
        fmtMs(r.ms),
        fmtMs(r.msMin),
        `${r.runsUsed}/${r.msAll.length}`,
        fmtRate(r.rowsPerS),
        r.cpuMs != null ? (r.cpuMs / r.ms).toFixed(2) : '—',
        k.startsWith('native') ? '1 (ref)' : fmtX(r.vsNative),
        r.vsRaw != null ? fmtX(r.vsRaw) : '',
      ];
    });
  if (predict) {
    rows.push([
      'glassbox predict (CSV in → CSV out)',
      'Node CLI process',
      1,
      fmtMs(predict.ms),
      fmtMs(predict.msMin),
      `${predict.runsUsed}/${predict.msAll.length}`,
      fmtRate(ROWS / (predict.ms / 1000)),
      predict.cpuMs != null ? (predict.cpuMs / predict.ms).toFixed(2) : '—',
      fmtX(predict.vsNative),
      fmtX(predict.vsRaw),
    ]);
  }
  log(table(['run', 'where', 'threads', 'time', 'best', 'runs', 'rows/s', 'CPU/wall', 'vs native', 'vs raw web'], rows, ['l', 'l']));
  log('  time = median of one pass over all rows (session.run per 4096-row batch; the Scorer: score(table); predict: the whole CLI');
  log('  process) over the uncontended runs (runs = used/all: a run is contended when other processes took > 0.25 cores);');
  log('  best = fastest run; CPU/wall = CPU time of the measured process(es) (Chromium: all its processes) ÷ time;');
  log("  vs native = time ÷ onnxruntime-node's time at the same thread count; vs raw web = time ÷ the raw onnxruntime-web session's");
  log('  time in the same environment and thread count (for predict: the raw 1-thread session in Node).');
  const scorerNode1 = results['scorer-node-1'];
  if (scorerNode1?.readMs != null) log(`  Scorer (Node) also: readDataset of the CSV ${fmtMs(scorerNode1.readMs)}, openScorer ${fmtMs(scorerNode1.openMs)} (not in its time).`);

  if (predict?.profile) {
    const pr = predict.profile;
    log(`\n  glassbox predict under --cpu-prof: ${fmtMs(pr.wallMs)} wall, ${fmtMs(pr.totalMs)} sampled on the main thread:`);
    log(table(['bucket', 'time', 'share'], pr.buckets.filter((b) => b.ms >= 1).map((b) => [b.name, fmtMs(b.ms), `${(100 * b.share).toFixed(1)} %`])));
  }

  log('\n── Correctness (scores of the first rows)');
  log(table(['check', 'rows', 'max |Δ|', 'tolerance', 'ok'], correctness.map((c) => [c.what, fmtInt(c.rows), fmtE(c.maxAbsDiff), fmtE(c.tolerance), c.ok ? 'yes' : 'NO'])));

  const goals = [];
  for (const k of ['scorer-node-1', 'scorer-node-2', 'scorer-chromium-1', 'scorer-chromium-2']) {
    const r = results[k];
    if (!r || r.vsNative == null) continue;
    goals.push({ goal: 'Scorer within 1.5× of native', where: `${r.env === 'node' ? 'Node' : 'Chromium'}, ${r.threads} thread${r.threads > 1 ? 's' : ''}`, value: r.vsNative, limit: 1.5, met: r.vsNative <= 1.5 });
  }
  if (predict?.vsRaw != null) goals.push({ goal: 'predict within 2× of the raw session', where: 'Node, 1 thread', value: predict.vsRaw, limit: 2, met: predict.vsRaw <= 2 });
  summary.goals = goals;
  log('\n── Goals');
  log(table(['goal', 'where', 'ratio', 'met?'], goals.map((g) => [g.goal, g.where, fmtX(g.value), g.met ? 'met' : 'NOT MET']), ['l', 'l']));

  summary.runs = Object.fromEntries([...runs.entries()].map(([k, rs]) => [k, rs.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'check')))]));
  summary.predictRuns = predictRuns;
  summary.totalSeconds = (performance.now() - started) / 1000;
  const jsonPath = resolve(OUT_DIR, 'infer.json');
  writeFileSync(jsonPath, JSON.stringify(summary, null, 2) + '\n');
  log(`\nwrote ${rel(jsonPath)} (total ${summary.totalSeconds.toFixed(0)} s)`);
  if (!correct) {
    log('! scores disagree (see Correctness): exit code 1');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  process.exit(1);
});

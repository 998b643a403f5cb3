// Chromium side of the ingest benchmark: a Vite dev server serving bench/ingest/browser/ and the
// generated CSVs (bench/out/ is under the Vite root), headless Debian Chromium driven by
// Playwright, and the measured worker's JS heap sampled over the DevTools protocol.
//
// Heap measurement: Playwright's CDPSession can only address pages, so the driver opens a
// browser-level session (browser.newBrowserCDPSession()), finds the dedicated worker with
// Target.getTargets, attaches to it with Target.attachToTarget({ flatten: false }) and talks to
// it through Target.sendMessageToTarget / Target.receivedMessageFromTarget. Every ~50 ms it asks
// Runtime.getHeapUsage: usedSize (V8 heap in use, garbage not yet collected included) +
// backingStorageSize (ArrayBuffer backing stores: the typed arrays of the parsed columns live
// there, outside the V8 heap). The peak of that sum during a step is the "worker JS heap peak".
// The CSV Blob itself is held by the browser's blob storage, not by the worker.
import { spawn } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const PORT = 5199;
const ORIGIN = `http://localhost:${PORT}`;
const PAGE = `${ORIGIN}/bench/ingest/browser/index.html`;
export const CHROMIUM = CHROMIUM_PATH;
const BENCH_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
const SAMPLE_MS = 50;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts the Vite dev server (own process group, so that it and its children can be ended). */
async function startVite(log) {
  const vite = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'bench/ingest/browser/vite.config.ts', '--port', String(PORT), '--strictPort'],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
  );
  let output = '';
  vite.stdout.on('data', (d) => (output += d));
  vite.stderr.on('data', (d) => (output += d));
  let exited = null;
  vite.on('exit', (code) => (exited = code));
  const stop = () => {
    if (exited === null) {
      try {
        process.kill(-vite.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`the Vite dev server exited (${exited}):\n${output}`);
    try {
      const res = await fetch(PAGE);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`the Vite dev server did not answer on ${PAGE} within 60 s:\n${output}`);
    }
    await sleep(200);
  }
  log(`vite dev server on ${ORIGIN} (pid ${vite.pid})`);
  return { stop, output: () => output };
}

/** A DevTools session on one dedicated worker, through the browser-level session. */
class WorkerSession {
  constructor(cdp, sessionId) {
    this.cdp = cdp;
    this.sessionId = sessionId;
    this.next = 0;
    this.pending = new Map();
    this.listener = (ev) => {
      if (ev.sessionId !== this.sessionId) return;
      const msg = JSON.parse(ev.message);
      const done = this.pending.get(msg.id);
      if (!done) return;
      this.pending.delete(msg.id);
      done(msg);
    };
    cdp.on('Target.receivedMessageFromTarget', this.listener);
  }

  static async attach(cdp, urlPart) {
    for (let i = 0; i < 50; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(urlPart));
      if (target) {
        const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
        return new WorkerSession(cdp, sessionId);
      }
      await sleep(100);
    }
    throw new Error(`no worker target whose URL contains '${urlPart}'`);
  }

  send(method, params = {}) {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (msg) => (msg.error ? reject(new Error(`${method}: ${msg.error.message}`)) : resolve(msg.result)));
      this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }

  async heap() {
    const r = await this.send('Runtime.getHeapUsage');
    return { used: r.usedSize, backing: r.backingStorageSize ?? 0, total: r.usedSize + (r.backingStorageSize ?? 0) };
  }

  async gc() {
    await this.send('HeapProfiler.collectGarbage');
  }

  /** Samples the heap every SAMPLE_MS while `work` runs; returns the work's result and the peak. */
  async during(work) {
    let stop = false;
    let peak = { used: 0, backing: 0, total: 0 };
    let peakUsed = 0;
    let peakBacking = 0;
    let samples = 0;
    const loop = (async () => {
      while (!stop) {
        try {
          const h = await this.heap();
          samples++;
          if (h.total > peak.total) peak = h;
          peakUsed = Math.max(peakUsed, h.used);
          peakBacking = Math.max(peakBacking, h.backing);
        } catch {
          return; // worker gone
        }
        await sleep(SAMPLE_MS);
      }
    })();
    try {
      const result = await work();
      return { result, peak, peakUsed, peakBacking, samples };
    } finally {
      stop = true;
      await loop;
    }
  }

  async detach() {
    this.cdp.off('Target.receivedMessageFromTarget', this.listener);
    await this.cdp.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => {});
  }
}

const WORKER_URL = {
  workbench: 'src/workers/workbench.worker.ts',
  engine: 'bench/ingest/browser/engine.worker.ts',
  papaparse: 'bench/ingest/browser/compare.worker.ts',
  danfojs: 'bench/ingest/browser/compare.worker.ts',
};

/**
 * Runs the browser measurements. `jobs`: [{ kind: 'glassbox'|'papaparse'|'danfojs', csv: path }].
 * 'glassbox' uses the real workbench worker, or the fallback engine worker (labelled) when the
 * workbench worker cannot be loaded.
 */
export async function runBrowser(jobs, log = console.log) {
  const vite = await startVite(log);
  let browser;
  const out = { chromium: null, crossOriginIsolated: null, glassboxWorker: 'workbench', workbenchError: null, results: [] };
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: BENCH_CHROMIUM_ARGS });
    out.chromium = browser.version();
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(PAGE);
    await page.waitForFunction(() => !!window.glassboxBench, null, { timeout: 60_000 });
    out.crossOriginIsolated = await page.evaluate(() => window.glassboxBench.crossOriginIsolated());
    const cdp = await browser.newBrowserCDPSession();

    // Warm-up: load every worker's modules once (the dev server transforms them on first use).
    for (const kind of ['workbench', 'papaparse', 'danfojs']) {
      try {
        await page.evaluate((k) => window.glassboxBench.prepare(k), kind);
      } catch (e) {
        if (kind !== 'workbench') throw e;
        out.glassboxWorker = 'engine';
        out.workbenchError = firstLine(e.message) + ' — ' + viteError(vite.output());
        log(`! the workbench worker could not be loaded (${out.workbenchError}); using the fallback engine worker (bench/ingest/browser/engine.worker.ts)`);
        await page.evaluate(() => window.glassboxBench.prepare('engine'));
      }
    }
    await page.evaluate(() => window.glassboxBench.dispose());

    for (const job of jobs) {
      const kind = job.kind === 'glassbox' ? out.glassboxWorker : job.kind;
      const url = '/' + relative(ROOT, job.csv).split('\\').join('/');
      const bytes = await page.evaluate((u) => window.glassboxBench.fetchCsv(u), url);
      await page.evaluate((k) => window.glassboxBench.prepare(k), kind);
      const session = await WorkerSession.attach(cdp, WORKER_URL[kind]);
      try {
        await session.gc();
        const baseline = await session.heap();
        const load = await session.during(() => page.evaluate((u) => window.glassboxBench.load(u), url));
        const row = {
          tool: job.kind,
          worker: kind,
          csv: job.csv,
          rowsParam: job.rows,
          bytes,
          rows: load.result.rows,
          loadMs: load.result.loadMs,
          readMs: load.result.readMs,
          heapBaseline: baseline,
          heapPeakLoad: load.peak,
          heapPeakUsedLoad: load.peakUsed,
          heapPeakBackingLoad: load.peakBacking,
          heapSamplesLoad: load.samples,
        };
        if (kind === 'workbench' || kind === 'engine') {
          await session.gc();
          row.heapAfterLoadGc = await session.heap();
          const profile = await session.during(() => page.evaluate(() => window.glassboxBench.profile()));
          row.profileMs = profile.result.profileMs;
          row.heapPeakProfile = profile.peak;
        }
        out.results.push(row);
        log(
          `  chromium ${kind.padEnd(9)} ${String(row.rows).padStart(8)} rows  load ${fmtMs(row.loadMs)}` +
            (row.profileMs != null ? `  profile ${fmtMs(row.profileMs)}` : '') +
            `  worker heap peak ${(row.heapPeakLoad.total / 1048576).toFixed(0)} MB (${load.samples} samples)`,
        );
      } finally {
        await session.detach();
        await page.evaluate(() => window.glassboxBench.dispose());
      }
    }
    if (pageErrors.length) out.pageErrors = pageErrors;
  } finally {
    await browser?.close().catch(() => {});
    vite.stop();
  }
  return out;
}

function fmtMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function firstLine(text) {
  return String(text).split('\n')[0].replace(/^page\.evaluate: (Error: )?/, '');
}

/** The first error the dev server logged (e.g. an import that does not resolve). */
function viteError(output) {
  const m = /(?:Internal server error|Pre-transform error): ([^\n]*)/.exec(output);
  return m ? m[1] : 'no server-side error logged';
}

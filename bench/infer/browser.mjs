// Chromium side of the inference benchmark: a small static server with cross-origin isolation
// headers (COOP same-origin + COEP require-corp, so onnxruntime-web may use threads) and headless
// Debian Chromium driven by Playwright, launched as the browser tests do (e2e/chromium.mjs).
//
// Served (all same-origin):
//   /bench/*  bench/out/infer-web/ (index.html and the esbuild bundle of browser/worker.ts)
//   /ort/*    node_modules/onnxruntime-web/dist/ (the runtime's module, glue and .wasm)
//   /data/*   bench/infer/data/ (model, CSV, float32 matrix)
//
// Every measurement is a fresh page load (and so a fresh worker and a fresh onnxruntime-web
// instance, whose thread count is fixed at its first session). The worker marks the start and
// end of the timed pass; the page relays the marks to this driver (page.exposeFunction), which
// samples /proc/stat and the CPU time of Chromium's process tree at each: `cpuMs` (all of
// Chromium's processes over the pass), `machineBusyCores` and `otherBusyCores` (the machine minus
// Chromium: other processes). Chromium is started with launchServer so that its pid is known.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs';
import { WEB_DIR } from './build.mjs';
import { machineBusyMs, processTreeCpuMs } from './cpu.mjs';
import { DATA_DIR } from './make_data.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ROUTES = {
  '/bench/': WEB_DIR,
  '/ort/': resolve(ROOT, 'node_modules/onnxruntime-web/dist'),
  '/data/': DATA_DIR,
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
  '.json': 'application/json',
};
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export const CHROMIUM = CHROMIUM_PATH;

function startServer() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = Object.keys(ROUTES).find((p) => path.startsWith(p));
    const file = prefix ? normalize(join(ROUTES[prefix], path.slice(prefix.length))) : null;
    if (!file || !file.startsWith(ROUTES[prefix])) {
      res.writeHead(404, ISOLATION).end();
      return;
    }
    let size;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404, ISOLATION).end();
      return;
    }
    res.writeHead(200, { ...ISOLATION, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise(server));
  });
}

/**
 * A browser session for the whole run: `measure(request)` loads the page afresh and runs one
 * measurement (see browser/worker.ts for the request); `close()` ends browser and server.
 */
export async function openBrowser(log = () => {}) {
  const server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browserServer;
  let browser;
  try {
    browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    browser = await chromium.connect(browserServer.wsEndpoint());
  } catch (e) {
    await browserServer?.close().catch(() => {});
    server.close();
    throw e;
  }
  const chromiumPid = browserServer.process().pid;
  const version = browser.version();
  log(`  chromium ${version} (${CHROMIUM_PATH}); bench server ${origin}`);
  return {
    version,
    async measure(request) {
      const page = await browser.newPage();
      const marks = {};
      await page.exposeFunction('benchMark', (name) => {
        marks[name] = { t: performance.now(), busy: machineBusyMs(), own: processTreeCpuMs(chromiumPid) };
      });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'warning' || m.type() === 'error') errors.push(`console.${m.type()}: ${m.text()}`);
      });
      try {
        await page.goto(`${origin}/bench/index.html`);
        await page.waitForFunction(() => !!window.inferBench, null, { timeout: 60_000 });
        const req = { ...request, modelUrl: `/data/${request.model}`, csvUrl: `/data/${request.csv}`, f32Url: `/data/${request.f32}` };
        const result = await page.evaluate((r) => window.inferBench.run(r), req);
        if (errors.length) result.pageMessages = errors;
        const { start, end } = marks;
        if (start?.busy != null && end?.busy != null) {
          const ms = end.t - start.t;
          result.machineBusyCores = (end.busy - start.busy) / ms;
          if (start.own != null && end.own != null) {
            result.cpuMs = end.own - start.own;
            result.otherBusyCores = Math.max(0, result.machineBusyCores - result.cpuMs / ms);
          }
        }
        return result;
      } catch (e) {
        throw new Error(`${e.message}${errors.length ? `\n  page: ${errors.join('\n  page: ')}` : ''}`);
      } finally {
        await page.close().catch(() => {});
      }
    },
    async close() {
      await browser.close().catch(() => {});
      await browserServer.close().catch(() => {});
      await new Promise((r) => server.close(r));
    },
  };
}

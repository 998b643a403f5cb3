// Builds what the inference benchmark runs, with esbuild:
//   bench/out/infer-engine.mjs     bench/infer/engine.ts for Node (packages external): the Scorer
//                                  imports onnxruntime-web/wasm, as in the CLI
//   bench/out/infer-engine-node.mjs the same, but onnxruntime-web/wasm → onnxruntime-web, whose
//                                  "node" export is onnxruntime-web's Node build: the only one
//                                  that can start threads under Node (see bench/README.md)
//   bench/out/infer-web/worker.js  bench/infer/browser/worker.ts for Chromium: the engine and the
//                                  Scorer bundled, onnxruntime-web left as an import of
//                                  /ort/ort.wasm.bundle.min.mjs, which the bench server serves
//                                  from node_modules/onnxruntime-web/dist — so the runtime's
//                                  import.meta.url is its own file (it finds its .wasm next to it
//                                  and starts its thread workers from it), as under Vite.
//   bench/out/infer-web/index.html the page (copied)
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = resolve(HERE, '../out');
export const ENGINE_BUNDLE = resolve(OUT_DIR, 'infer-engine.mjs');
export const ENGINE_BUNDLE_NODE_BUILD = resolve(OUT_DIR, 'infer-engine-node.mjs');
export const WEB_DIR = resolve(OUT_DIR, 'infer-web');
/** Where the page imports onnxruntime-web from (served by bench/infer/browser.mjs). */
export const ORT_URL = '/ort/ort.wasm.bundle.min.mjs';

const ortNodeBuild = {
  name: 'onnxruntime-web-node-build',
  setup(b) {
    b.onResolve({ filter: /^onnxruntime-web\/wasm$/ }, () => ({ path: 'onnxruntime-web', external: true }));
  },
};

const ortFromServer = {
  name: 'onnxruntime-web-from-server',
  setup(b) {
    b.onResolve({ filter: /^onnxruntime-web(\/wasm)?$/ }, () => ({ path: ORT_URL, external: true }));
  },
};

export async function buildAll() {
  mkdirSync(WEB_DIR, { recursive: true });
  const common = { bundle: true, format: 'esm', sourcemap: true, logLevel: 'warning' };
  await build({
    ...common,
    entryPoints: [resolve(HERE, 'engine.ts')],
    outfile: ENGINE_BUNDLE,
    platform: 'node',
    target: 'node20',
    packages: 'external',
  });
  await build({
    ...common,
    entryPoints: [resolve(HERE, 'engine.ts')],
    outfile: ENGINE_BUNDLE_NODE_BUILD,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [ortNodeBuild],
  });
  await build({
    ...common,
    entryPoints: [resolve(HERE, 'browser/worker.ts')],
    outfile: resolve(WEB_DIR, 'worker.js'),
    platform: 'browser',
    target: 'es2022',
    plugins: [ortFromServer],
  });
  copyFileSync(resolve(HERE, 'browser/index.html'), resolve(WEB_DIR, 'index.html'));
  return { engine: ENGINE_BUNDLE, engineNodeBuild: ENGINE_BUNDLE_NODE_BUILD, web: WEB_DIR };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildAll());
}

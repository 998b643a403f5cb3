// Builds what the training benchmark runs: bench/train/engine.ts bundled for Node with esbuild
// → bench/out/train-engine.mjs (the TypeScript core as it is in src/, no packages needed).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = resolve(HERE, '../out');
export const ENGINE_BUNDLE = resolve(OUT_DIR, 'train-engine.mjs');

export async function buildEngine() {
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [resolve(HERE, 'engine.ts')],
    outfile: ENGINE_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
  return ENGINE_BUNDLE;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildEngine());
}

// Builds what the training benchmark runs: bench/train/engine.ts bundled for Node with esbuild
// → bench/out/train-engine.mjs (the TypeScript core as it is in src/, no packages needed).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../common/bundle.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = resolve(HERE, '../out');
export const ENGINE_BUNDLE = resolve(OUT_DIR, 'train-engine.mjs');

export function buildEngine() {
  return bundleForNode(resolve(HERE, 'engine.ts'), ENGINE_BUNDLE);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildEngine());
}

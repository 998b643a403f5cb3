// Bundles bench/ingest/engine.ts (the Glassbox engine entry points) for Node with esbuild.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../common/bundle.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ENGINE_BUNDLE = resolve(HERE, '../out/engine.mjs');

export function buildEngine() {
  return bundleForNode(resolve(HERE, 'engine.ts'), ENGINE_BUNDLE, { packages: 'external' });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildEngine());
}

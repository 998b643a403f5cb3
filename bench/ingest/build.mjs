// Bundles bench/ingest/engine.ts (the Glassbox engine entry points) for Node with esbuild.
import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ENGINE_BUNDLE = resolve(HERE, '../out/engine.mjs');

export async function buildEngine() {
  await build({
    entryPoints: [resolve(HERE, 'engine.ts')],
    outfile: ENGINE_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    packages: 'external',
    logLevel: 'warning',
  });
  return ENGINE_BUNDLE;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildEngine());
}

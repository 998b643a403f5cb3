// esbuild settings the benchmarks share: a TypeScript entry of the engine bundled for Node 20 (ESM,
// source maps), with per-bench extras (e.g. `packages: 'external'`).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export async function bundleForNode(entry, outfile, extra = {}) {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', ...extra });
  return outfile;
}

// onnxruntime-node, the benchmark's reference, installed on first use into bench/infer/.deps —
// not a dependency of the project: its postinstall downloads CUDA binaries (which fails offline
// and would break `npm ci`), and the CPU binary it needs ships inside the npm package, so it is
// installed here with --ignore-scripts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEPS = join(HERE, '.deps');
export const ONNXRUNTIME_NODE_VERSION = '1.30.0';

export function ensureNativeRuntime() {
  if (existsSync(join(DEPS, 'node_modules', 'onnxruntime-node', 'package.json'))) return;
  console.log(`installing onnxruntime-node@${ONNXRUNTIME_NODE_VERSION} into bench/infer/.deps (once, --ignore-scripts)…`);
  const r = spawnSync(
    'npm',
    ['install', '--prefix', DEPS, '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', `onnxruntime-node@${ONNXRUNTIME_NODE_VERSION}`],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error('could not install onnxruntime-node for the benchmark');
}

export async function importNativeRuntime() {
  ensureNativeRuntime();
  const require = createRequire(join(DEPS, 'package.json'));
  return require('onnxruntime-node');
}

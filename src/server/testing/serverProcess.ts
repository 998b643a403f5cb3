/**
 * `glassbox serve` as a real child process for the reliability tests (SIGKILL, many clients): the
 * CLI is bundled from the current sources with esbuild into node_modules/.cache (so its packages
 * resolve from the repository), and the process is started with `--port 0`; its one
 * "listening on URL" line gives the address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository: the nearest folder above this module with package.json (this file runs from src/, from the Playwright specs and bundled into bench/out/). */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
const BUNDLE = join(ROOT, 'node_modules/.cache/glassbox-server-test/glassbox.mjs');
let built: Promise<string> | null = null;

/** The CLI bundled from the current sources (once per test process). */
export function cliBundle(): Promise<string> {
  built ??= (async () => {
    mkdirSync(join(ROOT, 'node_modules/.cache/glassbox-server-test'), { recursive: true });
    await build({
      stdin: { contents: "import { main } from './src/cli/main';\nawait main();\n", resolveDir: ROOT, loader: 'ts' },
      outfile: BUNDLE,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    return BUNDLE;
  })();
  return built;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), and wait. */
  stop(): Promise<void>;
}

/** `glassbox serve` with these arguments (`--port 0` unless a port is given); env GLASSBOX_APP_DIR names the built app to serve, if any. */
export async function startServerProcess(args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const bundle = await cliBundle();
  const port = args.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(process.execPath, [bundle, 'serve', ...port, ...args], { env: { ...process.env, GLASSBOX_APP_DIR: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`glassbox serve did not start: ${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`glassbox serve exited with ${code}: ${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs the bundled CLI to completion (e.g. `token`), returning its exit code and output. */
export async function runCliProcess(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const bundle = await cliBundle();
  const child = spawn(process.execPath, [bundle, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((done) => child.once('exit', (c) => done(c ?? -1)));
  return { code, stdout, stderr };
}

/** `glassbox serve` (the built CLI, serving the built app) and `glassbox token` for the browser tests. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

const BIN = 'bin/glassbox.mjs';

export function mintToken(dataDir: string, role: string, name: string): string {
  const r = spawnSync(process.execPath, [BIN, 'token', '--data-dir', dataDir, '--role', role, '--name', name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`glassbox token failed: ${r.stderr}`);
  return r.stdout.trim();
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(dataDir: string, port: number): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--data-dir', dataDir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`glassbox serve did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`glassbox serve exited (${code}): ${out}`)));
  });
  if (!out.includes('app from')) throw new Error(`glassbox serve found no built app: ${out}`);
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

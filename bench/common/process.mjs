// How the benchmarks run a child process and describe the machine they ran on.
import { spawn } from 'node:child_process';
import os from 'node:os';

/**
 * Runs `cmd args` with stdout/stderr captured; resolves { code, signal, stdout, stderr, wallMs }
 * (never rejects on a non-zero exit). `busyMs`, when given, samples the machine's busy CPU time:
 * the result then has `machineBusyCores` over the run (how many cores were busy on average).
 */
export function runProcess(cmd, args, opts = {}, busyMs = null) {
  return new Promise((resolvePromise, reject) => {
    const m0 = busyMs?.();
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - t0;
      const result = { code, signal, stdout, stderr, wallMs };
      if (busyMs) {
        const m1 = busyMs();
        result.machineBusyCores = m0 != null && m1 != null ? (m1 - m0) / wallMs : null;
      }
      resolvePromise(result);
    });
  });
}

/** The machine, for the summary JSON. */
export function machineInfo() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

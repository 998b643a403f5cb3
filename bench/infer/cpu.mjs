// How busy the whole machine is: busy CPU time of all cores so far, in ms (Linux /proc/stat:
// user + nice + system + irq + softirq — not idle, iowait nor steal; one tick = 10 ms with
// USER_HZ = 100), or null elsewhere. The
// benchmark samples it around each measurement; minus the measured process's own CPU time it
// tells how much other processes ran meanwhile (the machine is shared).
import { readdirSync, readFileSync } from 'node:fs';

export function machineBusyMs() {
  try {
    const v = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (v[0] + v[1] + v[2] + (v[5] ?? 0) + (v[6] ?? 0)) * 10;
  } catch {
    return null;
  }
}

/** CPU time (user + system, ms) used so far by process `rootPid` and all its descendants, or null. */
export function processTreeCpuMs(rootPid) {
  try {
    const procs = new Map();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // gone meanwhile
      }
      // fields after the parenthesised command: state ppid … utime(14) stime(15)
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    }
    const children = new Map();
    for (const [pid, p] of procs) {
      if (!children.has(p.ppid)) children.set(p.ppid, []);
      children.get(p.ppid).push(pid);
    }
    let ticks = 0;
    const stack = [rootPid];
    while (stack.length) {
      const pid = stack.pop();
      ticks += procs.get(pid)?.ticks ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    return ticks * 10;
  } catch {
    return null;
  }
}

/** Machine load (busy cores) over the next `ms` milliseconds. */
export async function busyCoresOver(ms) {
  const b0 = machineBusyMs();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const b1 = machineBusyMs();
  return b0 === null || b1 === null ? null : (b1 - b0) / (performance.now() - t0);
}

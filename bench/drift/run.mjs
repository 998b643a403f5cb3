// Glassbox two-sample KS benchmark — `npm run bench:drift`. See bench/README.md ("Drift: KS test").
//
// options:
//   --repeat R   runs per size (median reported; default 5)
//
// For each size (1,000 × 1,200 up to 1,000,000 × 1,000,000; a normal sample against one shifted by
// 0.01 sd, so p-values fall in the exact-sum regime of the large sizes), Glassbox's ksTwoSample
// (sort, merge, SciPy's kstwo.sf ported) timed in this process, against scipy.stats.ks_2samp
// (method='asymp') timed in its own Python process on the same float64 samples. Prints the
// times, the ratio Glassbox / SciPy and whether statistic and p-value agree; writes
// bench/out/drift.json. It reports, never asserts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../common/bundle.mjs';
import { option } from '../common/options.mjs';
import { machineInfo, runProcess } from '../common/process.mjs';
import { mulberry32, normalSampler } from '../common/random.mjs';
import { fmtMs, fmtX, median, table } from '../common/report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const OUT = resolve(ROOT, 'bench/out');
const REPEAT = option('repeat', 5);
const SIZES = [
  [1_000, 1_200],
  [10_000, 12_000],
  [100_000, 100_000],
  [1_000_000, 1_000_000],
];

function sample(n, shift, seed) {
  const normal = normalSampler(mulberry32(seed));
  return Float64Array.from({ length: n }, () => normal() + shift);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const lib = await import(await bundleForNode(resolve(HERE, 'engine.ts'), resolve(OUT, 'drift-engine.mjs')));
  const summary = { date: new Date().toISOString(), machine: machineInfo(), repeat: REPEAT, sizes: [] };
  console.log(`Glassbox KS benchmark — ${summary.machine.cpus} cores, node ${process.version}, median of ${REPEAT}`);
  const rows = [];
  for (const [na, nb] of SIZES) {
    const a = sample(na, 0, 1);
    const b = sample(nb, 0.01, 2);
    const dir = resolve(OUT, 'drift-samples');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'a.f64'), Buffer.from(a.buffer));
    writeFileSync(resolve(dir, 'b.f64'), Buffer.from(b.buffer));
    const times = [];
    let result;
    for (let r = 0; r < REPEAT; r++) {
      const t0 = performance.now();
      result = lib.ksTwoSample(a, b);
      times.push(performance.now() - t0);
    }
    const py = await runProcess('/usr/bin/python3', [resolve(HERE, 'scipy_task.py'), dir, String(REPEAT)]);
    if (py.code !== 0) throw new Error(`scipy task failed: ${py.stderr}`);
    const scipy = JSON.parse(py.stdout);
    const ms = median(times);
    const relP = scipy.pValue === 0 ? Math.abs(result.pValue) : Math.abs(result.pValue - scipy.pValue) / scipy.pValue;
    summary.sizes.push({ na, nb, glassboxMs: ms, scipyMs: scipy.ms, ratio: ms / scipy.ms, statisticEqual: result.statistic === scipy.statistic, pValueRelativeError: relP });
    rows.push([`${na.toLocaleString('en-US')} × ${nb.toLocaleString('en-US')}`, fmtMs(ms), fmtMs(scipy.ms), fmtX(ms / scipy.ms), result.statistic === scipy.statistic ? 'equal' : 'DIFFERS', relP.toExponential(1)]);
  }
  console.log(table(['samples', 'Glassbox', 'SciPy', 'ratio', 'statistic', 'p rel. error'], rows, ['l', 'r', 'r', 'r', 'l', 'r']));
  writeFileSync(resolve(OUT, 'drift.json'), JSON.stringify(summary, null, 2));
  console.log('wrote bench/out/drift.json');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

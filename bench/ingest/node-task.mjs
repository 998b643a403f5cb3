// One measurement in its own process, so that the peak RSS (process.resourceUsage().maxRSS) is
// this tool's alone. Prints one JSON line on stdout.
//
//   node bench/ingest/node-task.mjs <tool> <csv file>
//
// tools:
//   glassbox-readCsv      readCsv(fileSource) → typed columns (Float64Array / dictionary codes)
//   glassbox-readDataset  readDataset(fileSource) = readCsv + type inference (booleans, ISO dates),
//                         then profileTable(table) twice (cold and warm) and once per column
//   papaparse             fs.readFileSync(file, 'utf8') + Papa.parse(text, { header: false,
//                         dynamicTyping: true, skipEmptyLines: true }) → row arrays of JS values
//   papaparse-strings     the same with dynamicTyping: false (tokenizing only, all strings)
//   danfojs               dfd.readCSV(fs.createReadStream(file, 8 MiB chunks)) → DataFrame
//                         (danfojs' own defaults: header: true, dynamicTyping: true)
import { readFileSync, statSync, createReadStream } from 'node:fs';
import { ENGINE_BUNDLE } from './build.mjs';

const [tool, file] = process.argv.slice(2);
const kb = () => process.resourceUsage().maxRSS;
const mb = (bytes) => bytes / 1048576;
const bytes = statSync(file).size;

async function main() {
  const t0import = performance.now();
  const lib = await loadLibrary(tool);
  const importMs = performance.now() - t0import;
  // maxRSS only ever grows: this is the process's footprint before touching the data
  const baselineRssKb = kb();
  const currentBaselineRss = process.memoryUsage().rss;
  const out = { tool, file, bytes, importMs, baselineRssKb, baselineCurrentRssMb: mb(currentBaselineRss) };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await run(tool, lib, file);
  out.wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  out.cpuMs = (cpu.user + cpu.system) / 1000; // all threads of the process (GC helpers included)
  out.peakRssKb = kb();
  const mem = process.memoryUsage();
  out.afterLoad = { rssMb: mb(mem.rss), heapUsedMb: mb(mem.heapUsed), externalMb: mb(mem.external), arrayBuffersMb: mb(mem.arrayBuffers) };
  Object.assign(out, r.info);
  if (r.after) {
    Object.assign(out, await r.after());
    out.peakRssAfterProfileKb = kb();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

async function loadLibrary(name) {
  if (name.startsWith('glassbox')) return import(ENGINE_BUNDLE);
  if (name.startsWith('papaparse')) return (await import('papaparse')).default;
  if (name === 'danfojs') return import('danfojs');
  throw new Error(`unknown tool ${name}`);
}

async function run(name, lib, path) {
  switch (name) {
    case 'glassbox-readCsv': {
      const r = await lib.readCsv(lib.nodeFileSource(path));
      let numeric = 0;
      for (const c of r.columns) if (c.kind === 'numbers') numeric++;
      return { info: { rows: r.rowCount, columns: r.columns.length, rawNumberColumns: numeric } };
    }
    case 'glassbox-readDataset': {
      const r = await lib.readDataset(lib.nodeFileSource(path));
      const types = {};
      for (const c of r.table.columns) types[c.type] = (types[c.type] ?? 0) + 1;
      return {
        info: { rows: r.table.rowCount, columns: r.table.columns.length, types },
        after: async () => {
          const t1 = performance.now();
          const p1 = lib.profileTable(r.table);
          const profileColdMs = performance.now() - t1;
          const t2 = performance.now();
          lib.profileTable(r.table);
          const profileWarmMs = performance.now() - t2;
          // where the time goes: each column profiled alone (a third pass)
          const profileByType = {};
          const profileByColumn = {};
          for (const column of r.table.columns) {
            const t = performance.now();
            lib.profileTable({ rowCount: r.table.rowCount, columns: [column] });
            const ms = performance.now() - t;
            profileByColumn[column.name] = ms;
            profileByType[column.type] = (profileByType[column.type] ?? 0) + ms;
          }
          return { profileColdMs, profileWarmMs, profiledColumns: p1.columns.length, profileByType, profileByColumn };
        },
      };
    }
    case 'papaparse':
    case 'papaparse-strings': {
      const t0 = performance.now();
      const text = readFileSync(path, 'utf8');
      const readMs = performance.now() - t0;
      const res = lib.parse(text, { header: false, dynamicTyping: name === 'papaparse', skipEmptyLines: true });
      if (res.errors.length > 0) throw new Error(`papaparse: ${res.errors.length} errors, first: ${res.errors[0].message}`);
      return { info: { rows: res.data.length - 1, columns: res.data[0].length, readMs } };
    }
    case 'danfojs': {
      const df = await lib.readCSV(createReadStream(path, { highWaterMark: 8 << 20 }));
      return { info: { rows: df.shape[0], columns: df.shape[1] } };
    }
  }
  throw new Error(`unknown tool ${name}`);
}

main().catch((e) => {
  process.stderr.write(`${tool}: ${e?.stack ?? e}\n`);
  process.exit(1);
});

// Glassbox snapshot-server benchmark — `npm run bench:server`. See bench/README.md ("Server").
//
// options:
//   --snapshots N   snapshots saved (default 1,000), by --clients concurrent clients (default 50)
//   --clients C
//   --kb K          size of each snapshot's embedded payload in kB (default 64; a model plus data is often MBs)
//   --database-url URL (or GLASSBOX_BENCH_DATABASE_URL): also PostgreSQL (a role that may create databases)
//
// Writes: `glassbox serve` (its own process) takes N valid snapshots over HTTP from C concurrent
// clients — each acknowledged only after a durable commit with its audit-log entry — against the
// floor of the same durability in this process: the same rows inserted straight into the database,
// one transaction per row (SQLite WAL + synchronous=FULL; PostgreSQL with synchronous_commit on).
// Reads: GET by id (each also an audit-log write) against the same plain SELECT. Prints snapshots
// per second and the ratio server / floor; writes bench/out/server.json. It reports, never asserts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bundleForNode } from '../common/bundle.mjs';
import { option } from '../common/options.mjs';
import { machineInfo } from '../common/process.mjs';
import { fmtX, table } from '../common/report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const OUT = resolve(ROOT, 'bench/out');
const N = option('snapshots', 1000);
const CLIENTS = option('clients', 50);
const KB = option('kb', 64);
const urlArg = process.argv.indexOf('--database-url');
const PG_URL = urlArg >= 0 ? process.argv[urlArg + 1] : process.env.GLASSBOX_BENCH_DATABASE_URL;

const rate = (n, ms) => (n / ms) * 1000;
const fmt = (r) => `${r.toFixed(0)}/s`;

async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** C workers draining one queue. */
async function inParallel(items, clients, work) {
  let next = 0;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

async function httpSide(lib, cliArgs, snapshots) {
  const mint = async (role, name) => (await lib.runCliProcess(['token', ...cliArgs, '--role', role, '--name', name])).stdout.trim();
  const editor = await mint('editor', 'bench-editor');
  const auditor = await mint('auditor', 'bench-auditor');
  const server = await lib.startServerProcess(cliArgs);
  try {
    const writeMs = await timed(() =>
      inParallel(snapshots, CLIENTS, async (s) => {
        const r = await fetch(`${server.url}/api/snapshots`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: s.text });
        if (r.status !== 201) throw new Error(`POST answered ${r.status}`);
        await r.arrayBuffer();
      }),
    );
    const readMs = await timed(() =>
      inParallel(snapshots, CLIENTS, async (s) => {
        const r = await fetch(`${server.url}/api/snapshots/${s.id}`, { headers: { authorization: `Bearer ${auditor}` } });
        if ((await r.text()) !== s.text) throw new Error('GET gave other bytes');
      }),
    );
    return { writeMs, readMs };
  } finally {
    await server.stop();
  }
}

async function sqliteFloor(lib, snapshots) {
  const dir = mkdtempSync(join(tmpdir(), 'glassbox-bench-floor-'));
  const db = lib.openSqliteDatabase(dir);
  try {
    const insert = db.prepare('INSERT INTO snapshots (id, body, author, note, created_at) VALUES (?, ?, ?, ?, ?)');
    const select = db.prepare('SELECT body FROM snapshots WHERE id = ?');
    const writeMs = await timed(async () => {
      for (const s of snapshots) db.transaction(() => insert.run(s.id, Buffer.from(s.text), 'bench', s.note, new Date().toISOString())).immediate();
    });
    const readMs = await timed(async () => {
      for (const s of snapshots) select.get(s.id);
    });
    return { writeMs, readMs };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pgFloor(url, snapshots) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => {}); // idle connections closed when the throwaway database is dropped
  try {
    await pool.query('CREATE TABLE bench_floor (id text PRIMARY KEY, body bytea NOT NULL, note text, created_at text NOT NULL)');
    const writeMs = await timed(() => inParallel(snapshots, 10, (s) => pool.query('INSERT INTO bench_floor VALUES ($1, $2, $3, $4)', [s.id, Buffer.from(s.text), s.note, new Date().toISOString()])));
    const readMs = await timed(() => inParallel(snapshots, 10, (s) => pool.query('SELECT body FROM bench_floor WHERE id = $1', [s.id])));
    return { writeMs, readMs };
  } finally {
    await pool.end();
  }
}

/** A throwaway database on the server the URL names. */
async function withDatabase(url, fn) {
  const name = `glassbox_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  try {
    return await fn(dbUrl.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const lib = await import(await bundleForNode(resolve(HERE, 'engine.ts'), resolve(OUT, 'server-engine.mjs'), { packages: 'external' }));
  const snapshots = [];
  for (let k = 0; k < N; k++) {
    const s = await lib.snapshotOfSize(`bench #${k}`, KB * 1024, k + 1);
    snapshots.push({ id: s.id, note: s.note, text: JSON.stringify(s) });
  }
  const bytes = snapshots.reduce((a, s) => a + s.text.length, 0) / N;
  console.log(`Snapshot server: ${N} snapshots of ${(bytes / 1024).toFixed(1)} kB, ${CLIENTS} concurrent HTTP clients`);
  const results = [];

  const dir = mkdtempSync(join(tmpdir(), 'glassbox-bench-server-'));
  try {
    const server = await httpSide(lib, ['--data-dir', dir], snapshots);
    const floor = await sqliteFloor(lib, snapshots);
    results.push({ engine: 'sqlite', server, floor });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (PG_URL) {
    await withDatabase(PG_URL, async (url) => {
      const server = await httpSide(lib, ['--database-url', url], snapshots);
      const floor = await pgFloor(url, snapshots);
      results.push({ engine: 'postgresql', server, floor });
    });
  }

  const rows = results.flatMap(({ engine, server, floor }) => [
    [`${engine} writes`, fmt(rate(N, server.writeMs)), fmt(rate(N, floor.writeMs)), fmtX(floor.writeMs / server.writeMs)],
    [`${engine} reads`, fmt(rate(N, server.readMs)), fmt(rate(N, floor.readMs)), fmtX(floor.readMs / server.readMs)],
  ]);
  console.log(table(['', 'glassbox serve (HTTP)', 'database alone', 'server / floor'], rows));
  console.log('  (writes: each acknowledged after a durable commit with its audit entry; reads: each also appends a snapshot.read entry)');
  if (!PG_URL) console.log('  PostgreSQL: pass --database-url postgres://… (a role that may create databases) to include it');
  writeFileSync(resolve(OUT, 'server.json'), JSON.stringify({ date: new Date().toISOString(), machine: machineInfo(), snapshots: N, clients: CLIENTS, meanBytes: bytes, results }, null, 2));
}

await main();

/**
 * `glassbox token`, `glassbox serve` and `glassbox verify --server` as a user runs them: a minted
 * token is one line and works at once on a running server, expires when told, and a bad option
 * exits 2 with one `error:` line; `verify --server` trusts the server's audit log only when its
 * chain holds and records the snapshot's creation (a row edited in the database is caught).
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../server/http/buildServer';
import { SQLITE_FILE } from '../server/store/sqliteStore';
import { snapshotText } from '../server/testing/snapshotFixtures';
import { sqliteEngine, type StoreLocation } from '../server/testing/storeEngines';
import { modelPath } from '../core/inference/testing/modelFixtures';
import { runCliCaptured as run } from './testing/runCliCaptured';

const LOANS = join(__dirname, '../../public/datasets/synthetic_loans.csv');

function expectOneError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^error: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('glassbox token and serve: bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glassbox-cli-server-'));
  it.each([
    [['token', '--data-dir', dir], /--role is required/],
    [['token', '--data-dir', dir, '--role', 'admin'], /--role 'admin' is not one of editor, reviewer, auditor/],
    [['token', '--data-dir', dir, '--role', 'editor', '--expires', '90'], /--expires '90' is not a duration/],
    [['token', '--data-dir', dir, '--role', 'editor', '--expires', '0d'], /not a duration/],
    [['token', '--data-dir', dir, '--role', 'editor', '--name', 'a\u0007b'], /control characters/],
    [['token', '--data-dir', dir, '--role', 'editor', '--name', '  '], /must not be empty/],
    [['token', '--data-dir', dir, '--revoke', 'x', '--role', 'editor'], /--revoke NAME takes no --role/],
    [['token', '--data-dir', dir, '--revoke', 'nobody'], /no active token is named 'nobody'/],
    [['token', '--database-url', 'mysql://x', '--role', 'editor'], /not a PostgreSQL URL/],
    [['token', '--database-url', 'postgres://u:secret@127.0.0.1:9/db', '--role', 'editor'], /127\.0\.0\.1/],
    [['serve', '--data-dir', dir, '--port', 'http'], /--port 'http' is not a port number/],
    [['serve', '--data-dir', dir, '--max-body', 'lots'], /--max-body 'lots' is not a size/],
    [['serve', '--data-dir', dir, '--max-body', '2gb'], /too large/],
    [['serve', '--data-dir', dir, '--verbose'], /unknown option '--verbose'/],
  ])('exits 2 with one error line for %j', async (argv, pattern) => {
    const r = await run(argv as string[]);
    expectOneError(r, pattern);
    // a password in a database URL is never printed
    expect(r.stderr).not.toContain('secret');
  }, 40_000);

  it('exits 2 when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      expectOneError(await run(['serve', '--data-dir', dir, '--port', String(port)]), new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
    } finally {
      blocker.close();
    }
  });
});

/** A server over a fresh SQLite store whose data dir `glassbox token` is pointed at. */
async function runningServer(): Promise<{ location: StoreLocation; url: string; close: () => Promise<void> }> {
  const location = await sqliteEngine.create();
  const store = await location.open();
  const app = await buildServer({ store, appDir: null });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    location,
    url,
    close: async () => {
      await app.close();
      await store.close();
      await location.dispose();
    },
  };
}

describe('glassbox token with a running server', () => {
  let location: StoreLocation;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ location, url, close } = await runningServer());
  });
  afterAll(async () => close());

  it('prints one token line that works at once, and an expiring one stops working', async () => {
    const minted = await run(['token', ...location.cliArgs, '--role', 'auditor', '--name', 'ann']);
    expect(minted.code).toBe(0);
    expect(minted.stdout).toMatch(/^gbx_[A-Za-z0-9_-]{43}\n$/);
    const token = minted.stdout.trim();
    const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({ name: 'ann', role: 'auditor', expiresAt: null });
    const unnamed = await run(['token', ...location.cliArgs, '--role', 'reviewer']);
    const who = (await (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${unnamed.stdout.trim()}` } })).json()) as { name: string };
    expect(who.name).toMatch(/^reviewer-[0-9a-f]{6}$/);
    const short = (await run(['token', ...location.cliArgs, '--role', 'editor', '--name', 'brief', '--expires', '1s'])).stdout.trim();
    const first = (await (await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${short}` } })).json()) as { expiresAt: string };
    expect(Date.parse(first.expiresAt) - Date.now()).toBeLessThanOrEqual(1000);
    await new Promise((r) => setTimeout(r, 1100));
    const later = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${short}` } });
    expect(later.status).toBe(401);
    expect(((await later.json()) as { error: string }).error).toMatch(/expired/);
  });
});

describe('glassbox verify --server', () => {
  let location: StoreLocation;
  let url: string;
  let dir: string;
  let close: () => Promise<void>;
  let editor: string;
  let auditor: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'glassbox-verify-server-'));
    ({ location, url, close } = await runningServer());
    editor = (await run(['token', ...location.cliArgs, '--role', 'editor', '--name', 'ed'])).stdout.trim();
    auditor = (await run(['token', ...location.cliArgs, '--role', 'auditor', '--name', 'au'])).stdout.trim();
  });
  afterAll(async () => close());

  const verify = async (file: string, token: string) => {
    const r = await run(['verify', '--snapshot', file, '--server', url, '--token', token]);
    return { ...r, result: r.stdout ? (JSON.parse(r.stdout) as { status: string; reasons: string[] }) : null };
  };

  it('agrees when the log holds and records the creation; says why when not', { timeout: 120_000 }, async () => {
    // a snapshot made by glassbox snapshot (data referenced), uploaded as it is
    const file = join(dir, 'stored.json');
    const made = await run(['snapshot', '--data', LOANS, '--target', 'default', '--model', modelPath('loans_gbm'), '--note', 'on the server', '--out', file]);
    expect(made.stderr).toBe('');
    expect((await fetch(`${url}/api/snapshots`, { method: 'POST', headers: { authorization: `Bearer ${editor}` }, body: readFileSync(file, 'utf8') })).status).toBe(201);
    // data referenced, so "consistent" (3) at best — and the server's log agrees
    const ok = await verify(file, auditor);
    expect(ok.result).toEqual({ status: 'consistent', reasons: [expect.stringMatching(/referenced/)] });
    expect(ok.code).toBe(3);
    expect(ok.stderr).toBe('');

    const absent = await snapshotText('never uploaded');
    const absentFile = join(dir, 'absent.json');
    writeFileSync(absentFile, absent.text);
    const missing = await verify(absentFile, auditor);
    expect(missing.code).toBe(1);
    expect(missing.result!.reasons).toContain(`the id ${absent.id} has no snapshot.create entry in the server's audit log`);

    // an editor may not read the audit log: the server refuses, exit 2
    const refused = await verify(file, editor);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refused the token \(HTTP 403\)/);

    // someone edits the log in the database: the chain no longer holds
    const db = new Database(join(location.cliArgs[1], SQLITE_FILE));
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1").run();
    db.close();
    const broken = await verify(file, auditor);
    expect(broken.code).toBe(1);
    expect(broken.result!.reasons.join(' ')).toMatch(/chain is broken at entry 1: hash does not match its content/);
  });
});

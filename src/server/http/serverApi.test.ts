/**
 * The snapshot server's HTTP contract (shared/spec/cli.md, "Snapshot server") over a real socket,
 * against every store engine: roles, 401/403/400/413/404 with `{ "error" }` and never a 500,
 * bytes stored exactly, listing, sign-offs, the audit log (checked by core's checkAuditChain),
 * hostile strings stored verbatim, and COOP/COEP on every response.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../core/experiment/auditChain';
import { storeEngines } from '../testing/storeEngines';
import { snapshotText, snapshotWithNote } from '../testing/snapshotFixtures';
import { bearer, startTestServer, type TestServer } from '../testing/testServer';
import { buildServer } from './buildServer';

const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

function expectIsolated(response: Response) {
  for (const [k, v] of Object.entries(ISOLATION)) expect(response.headers.get(k), k).toBe(v);
}

async function expectError(response: Response, status: number, pattern?: RegExp) {
  expect(response.status).toBe(status);
  expectIsolated(response);
  const body = (await response.json()) as { error: string };
  expect(typeof body.error).toBe('string');
  if (pattern) expect(body.error).toMatch(pattern);
}

/** Sends raw bytes over a socket and returns what comes back before the server closes or the timeout. */
function rawExchange(url: string, request: string | Buffer, keepOpenMs = 3000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, keepOpenMs);
    socket.on('data', (d) => {
      received += d.toString('latin1');
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (received) resolve(received);
      else reject(e);
    });
    socket.write(request);
  });
}

describe.each(storeEngines())('snapshot server API on $name', (engine) => {
  let server: TestServer;
  let editor: string;
  let reviewer: string;
  let auditor: string;
  const post = (token: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/snapshots`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json', ...headers }, body });
  const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? bearer(token) : {} });
  const signoff = (id: string, token: string, body: unknown) =>
    fetch(`${server.url}/api/snapshots/${id}/signoffs`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    server = await startTestServer(engine, { maxBody: 64 * 1024 });
    editor = await server.mint('editor', 'alice');
    reviewer = await server.mint('reviewer', 'bob');
    auditor = await server.mint('auditor', 'carol');
  });
  afterAll(async () => server?.close());

  it('answers health without a token, with COOP/COEP', async () => {
    const r = await get('/api/health');
    expect(r.status).toBe(200);
    expectIsolated(r);
    expect(await r.json()).toMatchObject({ status: 'ok', storage: engine.name, app: false, maxBody: 64 * 1024 });
  });

  it('stores a snapshot: 201 after commit, 200 for the same content again, the original bytes kept', async () => {
    const { id, text } = await snapshotText('first model');
    const created = await post(editor, text);
    expect(created.status).toBe(201);
    expectIsolated(created);
    expect(await created.json()).toEqual({ id });
    // the same content, written differently (compact JSON): same id, 200, stored bytes unchanged
    const again = await post(editor, JSON.stringify(JSON.parse(text)));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id });
    const read = await get(`/api/snapshots/${id}`, auditor);
    expect(read.status).toBe(200);
    expectIsolated(read);
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await read.text()).toBe(text);
  });

  it('refuses missing, malformed, unknown, expired and revoked tokens with 401', async () => {
    const { text } = await snapshotText('auth');
    await expectError(await fetch(`${server.url}/api/snapshots`, { method: 'POST', body: text }), 401, /no token/);
    await expectError(await fetch(`${server.url}/api/snapshots`, { headers: { authorization: 'Basic YWxpY2U6cHc=' } }), 401, /Bearer/);
    await expectError(await get('/api/snapshots', 'gbx_not-a-real-token'), 401, /not recognised/);
    const expired = await server.mint('editor', 'old-editor', new Date(Date.now() - 1000).toISOString());
    await expectError(await post(expired, text), 401, /expired/);
    const soon = await server.mint('auditor', 'short-lived', new Date(Date.now() + 3_600_000).toISOString());
    expect((await get('/api/snapshots', soon)).status).toBe(200);
    // revoked while the server runs: refused on the next request
    const temp = await server.mint('editor', 'temp');
    expect((await get('/api/snapshots', temp)).status).toBe(200);
    expect(await server.store.revokeTokens('temp', 'cli:test')).toBe(1);
    await expectError(await get('/api/snapshots', temp), 401, /revoked/);
    const r = await get('/api/snapshots');
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('refuses a role that may not act with 403', async () => {
    const { text, id } = await snapshotText('roles');
    await expectError(await post(reviewer, text), 403, /reviewer/);
    await expectError(await post(auditor, text), 403);
    await expectError(await get('/api/audit-log', editor), 403, /editor/);
    expect((await post(editor, text)).status).toBe(201);
    await expectError(await signoff(id, editor, { decision: 'approve' }), 403);
    await expectError(await signoff(id, auditor, { decision: 'approve' }), 403);
    // every role may read
    for (const token of [editor, reviewer, auditor]) expect((await get(`/api/snapshots/${id}`, token)).status).toBe(200);
  });

  it('refuses malformed or invalid snapshots with 400 and a reason', async () => {
    const { text } = await snapshotText('invalid');
    await expectError(await post(editor, 'not json {'), 400, /not JSON/);
    await expectError(await post(editor, ''), 400, /empty|no body/);
    await expectError(await post(editor, '[1,2,3]'), 400, /not a Glassbox snapshot/);
    await expectError(await post(editor, 'null'), 400, /not a Glassbox snapshot/);
    await expectError(await post(editor, '{"format":"glassbox.snapshot","version":2}'), 400, /not a Glassbox snapshot/);
    await expectError(await post(editor, new Uint8Array([0xff, 0xfe, 0x00, 0x7b])), 400, /UTF-8/);
    const tampered = JSON.parse(text);
    tampered.evaluation.metrics = { ...tampered.evaluation.metrics, auc: 0.99 };
    await expectError(await post(editor, JSON.stringify(tampered)), 400, /does not match its content/);
    // no canonical form: a number beyond a double, nesting deeper than any real snapshot
    const huge = JSON.parse(text);
    await expectError(await post(editor, JSON.stringify(huge).replace('"training":null', '"training":{"x":1e400}')), 400, /no canonical JSON form/);
    // any content type, or none, is read as JSON
    expect((await post(editor, text, { 'content-type': 'text/plain' })).status).toBe(201);
    // nothing invalid was stored
    const list = (await (await get('/api/snapshots?limit=500', auditor)).json()) as { items: { note: string }[] };
    expect(list.items.filter((i) => i.note === 'invalid')).toHaveLength(1);
  });

  it('refuses nesting deeper than the stack allows with 400, not a crash', async () => {
    const roomy = await startTestServer(engine);
    try {
      const token = await roomy.mint('editor', 'deep');
      const { text } = await snapshotText('deep');
      const deep = JSON.stringify(JSON.parse(text)).replace('"training":null', `"training":{"x":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
      const r = await fetch(`${roomy.url}/api/snapshots`, { method: 'POST', headers: bearer(token), body: deep });
      await expectError(r, 400, /no canonical JSON form|not a Glassbox snapshot|not JSON/);
      expect((await fetch(`${roomy.url}/api/health`)).status).toBe(200);
    } finally {
      await roomy.close();
    }
  });

  it('answers 413 for a body over the limit without reading the rest', async () => {
    // declared length over the limit: refused from the headers alone (the body never follows)
    const head = `POST /api/snapshots HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${editor}\r\ncontent-type: application/json\r\ncontent-length: ${100 * 2 ** 20}\r\n\r\n{"a":`;
    const reply = await rawExchange(server.url, head);
    expect(reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(reply.toLowerCase()).toContain('cross-origin-embedder-policy: require-corp');
    expect(reply).toMatch(/over the server's limit of 65536 bytes/);
    // chunked, no length: refused once the limit is passed
    const big = 'x'.repeat(80 * 1024);
    const r = await fetch(`${server.url}/api/snapshots`, {
      method: 'POST',
      headers: { ...bearer(editor) },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    await expectError(r, 413);
    // a sign-off's limit is smaller still
    const { id } = await snapshotText('roles');
    await expectError(await signoff(id, reviewer, { decision: 'approve', comment: 'y'.repeat(70 * 1024) }), 413);
  });

  it('answers 404 for unknown ids and routes, with COOP/COEP', async () => {
    const unknown = 'f'.repeat(64);
    await expectError(await get(`/api/snapshots/${unknown}`, auditor), 404, /no snapshot/);
    await expectError(await get(`/api/snapshots/not-even-hex`, auditor), 404);
    await expectError(await get(`/api/snapshots/${unknown}/signoffs`, auditor), 404);
    await expectError(await signoff(unknown, reviewer, { decision: 'approve' }), 404);
    await expectError(await get('/api/nothing-here', auditor), 404);
    await expectError(await fetch(`${server.url}/api/snapshots`, { method: 'DELETE', headers: bearer(editor) }), 404);
  });

  it('lists snapshots oldest first with the token name as author; limit and cursor are checked', async () => {
    const fresh = await startTestServer(engine);
    try {
      const ed = await fresh.mint('editor', 'dana');
      const au = await fresh.mint('auditor', 'erin');
      const ids: string[] = [];
      for (let k = 0; k < 5; k++) {
        const { id, text } = await snapshotText(k === 2 ? null : `note ${k}`);
        ids.push(id);
        const r = await fetch(`${fresh.url}/api/snapshots`, { method: 'POST', headers: bearer(ed), body: text });
        expect(r.status).toBe(201);
      }
      const seen: string[] = [];
      let next: string | null = null;
      do {
        const page = (await (await fetch(`${fresh.url}/api/snapshots?limit=2${next ? `&cursor=${encodeURIComponent(next)}` : ''}`, { headers: bearer(au) })).json()) as {
          items: { id: string; author: string; note: string | null; createdAt: string }[];
          next: string | null;
        };
        for (const item of page.items) {
          expect(item.author).toBe('dana');
          expect(Date.parse(item.createdAt)).not.toBeNaN();
        }
        seen.push(...page.items.map((i) => i.id));
        next = page.next;
      } while (next !== null);
      expect(seen).toEqual(ids);
      const all = (await (await fetch(`${fresh.url}/api/snapshots`, { headers: bearer(au) })).json()) as { items: { note: string | null }[]; next: null };
      expect(all.items.map((i) => i.note)).toEqual(['note 0', 'note 1', null, 'note 3', 'note 4']);
      expect(all.next).toBeNull();
      for (const bad of ['limit=0', 'limit=501', 'limit=abc', 'limit=1.5', 'limit=-1', 'limit=1&limit=2', 'cursor=zzz', 'cursor=']) {
        await expectError(await fetch(`${fresh.url}/api/snapshots?${bad}`, { headers: bearer(au) }), 400);
      }
    } finally {
      await fresh.close();
    }
  });

  it('records sign-offs as separate records; a reviewer cannot sign off their own snapshot', async () => {
    const { id, text } = await snapshotText('to sign');
    expect((await post(editor, text)).status).toBe(201);
    const before = await (await get(`/api/snapshots/${id}`, auditor)).text();
    const first = await signoff(id, reviewer, { decision: 'approve', comment: 'metrics reproduced' });
    expect(first.status).toBe(201);
    expectIsolated(first);
    const created = (await first.json()) as { id: string; reviewer: string; decision: string; comment: string; at: string };
    expect(created).toMatchObject({ reviewer: 'bob', decision: 'approve', comment: 'metrics reproduced' });
    await expectError(await signoff(id, reviewer, { decision: 'maybe' }), 400, /decision/);
    await expectError(await signoff(id, reviewer, { decision: 'approve', extra: 1 }), 400);
    await expectError(await signoff(id, reviewer, 'nope'), 400, /not JSON/);
    await expectError(await signoff(id, reviewer, { decision: 'approve', comment: 7 }), 400);
    // the editor alice's token is revoked and alice comes back as a reviewer: still her snapshot
    await server.store.revokeTokens('alice', 'cli:test');
    const aliceReviewer = await server.mint('reviewer', 'alice');
    await expectError(await signoff(id, aliceReviewer, { decision: 'approve' }), 403, /created this snapshot/);
    const second = await signoff(id, await server.mint('reviewer', 'frank'), { decision: 'reject' });
    expect(second.status).toBe(201);
    const list = (await (await get(`/api/snapshots/${id}/signoffs`, auditor)).json()) as { reviewer: string; decision: string; comment?: string }[];
    expect(list.map((s) => [s.reviewer, s.decision, s.comment])).toEqual([
      ['bob', 'approve', 'metrics reproduced'],
      ['frank', 'reject', undefined],
    ]);
    expect(list[0]).toEqual(created);
    // every sign-off, across snapshots, for the experiments list
    const all = (await (await get('/api/signoffs?limit=500', auditor)).json()) as { items: { snapshotId: string; reviewer: string }[]; next: string | null };
    expect(all.items.filter((o) => o.snapshotId === id).map((o) => o.reviewer)).toEqual(['bob', 'frank']);
    expect(all.next).toBeNull();
    await expectError(await get('/api/signoffs?limit=0', auditor), 400);
    await expectError(await get('/api/signoffs'), 401);
    // the snapshot itself never changes
    expect(await (await get(`/api/snapshots/${id}`, auditor)).text()).toBe(before);
    editor = await server.mint('editor', 'alice-2');
  });

  it('stores SQL injection and other hostile strings verbatim', async () => {
    const hostile = `'); DROP TABLE snapshots; -- " OR 1=1; \\ %_ ünï 🙂 <script>`;
    const snapshot = await snapshotWithNote(hostile, hostile);
    const text = JSON.stringify(snapshot);
    const ed = await server.mint('editor', hostile);
    expect((await post(ed, text)).status).toBe(201);
    expect(await (await get(`/api/snapshots/${snapshot.id}`, auditor)).text()).toBe(text);
    const items = ((await (await get('/api/snapshots?limit=500', auditor)).json()) as { items: { id: string; author: string; note: string }[] }).items;
    expect(items.find((i) => i.id === snapshot.id)).toMatchObject({ author: hostile, note: hostile });
    expect((await signoff(snapshot.id, reviewer, { decision: 'reject', comment: hostile })).status).toBe(201);
    const list = (await (await get(`/api/snapshots/${snapshot.id}/signoffs`, auditor)).json()) as { comment: string }[];
    expect(list[0].comment).toBe(hostile);
    // the tables are all still there
    expect((await get('/api/snapshots', auditor)).status).toBe(200);
  });

  it('logs every create, read, sign-off and revocation in a chain that verifies end to end', async () => {
    const log = (await (await get('/api/audit-log', auditor)).json()) as { seq: number; action: string; actor: string; target: string; at: string; prevHash: string; hash: string }[];
    expect((await get('/api/audit-log', reviewer)).status).toBe(200);
    expect(await checkAuditChain(log)).toEqual({ ok: true, brokenAt: null, reason: null });
    const { id } = await snapshotText('first model');
    expect(log.filter((e) => e.action === 'snapshot.create' && e.target === id).map((e) => e.actor)).toEqual(['alice']);
    // one create only, although it was posted twice
    expect(log.filter((e) => e.target === id && e.action === 'snapshot.create')).toHaveLength(1);
    expect(log.some((e) => e.action === 'snapshot.read' && e.target === id && e.actor === 'carol')).toBe(true);
    expect(log.filter((e) => e.action === 'token.revoke').map((e) => e.target)).toEqual(['temp', 'alice']);
    expect(log.filter((e) => e.action === 'signoff.create')).toHaveLength(3);
    for (const e of log) expect(Object.keys(e).sort()).toEqual(['action', 'actor', 'at', 'hash', 'prevHash', 'seq', 'target']);
    // reading the log is not itself a snapshot read; reading a snapshot adds exactly one entry
    const after = (await (await get('/api/audit-log', auditor)).json()) as unknown[];
    expect(after).toHaveLength(log.length);
    await get(`/api/snapshots/${id}`, editor);
    const last = ((await (await get('/api/audit-log', auditor)).json()) as { action: string; actor: string; seq: number }[]).at(-1)!;
    expect(last).toMatchObject({ action: 'snapshot.read', actor: 'alice-2', seq: log.length + 1 });
  });

  it('tells who a token belongs to', async () => {
    const r = await get('/api/me', auditor);
    expect(await r.json()).toEqual({ name: 'carol', role: 'auditor', expiresAt: null });
    await expectError(await get('/api/me'), 401);
  });

  it('answers a malformed HTTP request with 400 and the isolation headers', async () => {
    const reply = await rawExchange(server.url, 'THIS IS NOT HTTP\r\n\r\n', 1000);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply.toLowerCase()).toContain('cross-origin-opener-policy: same-origin');
  });
});

describe('the app on the same origin', () => {
  it('serves the built app with COOP/COEP, and 503 without one while the API still answers', async () => {
    const [engine] = storeEngines();
    const appDir = mkdtempSync(join(tmpdir(), 'glassbox-app-'));
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Glassbox</title><div id="root"></div>');
    writeFileSync(join(appDir, 'app.js'), 'console.log(1)');
    const built = await startTestServer(engine, { appDir });
    const bare = await startTestServer(engine, { appDir: null });
    try {
      for (const path of ['/', '/index.html', '/app.js']) {
        const r = await fetch(`${built.url}${path}`);
        expect(r.status, path).toBe(200);
        expectIsolated(r);
      }
      expect(await (await fetch(`${built.url}/`)).text()).toContain('<title>Glassbox</title>');
      expect((await fetch(`${built.url}/api/health`).then((r) => r.json())).app).toBe(true);
      const unbuilt = await fetch(`${bare.url}/`);
      expect(unbuilt.status).toBe(503);
      expectIsolated(unbuilt);
      expect(await unbuilt.text()).toContain('npm run build');
      expect((await fetch(`${bare.url}/api/health`)).status).toBe(200);
    } finally {
      await built.close();
      await bare.close();
      rmSync(appDir, { recursive: true, force: true });
    }
  });

  it('describes every route it serves in its OpenAPI document', async () => {
    const [engine] = storeEngines();
    const location = await engine.create();
    const store = await location.open();
    const served: string[] = [];
    const app = await buildServer({ store, appDir: null, onRoute: (method, url) => url.startsWith('/api') && method !== 'HEAD' && served.push(`${method} ${url}`) });
    try {
      const doc = (await (await app.inject({ url: '/api/openapi.json' })).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toBe('3.1.0');
      const described = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
      expect(served).toContain('POST /api/snapshots/:id/signoffs');
      expect(described.sort()).toEqual(served.sort());
      // every $ref resolves, every operation answers something, every path parameter is declared
      const refs: string[] = [];
      const walk = (node: unknown) => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          for (const [k, v] of Object.entries(node)) {
            if (k === '$ref' && typeof v === 'string') refs.push(v);
            else walk(v);
          }
        }
      };
      walk(doc);
      expect(refs.length).toBeGreaterThan(10);
      for (const ref of refs) {
        const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
        expect(target, ref).toBeDefined();
      }
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const op of Object.values(ops) as { responses?: object; parameters?: { name: string; in: string }[] }[]) {
          expect(Object.keys(op.responses ?? {}).length, path).toBeGreaterThan(0);
          for (const name of path.match(/\{(\w+)\}/g) ?? []) expect(op.parameters?.some((p) => p.in === 'path' && `{${p.name}}` === name), `${path} ${name}`).toBe(true);
        }
      }
    } finally {
      await app.close();
      await store.close();
      await location.dispose();
    }
  });
});

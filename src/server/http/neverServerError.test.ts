/**
 * "Never a 500 for bad input", as a seeded random search on every store engine: 1,500 requests of
 * random methods, paths (unknown ids, NUL, dot-dot, unicode, very long), tokens (valid of each role,
 * revoked, garbage, none), content types and bodies (random bytes, JSON fragments, a valid snapshot
 * with a field removed, retyped or added, wrong ids, sign-offs of every shape). Every answer must be
 * below 500, and every error under /api must be JSON `{ "error" }` with the COOP/COEP headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, type SeededRandom } from '../../core/random/seededRandom';
import { snapshotText } from '../testing/snapshotFixtures';
import { storeEngines } from '../testing/storeEngines';
import { startTestServer, type TestServer } from '../testing/testServer';

const pick = <T>(r: SeededRandom, xs: readonly T[]): T => xs[r.int(xs.length)];

function randomBytes(r: SeededRandom, n: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: n }, () => r.int(256));
}

function mutate(r: SeededRandom, snapshot: Record<string, unknown>): unknown {
  const copy = structuredClone(snapshot) as Record<string, unknown>;
  const keys = Object.keys(copy);
  const key = pick(r, keys);
  switch (r.int(6)) {
    case 0:
      delete copy[key];
      break;
    case 1:
      copy[key] = pick(r, [null, 0, -1, 1e308, '', 'x'.repeat(1000), [], {}, true, '\u0000', '💥']);
      break;
    case 2:
      copy[`extra_${r.int(100)}`] = pick(r, [1, 'a', null, { nested: [1, 2] }]);
      break;
    case 3:
      copy.id = pick(r, ['', 'f'.repeat(64), 'G'.repeat(64), '0'.repeat(63), 42, null]);
      break;
    case 4:
      (copy.data as Record<string, unknown>).rows = pick(r, [-1, 1.5, 'many', null, 2 ** 60]);
      break;
    default:
      copy.version = pick(r, [0, 2, '1', null]);
  }
  return copy;
}

describe.each(storeEngines())('never a 500 on $name', (engine) => {
  let server: TestServer;
  let tokens: string[];
  let validText: string;
  let validId: string;
  beforeAll(async () => {
    server = await startTestServer(engine, { maxBody: 256 * 1024 });
    const revoked = await server.mint('editor', 'gone');
    await server.store.revokeTokens('gone', 'cli:test');
    tokens = [await server.mint('editor', 'e'), await server.mint('reviewer', 'r'), await server.mint('auditor', 'a'), revoked, 'gbx_garbage', '', 'Bearer', '\u00e9t\u00e9'];
    ({ text: validText, id: validId } = await snapshotText('valid'));
    await fetch(`${server.url}/api/snapshots`, { method: 'POST', headers: { authorization: `Bearer ${tokens[0]}` }, body: validText });
  });
  afterAll(async () => server?.close());

  it('answers every random request below 500, with a JSON error and the isolation headers', { timeout: 120_000 }, async () => {
    const r = seededRandom(20261202);
    const valid = JSON.parse(validText) as Record<string, unknown>;
    const ids = () => pick(r, [validId, 'f'.repeat(64), '%00', '..%2F..%2Fetc%2Fpasswd', 'é', 'x'.repeat(2000), '', '%ZZ', "'; DROP TABLE snapshots;--"]);
    const paths = () =>
      pick(r, [
        '/api/snapshots',
        `/api/snapshots/${ids()}`,
        `/api/snapshots/${ids()}/signoffs`,
        `/api/snapshots?limit=${pick(r, ['0', '1', '500', '501', '-3', 'x', '1e2', ''])}&cursor=${pick(r, ['', 's1', 's-1', 'zzz', 's99999999999999999'])}`,
        `/api/signoffs?limit=${pick(r, ['2', 'two'])}`,
        '/api/audit-log',
        '/api/me',
        '/api/health',
        '/api/openapi.json',
        '/api/../api/health',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/api/' + 'a/'.repeat(r.int(50)),
      ]);
    const bodies = (): string | Uint8Array<ArrayBuffer> | undefined =>
      pick(r, [
        () => undefined,
        () => randomBytes(r, r.int(2000)),
        () => pick(r, ['{', '[]', 'null', '"x"', '{"decision":"approve"}', '{"decision":"reject","comment":null}', '{"decision":1}', '{"__proto__":{"x":1}}', '1'.repeat(400)]),
        () => JSON.stringify(mutate(r, valid)),
        () => validText,
      ])();
    const failures: string[] = [];
    for (let k = 0; k < 1500; k++) {
      const method = pick(r, ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
      const path = paths();
      const token = pick(r, [...tokens, null]);
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = pick(r, [`Bearer ${token}`, token, `bearer  ${token}`, `Basic ${token}`]);
      const type = pick(r, [null, 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']);
      if (type) headers['content-type'] = type;
      const body = method === 'GET' || method === 'HEAD' ? undefined : bodies();
      let response: Response;
      try {
        response = await fetch(`${server.url}${path}`, { method, headers, body });
      } catch (e) {
        // a header value fetch itself refuses to send is the client's problem, not the server's
        if (e instanceof TypeError && /header|ByteString/i.test(String(e.cause ?? e.message))) continue;
        throw e;
      }
      const what = `${method} ${path.slice(0, 80)} (${type ?? 'no type'}) → ${response.status}`;
      if (response.status >= 500) failures.push(what);
      if (response.headers.get('cross-origin-embedder-policy') !== 'require-corp') failures.push(`${what}: no COEP`);
      if (response.status >= 400 && method !== 'HEAD' && path.startsWith('/api')) {
        const text = await response.text();
        try {
          if (typeof (JSON.parse(text) as { error?: unknown }).error !== 'string') failures.push(`${what}: error body ${text.slice(0, 80)}`);
        } catch {
          failures.push(`${what}: not JSON: ${text.slice(0, 80)}`);
        }
      } else await response.arrayBuffer();
    }
    expect(failures).toEqual([]);
    // and the server is still well
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

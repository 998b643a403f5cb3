/**
 * The app's client against a real snapshot server (SQLite store): what it uploads is stored byte
 * for byte and read back; sign-offs; the audit-log record the auditor view shows (the chain checked
 * in the client) agrees with what `glassbox verify --server` checks; refusals carry the server's
 * reason, an absent server is "unreachable", and an origin without a server is "none". The outbox
 * (fake IndexedDB) keeps what waits for upload.
 */
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogRecord } from '../../core/experiment/auditLogRecord';
import { snapshotText } from '../../server/testing/snapshotFixtures';
import { sqliteEngine } from '../../server/testing/storeEngines';
import { startTestServer, type TestServer } from '../../server/testing/testServer';
import { pendingUploads, queueUpload, retryUpload, uploaded, uploadRefused } from './outbox';
import {
  downloadSnapshotText,
  fetchAuditLog,
  listServerSnapshots,
  listSignoffs,
  serverHealth,
  ServerRefusedError,
  ServerUnreachableError,
  setApiBase,
  signOff,
  uploadSnapshot,
  whoAmI,
} from './serverClient';

let server: TestServer;
let editor: string;
let reviewer: string;
let auditor: string;

beforeAll(async () => {
  server = await startTestServer(sqliteEngine);
  editor = await server.mint('editor', 'dana');
  reviewer = await server.mint('reviewer', 'rob');
  auditor = await server.mint('auditor', 'ada');
  setApiBase(server.url);
});
afterAll(async () => {
  setApiBase('');
  await server.close();
});

describe('the app’s server client', () => {
  it('uploads, lists, reads back exactly, signs off and reads the audit-log record', async () => {
    expect(await serverHealth()).toEqual({ version: 'dev', storage: 'sqlite', maxBody: 256 * 2 ** 20 });
    expect(await whoAmI(editor)).toEqual({ name: 'dana', role: 'editor', expiresAt: null });
    const { id, text } = await snapshotText('from the app');
    expect(await uploadSnapshot(editor, text)).toEqual({ id, created: true });
    expect(await uploadSnapshot(editor, text)).toEqual({ id, created: false });
    expect(await downloadSnapshotText(auditor, id)).toBe(text);
    expect(await downloadSnapshotText(auditor, 'f'.repeat(64))).toBeNull();
    expect((await listServerSnapshots(auditor, null)).items).toEqual([{ id, createdAt: expect.any(String), author: 'dana', note: 'from the app' }]);
    expect(await listSignoffs(auditor, id)).toEqual([]);
    expect(await listSignoffs(auditor, 'f'.repeat(64))).toBeNull();
    const s = await signOff(reviewer, id, 'approve', 'checked');
    expect(s).toMatchObject({ reviewer: 'rob', decision: 'approve', comment: 'checked' });
    expect(await listSignoffs(editor, id)).toEqual([s]);
    const record = await auditLogRecord(await fetchAuditLog(auditor), id);
    expect(record).toMatchObject({ chainOk: true, created: { actor: 'dana', seq: 1 }, reads: 1, signoffs: 1, reasons: [] });
    expect((await auditLogRecord(await fetchAuditLog(reviewer), 'f'.repeat(64))).reasons).toEqual([`the id ${'f'.repeat(64)} has no snapshot.create entry in the server's audit log`]);
  });

  it('says why the server refused: the token, the role, the body', async () => {
    await expect(whoAmI('gbx_nope')).rejects.toThrow(/refused the token: token not recognised/);
    await expect(fetchAuditLog(editor)).rejects.toMatchObject({ name: 'ServerRefusedError', status: 403 });
    await expect(uploadSnapshot(editor, '{"not":"a snapshot"}')).rejects.toBeInstanceOf(ServerRefusedError);
    const { id, text } = await snapshotText('own');
    await uploadSnapshot(editor, text);
    await server.store.revokeTokens('dana', 'cli:test');
    await expect(uploadSnapshot(editor, text)).rejects.toThrow(/token revoked/);
    const danaReviewer = await server.mint('reviewer', 'dana');
    await expect(signOff(danaReviewer, id, 'approve', null)).rejects.toThrow(/dana created this snapshot/);
  });

  it('tells an unreachable server from an origin without one', async () => {
    setApiBase('http://127.0.0.1:9');
    await expect(serverHealth()).rejects.toBeInstanceOf(ServerUnreachableError);
    // a page server that is not Glassbox (e.g. vite preview answering index.html)
    const other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    setApiBase(`http://127.0.0.1:${(other.address() as { port: number }).port}`);
    try {
      expect(await serverHealth()).toBeNull();
    } finally {
      other.close();
      setApiBase(server.url);
    }
  });
});

describe('the upload outbox', () => {
  it('keeps what waits, in order, with the reason of a refusal, until uploaded', async () => {
    await queueUpload('a'.repeat(64));
    await new Promise((r) => setTimeout(r, 5));
    await queueUpload('b'.repeat(64));
    await queueUpload('a'.repeat(64));
    expect((await pendingUploads()).map((p) => [p.id[0], p.refused])).toEqual([
      ['a', null],
      ['b', null],
    ]);
    await uploadRefused('b'.repeat(64), 'the id does not match');
    await uploaded('a'.repeat(64));
    expect((await pendingUploads()).map((p) => [p.id[0], p.refused])).toEqual([['b', 'the id does not match']]);
    await retryUpload('b'.repeat(64));
    expect((await pendingUploads()).map((p) => [p.id[0], p.refused])).toEqual([['b', null]]);
  });
});

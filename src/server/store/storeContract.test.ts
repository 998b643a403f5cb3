/**
 * One suite for every store engine (SQLite, PostgreSQL): tokens, snapshots stored byte for byte,
 * listing pages, sign-offs, and the audit log whose chain is checked by core's checkAuditChain
 * (an independent re-computation with WebCrypto SHA-256 over RFC 8785 JSON).
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../core/experiment/canonicalJson';
import { checkAuditChain, GENESIS_HASH } from '../../core/experiment/auditChain';
import { storeEngines, type StoreLocation } from '../testing/storeEngines';
import { InvalidCursorError, NameTakenError, type SnapshotStore } from './snapshotStore';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b));
const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(storeEngines())('store contract on $name', (engine) => {
  let location: StoreLocation;
  let store: SnapshotStore;
  beforeEach(async () => {
    location = await engine.create();
    store = await location.open();
  });
  afterEach(async () => {
    await store?.close();
    await location?.dispose();
  });

  it('reports its engine', () => {
    expect(store.engine).toBe(engine.name);
  });

  it('creates, finds and revokes tokens; names are unique among unrevoked tokens', async () => {
    const created = await store.createToken({ name: 'alice', role: 'editor', secretHash: hashOf('s1'), expiresAt: null });
    expect(created).toMatchObject({ name: 'alice', role: 'editor', expiresAt: null, revokedAt: null });
    expect(await store.findToken(hashOf('s1'))).toMatchObject({ name: 'alice', role: 'editor', revokedAt: null });
    expect(await store.findToken(hashOf('nope'))).toBeNull();
    await expect(store.createToken({ name: 'alice', role: 'reviewer', secretHash: hashOf('s2'), expiresAt: null })).rejects.toBeInstanceOf(NameTakenError);
    expect(await store.revokeTokens('alice', 'cli:test')).toBe(1);
    expect((await store.findToken(hashOf('s1')))!.revokedAt).not.toBeNull();
    // the name is free again once revoked
    await store.createToken({ name: 'alice', role: 'reviewer', secretHash: hashOf('s2'), expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(await store.findToken(hashOf('s2'))).toMatchObject({ role: 'reviewer', expiresAt: '2030-01-01T00:00:00.000Z' });
    expect(await store.revokeTokens('nobody', 'cli:test')).toBe(0);
    const log = await store.auditLog();
    expect(log.map((e) => [e.action, e.target, e.actor])).toEqual([['token.revoke', 'alice', 'cli:test']]);
  });

  it('stores the bytes as given, once; a second create of the id leaves them unchanged', async () => {
    const body = '{ "id": "a",\n  "note": "x" }';
    expect(await store.createSnapshot({ id: 'a'.repeat(64), bytes: bytes(body), author: 'alice', note: 'x' })).toBe('created');
    expect(await store.createSnapshot({ id: 'a'.repeat(64), bytes: bytes('{"other":1}'), author: 'bob', note: null })).toBe('exists');
    expect(text(await store.readSnapshot('a'.repeat(64), 'carol'))).toBe(body);
    expect(await store.readSnapshot('b'.repeat(64), 'carol')).toBeNull();
    expect(await store.snapshotAuthor('a'.repeat(64))).toBe('alice');
    const log = await store.auditLog();
    expect(log.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, 'snapshot.create', 'alice'],
      [2, 'snapshot.read', 'carol'],
    ]);
  });

  it('keeps arbitrary bytes and hostile text verbatim', async () => {
    const hostile = `Robert'); DROP TABLE snapshots;-- \u0000 "quoted" \\ ünïcødé 🙂`;
    const raw = new Uint8Array(256).map((_, k) => k);
    await store.createSnapshot({ id: 'c'.repeat(64), bytes: raw, author: hostile, note: hostile });
    expect(Array.from((await store.readSnapshot('c'.repeat(64), hostile))!)).toEqual(Array.from(raw));
    const page = await store.listSnapshots(10, null);
    expect(page.items[0]).toMatchObject({ author: hostile, note: hostile });
    await store.createToken({ name: hostile, role: 'auditor', secretHash: hashOf(hostile), expiresAt: null });
    expect((await store.findToken(hashOf(hostile)))!.name).toBe(hostile);
  });

  it('lists oldest first in pages with a cursor, next null on the last page', async () => {
    const ids = Array.from({ length: 7 }, (_, k) => hashOf(`snap${k}`));
    for (const [k, id] of ids.entries()) await store.createSnapshot({ id, bytes: bytes(`{"k":${k}}`), author: `u${k % 2}`, note: k === 3 ? null : `n${k}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await store.listSnapshots(3, cursor);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
    const all = await store.listSnapshots(500, null);
    expect(all.next).toBeNull();
    expect(all.items[3]).toMatchObject({ id: ids[3], author: 'u1', note: null });
    expect(Date.parse(all.items[0].createdAt)).not.toBeNaN();
    // exactly a page's worth: no empty last page promised
    expect((await store.listSnapshots(7, null)).next).toBeNull();
    await expect(store.listSnapshots(3, 'garbage')).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('adds sign-offs as separate records, refusing the author and unknown snapshots', async () => {
    const id = hashOf('signed');
    await store.createSnapshot({ id, bytes: bytes('{}'), author: 'alice', note: null });
    expect(await store.createSignoff({ snapshotId: id, reviewer: 'alice', decision: 'approve', comment: null })).toEqual({ kind: 'own-snapshot' });
    expect(await store.createSignoff({ snapshotId: hashOf('unknown'), reviewer: 'bob', decision: 'approve', comment: null })).toEqual({ kind: 'not-found' });
    const first = await store.createSignoff({ snapshotId: id, reviewer: 'bob', decision: 'reject', comment: 'threshold too low' });
    const second = await store.createSignoff({ snapshotId: id, reviewer: 'dave', decision: 'approve', comment: null });
    expect(first.kind).toBe('created');
    const list = await store.listSignoffs(id);
    expect(list).toHaveLength(2);
    expect(list![0]).toMatchObject({ reviewer: 'bob', decision: 'reject', comment: 'threshold too low' });
    expect(list![1]).toMatchObject({ reviewer: 'dave', decision: 'approve' });
    expect(list![1]).not.toHaveProperty('comment');
    expect(list![0].id).not.toBe(list![1].id);
    if (second.kind === 'created') expect(second.signoff).toEqual(list![1]);
    expect(await store.listSignoffs(hashOf('unknown'))).toBeNull();
    // across snapshots, oldest first, in pages
    const other = hashOf('other');
    await store.createSnapshot({ id: other, bytes: bytes('{}'), author: 'alice', note: null });
    await store.createSignoff({ snapshotId: other, reviewer: 'bob', decision: 'approve', comment: null });
    const firstPage = await store.listAllSignoffs(2, null);
    expect(firstPage.items.map((o) => [o.snapshotId, o.reviewer, o.decision])).toEqual([
      [id, 'bob', 'reject'],
      [id, 'dave', 'approve'],
    ]);
    expect(firstPage.items[0]).toEqual({ snapshotId: id, ...list![0] });
    const secondPage = await store.listAllSignoffs(2, firstPage.next);
    expect(secondPage.items.map((o) => [o.snapshotId, o.reviewer])).toEqual([[other, 'bob']]);
    expect(secondPage.next).toBeNull();
    await expect(store.listAllSignoffs(2, 'nope')).rejects.toBeInstanceOf(InvalidCursorError);
    expect(text(await store.readSnapshot(id, 'x'))).toBe('{}');
    const actions = (await store.auditLog()).map((e) => e.action);
    expect(actions).toEqual(['snapshot.create', 'signoff.create', 'signoff.create', 'snapshot.create', 'signoff.create', 'snapshot.read']);
  });

  it('chains the audit log: seq from 1, genesis prevHash, hash of prevHash + canonical JSON', async () => {
    const t = Date.UTC(2026, 11, 2, 9, 30);
    await store.close();
    let tick = 0;
    store = await location.open({ now: () => new Date(t + 1000 * tick++) });
    await store.createSnapshot({ id: hashOf('x'), bytes: bytes('{}'), author: 'alice', note: null });
    await store.readSnapshot(hashOf('x'), 'carol');
    await store.createSignoff({ snapshotId: hashOf('x'), reviewer: 'bob', decision: 'approve', comment: null });
    await store.createToken({ name: 'bob', role: 'reviewer', secretHash: hashOf('b'), expiresAt: null });
    await store.revokeTokens('bob', 'cli:root');
    const log = await store.auditLog();
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log[0].prevHash).toBe(GENESIS_HASH);
    expect(log[0].at).toBe('2026-12-02T09:30:00.000Z');
    // by hand, independently of auditHashInput
    const { hash, ...rest } = log[0];
    expect(hash).toBe(hashOf(GENESIS_HASH + `{"action":"snapshot.create","actor":"alice","at":"2026-12-02T09:30:00.000Z","prevHash":"${GENESIS_HASH}","seq":1,"target":"${hashOf('x')}"}`));
    expect(hash).toBe(hashOf(GENESIS_HASH + canonicalJson(rest)));
    for (let k = 1; k < log.length; k++) expect(log[k].prevHash).toBe(log[k - 1].hash);
    expect(await checkAuditChain(log)).toEqual({ ok: true, brokenAt: null, reason: null });
    const tampered = log.map((e) => ({ ...e }));
    tampered[1].actor = 'mallory';
    expect((await checkAuditChain(tampered)).brokenAt).toBe(2);
  });

  it('keeps everything across a reopen', async () => {
    await store.createSnapshot({ id: hashOf('keep'), bytes: bytes('{"keep":true}'), author: 'alice', note: 'n' });
    await store.createToken({ name: 'eve', role: 'auditor', secretHash: hashOf('e'), expiresAt: null });
    await store.close();
    store = await location.open();
    expect(text(await store.readSnapshot(hashOf('keep'), 'eve'))).toBe('{"keep":true}');
    expect((await store.findToken(hashOf('e')))!.name).toBe('eve');
    expect(await checkAuditChain(await store.auditLog())).toMatchObject({ ok: true });
  });

  it('serialises concurrent writes: the chain holds and nothing is lost', async () => {
    const ids = Array.from({ length: 40 }, (_, k) => hashOf(`c${k}`));
    await Promise.all(ids.map((id, k) => store.createSnapshot({ id, bytes: bytes(`{"k":${k}}`), author: `w${k % 4}`, note: null })));
    await Promise.all(ids.map((id) => store.readSnapshot(id, 'r')));
    const log = await store.auditLog();
    expect(log).toHaveLength(80);
    expect(await checkAuditChain(log)).toMatchObject({ ok: true });
    expect((await store.listSnapshots(500, null)).items.map((i) => i.id).sort()).toEqual([...ids].sort());
  });
});

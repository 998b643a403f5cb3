/**
 * The worker's reading of a team server's audit log (what the auditor view's banner shows) against
 * a real store's log: who created the snapshot, reads and sign-offs counted, the chain intact; an
 * edited entry or an id the log lacks gives the reasons `glassbox verify --server` prints.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sqliteEngine } from '../server/testing/storeEngines';
import { Workbench } from './workbench';

const hashOf = (s: string) => createHash('sha256').update(s).digest('hex');

describe('workbench auditLogRecord', () => {
  it('reads a store’s log as verify --server does', async () => {
    const location = await sqliteEngine.create();
    const store = await location.open();
    try {
      const id = hashOf('x');
      await store.createSnapshot({ id, bytes: new TextEncoder().encode('{}'), author: 'dana', note: null });
      await store.readSnapshot(id, 'ada');
      await store.createSignoff({ snapshotId: id, reviewer: 'rob', decision: 'approve', comment: null });
      const log = await store.auditLog();
      const wb = new Workbench();
      expect(await wb.auditLogRecord(log, id)).toEqual({ entries: 3, chainOk: true, created: { actor: 'dana', at: log[0].at, seq: 1 }, reads: 1, signoffs: 1, reasons: [] });
      const edited = log.map((e) => ({ ...e }));
      edited[1].actor = 'mallory';
      expect((await wb.auditLogRecord(edited, id)).reasons).toEqual(["the server's audit log chain is broken at entry 2: hash does not match its content"]);
      expect((await wb.auditLogRecord(log, hashOf('y'))).reasons).toEqual([`the id ${hashOf('y')} has no snapshot.create entry in the server's audit log`]);
    } finally {
      await store.close();
      await location.dispose();
    }
  });
});

/**
 * The snapshot server as a process, against every store engine: a SIGKILL in the middle of a
 * burst of writes loses no acknowledged snapshot and leaves the store readable; 50 concurrent
 * clients each saving 20 snapshots → all 1,000 present and byte-identical; tokens minted and
 * revoked by `glassbox token` act at once on the running server; the audit log verifies end to end.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../core/experiment/auditChain';
import { withId } from '../core/experiment/snapshotId';
import { runCliProcess, startServerProcess, cliBundle, type ServerProcess } from './testing/serverProcess';
import { snapshotWithNote } from './testing/snapshotFixtures';
import { storeEngines, type StoreLocation } from './testing/storeEngines';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** n distinct valid snapshots as the app would send them. */
async function manySnapshots(n: number, tag: string): Promise<{ id: string; text: string }[]> {
  const base = await snapshotWithNote(null);
  const { id: _id, ...body } = base;
  const out: { id: string; text: string }[] = [];
  for (let k = 0; k < n; k++) {
    const s = await withId({ ...body, note: `${tag} #${k}` });
    out.push({ id: s.id, text: JSON.stringify(s, null, k % 2 ? 2 : 0) });
  }
  return out;
}

describe.each(storeEngines())('server process on $name', (engine) => {
  let location: StoreLocation | null = null;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    await cliBundle();
  }, 60_000);
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) await server.stop();
    server = null;
    await location?.dispose();
    location = null;
  });

  const mint = async (role: string, name: string) => {
    const r = await runCliProcess(['token', ...location!.cliArgs, '--role', role, '--name', name]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  it('loses no acknowledged snapshot when SIGKILLed during a burst of writes', async () => {
    location = await engine.create();
    const editor = await mint('editor', 'writer');
    const auditor = await mint('auditor', 'checker');
    server = await startServerProcess(location.cliArgs);
    const snapshots = await manySnapshots(300, 'burst');
    const acknowledged = new Map<string, string>();
    let sent = 0;
    let failures = 0;
    let stopped = false;
    const killed = new Promise<void>((resolveKilled) => {
      // 8 writers in parallel; the server is killed once 60 writes are acknowledged, mid-burst
      const writer = async () => {
        while (!stopped && sent < snapshots.length) {
          const s = snapshots[sent++];
          try {
            const r = await fetch(`${server!.url}/api/snapshots`, { method: 'POST', headers: bearer(editor), body: s.text });
            if (r.status === 201) acknowledged.set(s.id, s.text);
            if (acknowledged.size === 60) resolveKilled();
          } catch {
            failures++;
          }
        }
      };
      void Promise.all(Array.from({ length: 8 }, writer)).then(() => resolveKilled());
    });
    await killed;
    stopped = true;
    const sentAtKill = sent;
    await server.kill();
    // the writes in flight at the kill fail: their clients never got an acknowledgement
    await new Promise((r) => setTimeout(r, 300));
    expect(sentAtKill).toBeLessThan(snapshots.length);
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);
    expect(failures).toBeGreaterThan(0);

    server = await startServerProcess(location.cliArgs);
    for (const [id, text] of acknowledged) {
      const r = await fetch(`${server.url}/api/snapshots/${id}`, { headers: bearer(auditor) });
      expect(r.status, id).toBe(200);
      expect(await r.text()).toBe(text);
    }
    // the store is readable and consistent: every listed snapshot reads back, the chain holds
    const listed = (await (await fetch(`${server.url}/api/snapshots?limit=500`, { headers: bearer(auditor) })).json()) as { items: { id: string }[] };
    expect(listed.items.length).toBeGreaterThanOrEqual(acknowledged.size);
    for (const { id } of listed.items) expect(snapshots.some((s) => s.id === id)).toBe(true);
    const log = (await (await fetch(`${server.url}/api/audit-log`, { headers: bearer(auditor) })).json()) as { action: string; target: string }[];
    expect(await checkAuditChain(log)).toMatchObject({ ok: true });
    const created = new Set(log.filter((e) => e.action === 'snapshot.create').map((e) => e.target));
    for (const { id } of listed.items) expect(created.has(id)).toBe(true);
  }, 120_000);

  it('keeps all 1,000 snapshots of 50 concurrent clients saving 20 each, intact', async () => {
    location = await engine.create();
    const editors = await Promise.all(Array.from({ length: 5 }, (_, k) => mint('editor', `editor-${k}`)));
    const auditor = await mint('auditor', 'auditor');
    server = await startServerProcess(location.cliArgs);
    const all = await manySnapshots(1000, 'concurrent');
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async (_, client) => {
        const mine = all.slice(client * 20, client * 20 + 20);
        const codes: number[] = [];
        for (const s of mine) {
          const r = await fetch(`${server!.url}/api/snapshots`, { method: 'POST', headers: bearer(editors[client % 5]), body: s.text });
          codes.push(r.status);
          expect(await r.json()).toEqual({ id: s.id });
        }
        return codes;
      }),
    );
    expect(statuses.flat().filter((c) => c === 201)).toHaveLength(1000);
    const ids: string[] = [];
    let next: string | null = null;
    do {
      const page = (await (await fetch(`${server.url}/api/snapshots?limit=500${next ? `&cursor=${next}` : ''}`, { headers: bearer(auditor) })).json()) as { items: { id: string }[]; next: string | null };
      ids.push(...page.items.map((i) => i.id));
      next = page.next;
    } while (next);
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(all.map((s) => s.id).sort());
    for (let k = 0; k < all.length; k += 1) {
      const r = await fetch(`${server.url}/api/snapshots/${all[k].id}`, { headers: bearer(auditor) });
      expect(await r.text()).toBe(all[k].text);
    }
    const log = (await (await fetch(`${server.url}/api/audit-log`, { headers: bearer(auditor) })).json()) as { action: string }[];
    expect(log.filter((e) => e.action === 'snapshot.create')).toHaveLength(1000);
    expect(log.filter((e) => e.action === 'snapshot.read')).toHaveLength(1000);
    expect(await checkAuditChain(log)).toMatchObject({ ok: true });
  }, 300_000);

  it('applies tokens minted and revoked by glassbox token at once; refuses duplicate names', async () => {
    location = await engine.create();
    server = await startServerProcess(location.cliArgs);
    const editor = await mint('editor', 'late-editor');
    const { text, id } = (await manySnapshots(1, 'late'))[0];
    expect((await fetch(`${server.url}/api/snapshots`, { method: 'POST', headers: bearer(editor), body: text })).status).toBe(201);
    const duplicate = await runCliProcess(['token', ...location.cliArgs, '--role', 'auditor', '--name', 'late-editor']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/^error: a token named 'late-editor' already exists/);
    expect(duplicate.stderr.trim().split('\n')).toHaveLength(1);
    const revoked = await runCliProcess(['token', ...location.cliArgs, '--revoke', 'late-editor']);
    expect(revoked).toMatchObject({ code: 0, stdout: "revoked 1 token named 'late-editor'\n" });
    expect((await fetch(`${server.url}/api/snapshots/${id}`, { headers: bearer(editor) })).status).toBe(401);
    const again = await runCliProcess(['token', ...location.cliArgs, '--revoke', 'late-editor']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^error: no active token is named 'late-editor'/);
    const reviewer = await mint('reviewer', 'late-editor');
    const log = (await (await fetch(`${server.url}/api/audit-log`, { headers: bearer(reviewer) })).json()) as { action: string; target: string; actor: string }[];
    expect(log.map((e) => e.action)).toEqual(['snapshot.create', 'token.revoke']);
    expect(log[1]).toMatchObject({ target: 'late-editor' });
    expect(log[1].actor).toMatch(/^cli/);
    expect(await checkAuditChain(log)).toMatchObject({ ok: true });
  }, 60_000);
});

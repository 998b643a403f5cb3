/**
 * Snapshots saved in this browser while the team server could not be reached: their ids wait in
 * an IndexedDB store beside the snapshots and are uploaded when the server answers again
 * (useOutboxSync). An upload the server refuses for good (e.g. a 400) stays listed with its reason.
 */
import { db, OUTBOX } from '../workspace/snapshotStore';

export interface PendingUpload {
  id: string;
  queuedAt: string;
  /** Why the last attempt failed, when the server refused it (not when it was unreachable). */
  refused: string | null;
}

export async function queueUpload(id: string): Promise<void> {
  const database = await db();
  const existing = (await database.get(OUTBOX, id)) as PendingUpload | undefined;
  if (!existing) await database.put(OUTBOX, { id, queuedAt: new Date().toISOString(), refused: null } satisfies PendingUpload);
}

export async function pendingUploads(): Promise<PendingUpload[]> {
  const all = (await (await db()).getAll(OUTBOX)) as PendingUpload[];
  return all.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : 1));
}

export async function uploaded(id: string): Promise<void> {
  await (await db()).delete(OUTBOX, id);
}

export async function uploadRefused(id: string, reason: string): Promise<void> {
  const database = await db();
  const existing = (await database.get(OUTBOX, id)) as PendingUpload | undefined;
  if (existing) await database.put(OUTBOX, { ...existing, refused: reason });
}

/** Gives a refused upload another try (e.g. after the server was fixed), or drops it (the experiment stays in this browser). */
export async function retryUpload(id: string): Promise<void> {
  const database = await db();
  const existing = (await database.get(OUTBOX, id)) as PendingUpload | undefined;
  if (existing) await database.put(OUTBOX, { ...existing, refused: null });
}

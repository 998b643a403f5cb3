/**
 * The browser's snapshot store (fake IndexedDB): snapshots stored under their id and listed newest
 * first with their summary; a full store is reported as a StorageUnavailableError that says to
 * download the file instead (the caller offers it), and nothing already stored is lost.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleSnapshot } from '../../core/report/testing/sampleSnapshot';
import { getSnapshot, listSnapshots, putSnapshot, StorageUnavailableError } from './snapshotStore';

afterEach(() => vi.restoreAllMocks());

describe('snapshot store', () => {
  it('stores, reads back and lists snapshots, newest first', async () => {
    const a = { ...sampleSnapshot(), id: 'a'.repeat(64), createdAt: '2026-01-01T00:00:00Z', note: 'first' };
    const b = { ...sampleSnapshot(), id: 'b'.repeat(64), createdAt: '2026-02-01T00:00:00Z', note: 'second' };
    await putSnapshot(a);
    await putSnapshot(b);
    expect(await getSnapshot(a.id)).toEqual(a);
    const list = await listSnapshots();
    expect(list.map((s) => s.note)).toEqual(['second', 'first']);
    expect(list[0]).toMatchObject({ id: b.id, embedded: b.data.embedded !== null, task: b.evaluation.task });
  });

  it('a full store says so and keeps what was stored', async () => {
    const before = await listSnapshots();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const c = { ...sampleSnapshot(), id: 'c'.repeat(64) };
    const error = await putSnapshot(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toMatch(/storage is full.*Download it as a file/);
    vi.restoreAllMocks();
    expect(await listSnapshots()).toEqual(before);
  });
});

/**
 * Experiment snapshots in the browser (IndexedDB): stored whole under their id — immutable, so a
 * second save of the same content is the same record — and listed by summary. A full store or a
 * private window rejects the write with a StorageUnavailableError whose message says what to do;
 * the caller then offers the file download, so nothing is lost silently.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Snapshot } from '../../core/experiment/snapshotSchema';

const DB = 'glassbox-snapshots';
const STORE = 'snapshots';
/** Snapshots saved here while the team server was unreachable, waiting to be uploaded (app/server/outbox.ts). */
export const OUTBOX = 'outbox';

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/** What the experiments list shows of a snapshot. */
export interface SnapshotSummary {
  id: string;
  createdAt: string;
  author: string | null;
  note: string | null;
  parent: string | null;
  data: string;
  model: string;
  task: 'classification' | 'regression';
  target: string;
  /** AUC for classifiers, R² for regressors. */
  metric: { name: string; value: number | null };
  embedded: boolean;
  hasFairness: boolean;
  hasDrift: boolean;
}

export function summaryOf(s: Snapshot): SnapshotSummary {
  const metrics = s.evaluation.metrics as Record<string, unknown>;
  const name = s.evaluation.task === 'classification' ? 'auc' : 'r2';
  const value = typeof metrics[name] === 'number' ? (metrics[name] as number) : null;
  return {
    id: s.id,
    createdAt: s.createdAt,
    author: s.author,
    note: s.note,
    parent: s.parent,
    data: s.data.name,
    model: s.model.name,
    task: s.evaluation.task,
    target: s.evaluation.target,
    metric: { name: name === 'auc' ? 'AUC' : 'R²', value },
    embedded: s.data.embedded !== null,
    hasFairness: s.fairness !== null,
    hasDrift: s.drift !== null,
  };
}

let dbPromise: Promise<IDBPDatabase> | null = null;

export function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB, 2, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE, { keyPath: 'id' });
      if (!database.objectStoreNames.contains(OUTBOX)) database.createObjectStore(OUTBOX, { keyPath: 'id' });
    },
  }).catch((e: unknown) => {
    dbPromise = null;
    throw new StorageUnavailableError(`Browser storage is not available here (${e instanceof Error ? e.message : String(e)}), e.g. in a private window: download the snapshot as a file instead.`);
  });
  return dbPromise;
}

export async function putSnapshot(snapshot: Snapshot): Promise<void> {
  try {
    await (await db()).put(STORE, snapshot);
  } catch (e) {
    if (e instanceof StorageUnavailableError) throw e;
    const full = e instanceof DOMException && e.name === 'QuotaExceededError';
    throw new StorageUnavailableError(
      full
        ? 'The browser storage is full, so the snapshot was not saved here. Download it as a file (nothing is lost), or free space by removing other site data.'
        : `The snapshot could not be saved in this browser (${e instanceof Error ? e.message : String(e)}). Download it as a file instead.`,
    );
  }
}

export async function getSnapshot(id: string): Promise<Snapshot | null> {
  return ((await (await db()).get(STORE, id)) as Snapshot | undefined) ?? null;
}

/** Newest first. */
export async function listSnapshots(): Promise<SnapshotSummary[]> {
  const all = (await (await db()).getAll(STORE)) as Snapshot[];
  return all.map(summaryOf).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

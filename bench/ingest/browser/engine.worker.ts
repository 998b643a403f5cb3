/// <reference lib="webworker" />
/**
 * Fallback for the ingest benchmark, used only when the real workbench worker
 * (src/workers/workbench.worker.ts) cannot be loaded: the same engine calls its `load` and
 * `profile` make (readDataset over a blobSource, then profileTable), exposed with Comlink.
 * The benchmark labels results from this worker clearly.
 */
import * as Comlink from 'comlink';
import { blobSource } from '../../../src/core/data/byteSource';
import { readDataset } from '../../../src/core/data/readDataset';
import type { Table } from '../../../src/core/data/table';
import { profileTable } from '../../../src/core/stats/profile';

let table: Table | null = null;

const api = {
  summary: () => (table ? { rows: table.rowCount } : null),
  async load(_jobId: string, source: { kind: 'file'; file: Blob; name: string }) {
    table = null;
    const read = await readDataset(blobSource(source.file, source.name), {});
    table = read.table;
    return { rows: read.table.rowCount, bytes: read.bytes, columns: read.table.columns.map((c) => ({ name: c.name, type: c.type })) };
  },
  async profile() {
    if (!table) throw new Error('nothing loaded');
    return profileTable(table);
  },
};

export type EngineWorkerApi = typeof api;

Comlink.expose(api);

/** Opens the store a StoreTarget names; an unreachable database or unwritable directory is an InputError (CLI exit 2). */
import { InputError } from '../../core/errors/errors';
import { redactUrl, type StoreTarget } from '../config/storeLocation';
import type { SnapshotStore } from './snapshotStore';

export async function openStore(target: StoreTarget): Promise<SnapshotStore> {
  try {
    if (target.engine === 'postgresql') {
      const { openPostgresStore } = await import('./postgresStore');
      return await openPostgresStore(target.url);
    }
    const { openSqliteStore } = await import('./sqliteStore');
    return openSqliteStore(target.dataDir);
  } catch (e) {
    // the PostgreSQL store's messages already name the host, port, database and user (never the password)
    if (target.engine === 'postgresql') throw new InputError((e as Error).message);
    throw new InputError(`cannot open the data directory '${target.dataDir}': ${(e as Error).message}`);
  }
}

export function describeTarget(target: StoreTarget): string {
  return target.engine === 'postgresql' ? `PostgreSQL ${redactUrl(target.url)}` : `SQLite ${target.dataDir}`;
}

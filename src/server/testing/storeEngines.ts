/**
 * The store engines every server test runs against: SQLite always; PostgreSQL when
 * GLASSBOX_TEST_DATABASE_URL names a server where the role may create databases (.ci/run starts
 * one). Under CI the PostgreSQL run is required, so a missing server fails instead of skipping.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { openPostgresStore } from '../store/postgresStore';
import { openSqliteStore } from '../store/sqliteStore';
import type { SnapshotStore } from '../store/snapshotStore';
import type { SqliteStoreOptions } from '../store/sqliteStore';

export interface StoreLocation {
  /** `--data-dir` or `--database-url` arguments of the CLI for this store. */
  cliArgs: string[];
  open(options?: SqliteStoreOptions): Promise<SnapshotStore>;
  /** Removes the data directory or drops the database. */
  dispose(): Promise<void>;
}

export interface StoreEngine {
  name: 'sqlite' | 'postgresql';
  /** A fresh, empty store location. */
  create(): Promise<StoreLocation>;
}

export const sqliteEngine: StoreEngine = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'glassbox-store-'));
    return {
      cliArgs: ['--data-dir', dir],
      open: async (options) => openSqliteStore(dir, options),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const TEST_DATABASE_URL_VAR = 'GLASSBOX_TEST_DATABASE_URL';

/** Runs fn on a connection to the server's maintenance database (the one the URL names). */
async function withAdmin<T>(serverUrl: string, fn: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
  } catch (e) {
    const { hostname, port } = new URL(serverUrl);
    throw new Error(`cannot connect to the PostgreSQL server of ${TEST_DATABASE_URL_VAR} at ${hostname}:${port || 5432}: ${(e as Error).message}`);
  }
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A throwaway database (glassbox_test_<random>) per location on the server named by serverUrl. */
export function postgresEngine(serverUrl: string): StoreEngine {
  return {
    name: 'postgresql',
    async create() {
      const database = `glassbox_test_${randomBytes(8).toString('hex')}`;
      await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${escapeIdentifier(database)}`));
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      return {
        cliArgs: ['--database-url', url.toString()],
        open: (options) => openPostgresStore(url.toString(), options),
        dispose: () =>
          withAdmin(serverUrl, async (admin) => {
            // a store left open (or a killed server process) must not keep the database alive
            await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
            await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(database)}`);
          }),
      };
    },
  };
}

/** Under CI the PostgreSQL run is required: this engine fails every test that would use it. */
const missingPostgresEngine: StoreEngine = {
  name: 'postgresql',
  async create() {
    throw new Error('PostgreSQL tests need GLASSBOX_TEST_DATABASE_URL (.ci/run starts a local server)');
  },
};

export function storeEngines(): StoreEngine[] {
  const url = process.env[TEST_DATABASE_URL_VAR];
  if (url) return [sqliteEngine, postgresEngine(url)];
  if (process.env.CI) return [sqliteEngine, missingPostgresEngine];
  return [sqliteEngine];
}

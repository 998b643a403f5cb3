/**
 * The SQLite engine's durability settings on the store's own connection: WAL journal and
 * synchronous=FULL (a commit is on disk before the server answers); the file passes
 * integrity_check after writes.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteDatabase, openSqliteStore, SQLITE_FILE } from './sqliteStore';

it('opens its file in WAL mode with synchronous=FULL and leaves it intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'glassbox-sqlite-'));
  try {
    const db = openSqliteDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    const store = openSqliteStore(dir);
    await store.createSnapshot({ id: 'a'.repeat(64), bytes: new TextEncoder().encode('{}'), author: 'x', note: null });
    await store.close();
    const check = new Database(join(dir, SQLITE_FILE), { readonly: true });
    expect(check.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    check.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * The default store: one SQLite file (better-sqlite3) in the data directory, in WAL mode with
 * synchronous=FULL, so a commit has reached the disk before the server acknowledges it (it
 * survives SIGKILL and power loss). Writes run in IMMEDIATE transactions: the server and a
 * `glassbox token` process can share the file, and the audit log's appends are serialised.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEntry } from '../../core/experiment/auditChain';
import { nextAuditEntry, type AuditEvent } from './auditAppend';
import {
  decodeCursor,
  encodeCursor,
  NameTakenError,
  type NewSignoff,
  type NewSnapshot,
  type NewToken,
  type Role,
  type Signoff,
  type SignoffOutcome,
  type SnapshotPage,
  type SnapshotStore,
  type TokenRecord,
} from './snapshotStore';

export const SQLITE_FILE = 'glassbox.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  body BLOB NOT NULL,
  author TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('editor', 'reviewer', 'auditor')),
  secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS tokens_active_name ON tokens (name) WHERE revoked_at IS NULL;
CREATE TABLE IF NOT EXISTS signoffs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  snapshot_id TEXT NOT NULL REFERENCES snapshots (id),
  reviewer TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  comment TEXT,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS signoffs_snapshot ON signoffs (snapshot_id, seq);
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
`;

interface TokenRow {
  name: string;
  role: Role;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: AuditEntry['action'];
  target: string;
  prev_hash: string;
  hash: string;
}

const tokenRecord = (r: TokenRow): TokenRecord => ({ name: r.name, role: r.role, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at });

export interface SqliteStoreOptions {
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

/** The store's connection: WAL, synchronous=FULL (durable commits), foreign keys, a wait for a busy file; tables created. */
export function openSqliteDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  db.exec(SCHEMA);
  return db;
}

export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): SnapshotStore {
  const db = openSqliteDatabase(dataDir);
  const now = () => (options.now ?? (() => new Date()))().toISOString();

  const lastAudit = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insertAudit = db.prepare('INSERT INTO audit_log (seq, at, actor, action, target, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const appendAudit = (event: AuditEvent, at: string) => {
    const e = nextAuditEntry(lastAudit.get() ?? null, event, at);
    insertAudit.run(e.seq, e.at, e.actor, e.action, e.target, e.prevHash, e.hash);
  };

  const statements = {
    insertToken: db.prepare('INSERT INTO tokens (name, role, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    activeByName: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM tokens WHERE name = ? AND revoked_at IS NULL'),
    tokenByHash: db.prepare<[string], TokenRow>('SELECT name, role, created_at, expires_at, revoked_at FROM tokens WHERE secret_hash = ?'),
    revoke: db.prepare('UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL'),
    snapshotExists: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM snapshots WHERE id = ?'),
    insertSnapshot: db.prepare('INSERT INTO snapshots (id, body, author, note, created_at) VALUES (?, ?, ?, ?, ?)'),
    snapshotBody: db.prepare<[string], { body: Buffer }>('SELECT body FROM snapshots WHERE id = ?'),
    snapshotAuthor: db.prepare<[string], { author: string }>('SELECT author FROM snapshots WHERE id = ?'),
    page: db.prepare<[number, number], { seq: number; id: string; created_at: string; author: string; note: string | null }>(
      'SELECT seq, id, created_at, author, note FROM snapshots WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    insertSignoff: db.prepare('INSERT INTO signoffs (id, snapshot_id, reviewer, decision, comment, at) VALUES (?, ?, ?, ?, ?, ?)'),
    allSignoffs: db.prepare<[number, number], { seq: number; snapshot_id: string; id: string; reviewer: string; decision: 'approve' | 'reject'; comment: string | null; at: string }>(
      'SELECT seq, snapshot_id, id, reviewer, decision, comment, at FROM signoffs WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    signoffs: db.prepare<[string], { id: string; reviewer: string; decision: 'approve' | 'reject'; comment: string | null; at: string }>(
      'SELECT id, reviewer, decision, comment, at FROM signoffs WHERE snapshot_id = ? ORDER BY seq',
    ),
    audit: db.prepare<[], AuditRow>('SELECT seq, at, actor, action, target, prev_hash, hash FROM audit_log ORDER BY seq'),
  };

  const createToken = db.transaction((t: NewToken): TokenRecord => {
    if (statements.activeByName.get(t.name)!.n > 0) throw new NameTakenError(t.name);
    const createdAt = now();
    statements.insertToken.run(t.name, t.role, t.secretHash, createdAt, t.expiresAt);
    return { name: t.name, role: t.role, createdAt, expiresAt: t.expiresAt, revokedAt: null };
  });

  const revokeTokens = db.transaction((name: string, actor: string): number => {
    const at = now();
    const changed = statements.revoke.run(at, name).changes;
    if (changed > 0) appendAudit({ actor, action: 'token.revoke', target: name }, at);
    return changed;
  });

  const createSnapshot = db.transaction((s: NewSnapshot): 'created' | 'exists' => {
    if (statements.snapshotExists.get(s.id)) return 'exists';
    const at = now();
    statements.insertSnapshot.run(s.id, Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength), s.author, s.note, at);
    appendAudit({ actor: s.author, action: 'snapshot.create', target: s.id }, at);
    return 'created';
  });

  const readSnapshot = db.transaction((id: string, actor: string): Uint8Array | null => {
    const row = statements.snapshotBody.get(id);
    if (!row) return null;
    appendAudit({ actor, action: 'snapshot.read', target: id }, now());
    return row.body;
  });

  const createSignoff = db.transaction((s: NewSignoff): SignoffOutcome => {
    const author = statements.snapshotAuthor.get(s.snapshotId);
    if (!author) return { kind: 'not-found' };
    if (author.author === s.reviewer) return { kind: 'own-snapshot' };
    const signoff: Signoff = { id: randomUUID(), reviewer: s.reviewer, decision: s.decision, ...(s.comment !== null ? { comment: s.comment } : {}), at: now() };
    statements.insertSignoff.run(signoff.id, s.snapshotId, s.reviewer, s.decision, s.comment, signoff.at);
    appendAudit({ actor: s.reviewer, action: 'signoff.create', target: s.snapshotId }, signoff.at);
    return { kind: 'created', signoff };
  });

  return {
    engine: 'sqlite',
    async createToken(t) {
      try {
        return createToken.immediate(t);
      } catch (e) {
        // two processes minting the same name at once: the partial unique index decides
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((e as Error).message).includes('tokens.name')) throw new NameTakenError(t.name);
        throw e;
      }
    },
    async findToken(secretHash) {
      const row = statements.tokenByHash.get(secretHash);
      return row ? tokenRecord(row) : null;
    },
    async revokeTokens(name, actor) {
      return revokeTokens.immediate(name, actor);
    },
    async createSnapshot(s) {
      return createSnapshot.immediate(s);
    },
    async readSnapshot(id, actor) {
      return readSnapshot.immediate(id, actor);
    },
    async listSnapshots(limit, cursor) {
      const after = cursor === null ? 0 : decodeCursor(cursor);
      const rows = statements.page.all(after, limit + 1);
      const items = rows.slice(0, limit).map((r) => ({ id: r.id, createdAt: r.created_at, author: r.author, note: r.note }));
      const next = rows.length > limit ? encodeCursor(rows[limit - 1].seq) : null;
      return { items, next } satisfies SnapshotPage;
    },
    async snapshotAuthor(id) {
      return statements.snapshotAuthor.get(id)?.author ?? null;
    },
    async createSignoff(s) {
      return createSignoff.immediate(s);
    },
    async listSignoffs(snapshotId) {
      if (!statements.snapshotExists.get(snapshotId)) return null;
      return statements.signoffs.all(snapshotId).map((r) => ({ id: r.id, reviewer: r.reviewer, decision: r.decision, ...(r.comment !== null ? { comment: r.comment } : {}), at: r.at }));
    },
    async listAllSignoffs(limit, cursor) {
      const rows = statements.allSignoffs.all(cursor === null ? 0 : decodeCursor(cursor), limit + 1);
      const items = rows.slice(0, limit).map((r) => ({ snapshotId: r.snapshot_id, id: r.id, reviewer: r.reviewer, decision: r.decision, ...(r.comment !== null ? { comment: r.comment } : {}), at: r.at }));
      return { items, next: rows.length > limit ? encodeCursor(rows[limit - 1].seq) : null };
    },
    async auditLog() {
      return statements.audit.all().map((r) => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, target: r.target, prevHash: r.prev_hash, hash: r.hash }));
    },
    async close() {
      db.close();
    },
  };
}

/**
 * The team store: PostgreSQL through a pg.Pool, with the SQLite engine's schema and behaviour.
 *
 * - Durability: every write is one transaction committed before the promise resolves, with
 *   `synchronous_commit` on for the session (a server or role default of `off` is overridden), so
 *   an acknowledged write has reached the WAL on disk.
 * - Ordering: the writes that the audit log records take one transaction-level advisory lock
 *   before they touch anything, so audit appends are serialised across connections and processes
 *   (the server and `glassbox token`), the hash chain holds, and snapshot `seq` values become
 *   visible in order (a listing cursor never skips a snapshot committed later with a lower seq).
 * - Text: PostgreSQL `text` cannot hold U+0000, so every free-text value a caller gives (ids,
 *   names, authors, notes, comments, audit actors and targets) is stored as `bytea` holding its
 *   UTF-8 bytes and comes back identical. Values the server produces itself (roles, decisions,
 *   timestamps as `toISOString()` text, hex hashes, UUIDs) are `text`.
 * - Large bodies: bytea is read back in slices (pg decodes a row as hex text, and a 256 MiB body
 *   would exceed V8's longest string).
 */
import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, type PoolClient } from 'pg';
import type { AuditEntry } from '../../core/experiment/auditChain';
import { nextAuditEntry, type AuditEvent } from './auditAppend';
import {
  decodeCursor,
  encodeCursor,
  NameTakenError,
  type Role,
  type Signoff,
  type SignoffOutcome,
  type SnapshotPage,
  type SnapshotStore,
  type TokenRecord,
} from './snapshotStore';

/** Advisory lock keys (per database): 'glassbox' in ASCII, +1 for the audit log. */
const SCHEMA_LOCK = '7452728227165888376';
const AUDIT_LOCK = '7452728227165888377';

/** Bytes of a body fetched per round trip (as hex text: twice that many characters). */
const BODY_SLICE = 32 * 1024 * 1024;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS snapshots (
  seq bigserial PRIMARY KEY,
  id bytea NOT NULL UNIQUE,
  body bytea NOT NULL,
  author bytea NOT NULL,
  note bytea,
  created_at text NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  seq bigserial PRIMARY KEY,
  name bytea NOT NULL,
  role text NOT NULL CHECK (role IN ('editor', 'reviewer', 'auditor')),
  secret_hash text NOT NULL UNIQUE,
  created_at text NOT NULL,
  expires_at text,
  revoked_at text
);
CREATE UNIQUE INDEX IF NOT EXISTS tokens_active_name ON tokens (name) WHERE revoked_at IS NULL;
CREATE TABLE IF NOT EXISTS signoffs (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  snapshot_id bytea NOT NULL REFERENCES snapshots (id),
  reviewer bytea NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approve', 'reject')),
  comment bytea,
  at text NOT NULL
);
CREATE INDEX IF NOT EXISTS signoffs_snapshot ON signoffs (snapshot_id, seq);
CREATE TABLE IF NOT EXISTS audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor bytea NOT NULL,
  action text NOT NULL,
  target bytea NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
`;

/** The relations SCHEMA creates: when all exist, opening needs no DDL (nor CREATE privilege). */
const SCHEMA_RELATIONS = ['snapshots', 'tokens', 'tokens_active_name', 'signoffs', 'signoffs_snapshot', 'audit_log'];

const enc = (s: string): Buffer => Buffer.from(s, 'utf8');
const encOrNull = (s: string | null): Buffer | null => (s === null ? null : enc(s));
const dec = (b: Buffer): string => b.toString('utf8');
const decOrNull = (b: Buffer | null): string | null => (b === null ? null : dec(b));

/** Values bound to `text` columns; they never come from free user text, but say so clearly if they do. */
function text(value: string, what: string): string {
  if (value.includes('\u0000')) throw new Error(`${what} cannot contain U+0000`);
  return value;
}

interface TokenRow {
  name: Buffer;
  role: Role;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

interface AuditRow {
  seq: string;
  at: string;
  actor: Buffer;
  action: AuditEntry['action'];
  target: Buffer;
  prev_hash: string;
  hash: string;
}

export interface PostgresStoreOptions {
  /** Clock for timestamps (tests). */
  now?: () => Date;
}

/** Where a URL points, for messages: host, port, database and user, never the password. */
function describeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // not echoed: it may hold a password
    throw new Error('the database URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`the database URL must start with postgres:// or postgresql:// (not ${u.protocol}//)`);
  }
  const host = u.hostname || u.searchParams.get('host') || process.env.PGHOST || 'localhost';
  const port = u.port || u.searchParams.get('port') || process.env.PGPORT || '5432';
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  const user = decode(u.username) || process.env.PGUSER || '';
  const database = decode(u.pathname.replace(/^\//, '')) || process.env.PGDATABASE || user;
  return `${host}:${port} (database "${database}"${user ? `, user "${user}"` : ''})`;
}

/** Errors that mean the server could not be reached or the session was lost (not a failed statement). */
function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (!(e instanceof DatabaseError)) {
    // socket errors (ECONNREFUSED, ECONNRESET, ENOTFOUND, ETIMEDOUT…) and pg's own connection messages
    const code = (e as { code?: unknown }).code;
    return (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) || /connection|terminated|not queryable|timeout/i.test(e.message);
  }
  const code = e.code ?? '';
  // 08: connection exception; 28: invalid authorisation; 3D000: no such database; 53300: too many
  // connections; 57P: operator intervention (shutdown, cannot connect now)
  return code.startsWith('08') || code.startsWith('28') || code === '3D000' || code === '53300' || code.startsWith('57P');
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<SnapshotStore> {
  const target = describeUrl(url);
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const connectionError = (e: unknown, doing: string): Error => {
    const err = new Error(`PostgreSQL at ${target}: ${doing}: ${e instanceof Error ? e.message : String(e)}`);
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string') Object.assign(err, { code });
    return err;
  };
  const rethrow = (e: unknown, doing: string): never => {
    throw isConnectionError(e) ? connectionError(e, doing) : e;
  };

  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'glassbox',
  });
  // An idle connection that the server drops emits 'error' on the pool: without a listener the
  // process would exit. The pool discards that connection; the next checkout opens another.
  pool.on('error', () => {});

  const ready = new WeakSet<PoolClient>();
  const connect = async (): Promise<PoolClient> => {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw connectionError(e, 'cannot connect');
    }
    if (!ready.has(client)) {
      // a checked-out client whose connection drops between two queries emits 'error' too; the
      // next query then rejects, which is where we report it
      client.on('error', () => {});
      try {
        // durable commits: turn synchronous_commit on unless the session already waits for the
        // local flush (on, local, remote_write, remote_apply)
        await client.query(`SELECT set_config('synchronous_commit', 'on', false) WHERE current_setting('synchronous_commit') = 'off'`);
      } catch (e) {
        client.release(true);
        return rethrow(e, 'setting up the session');
      }
      ready.add(client);
    }
    return client;
  };

  /** Runs fn in one transaction on one connection; COMMIT has returned when this resolves. */
  const transaction = async <T>(fn: (c: PoolClient) => Promise<T>): Promise<T> => {
    const client = await connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      return rethrow(e, 'query failed');
    } finally {
      client.release(broken);
    }
  };

  const query = async <R extends object>(sql: string, params: unknown[]): Promise<R[]> => {
    try {
      return (await pool.query<R>(sql, params)).rows;
    } catch (e) {
      return rethrow(e, 'query failed');
    }
  };

  /** Serialises the writes that append to the audit log (released at COMMIT or ROLLBACK). */
  const lockAudit = async (c: PoolClient) => {
    await c.query(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  };

  /** Appends an entry; the caller holds the audit lock in this transaction. */
  const appendAudit = async (c: PoolClient, event: AuditEvent, at: string) => {
    const last = (await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
    const e = nextAuditEntry(last ? { seq: Number(last.seq), hash: last.hash } : null, event, at);
    await c.query('INSERT INTO audit_log (seq, at, actor, action, target, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      e.seq,
      e.at,
      enc(e.actor),
      e.action,
      enc(e.target),
      e.prevHash,
      e.hash,
    ]);
  };

  // Schema: skipped when everything exists; otherwise created under a session advisory lock so
  // that two processes starting at once do not race on CREATE TABLE IF NOT EXISTS.
  try {
    const setup = await connect();
    let broken = false;
    try {
      const missing = async () =>
        (await setup.query<{ n: string }>('SELECT count(*) AS n FROM unnest($1::text[]) AS r WHERE to_regclass(r) IS NULL', [SCHEMA_RELATIONS])).rows[0].n !== '0';
      if (await missing()) {
        await setup.query(`SELECT pg_advisory_lock(${SCHEMA_LOCK})`);
        try {
          if (await missing()) await setup.query(SCHEMA);
        } finally {
          await setup.query(`SELECT pg_advisory_unlock(${SCHEMA_LOCK})`).catch(() => {
            broken = true; // closing the connection releases the lock
          });
        }
      }
    } catch (e) {
      // e.g. no CREATE privilege on the schema: say which server and what was being done
      throw connectionError(e, 'creating the tables');
    } finally {
      setup.release(broken);
    }
  } catch (e) {
    await pool.end().catch(() => {});
    throw e;
  }

  return {
    engine: 'postgresql',

    async createToken(t) {
      const name = enc(t.name);
      const secretHash = text(t.secretHash, 'a token hash');
      const expiresAt = t.expiresAt === null ? null : text(t.expiresAt, 'an expiry time');
      try {
        return await transaction(async (c) => {
          const createdAt = now();
          await c.query('INSERT INTO tokens (name, role, secret_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [name, t.role, secretHash, createdAt, expiresAt]);
          return { name: t.name, role: t.role, createdAt, expiresAt: t.expiresAt, revokedAt: null } satisfies TokenRecord;
        });
      } catch (e) {
        // an unrevoked token already has the name (the partial unique index decides, also when
        // two processes mint the same name at once)
        if (e instanceof DatabaseError && e.code === '23505' && e.constraint === 'tokens_active_name') throw new NameTakenError(t.name);
        throw e;
      }
    },

    async findToken(secretHash) {
      if (secretHash.includes('\u0000')) return null; // no stored hash can contain it
      const [row] = await query<TokenRow>('SELECT name, role, created_at, expires_at, revoked_at FROM tokens WHERE secret_hash = $1', [secretHash]);
      return row ? { name: dec(row.name), role: row.role, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at } : null;
    },

    async revokeTokens(name, actor) {
      return transaction(async (c) => {
        await lockAudit(c);
        const at = now();
        const changed = (await c.query('UPDATE tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL', [at, enc(name)])).rowCount ?? 0;
        if (changed > 0) await appendAudit(c, { actor, action: 'token.revoke', target: name }, at);
        return changed;
      });
    },

    async createSnapshot(s) {
      const body = Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength);
      return transaction(async (c) => {
        // the lock first: seq values are then handed out and committed in order
        await lockAudit(c);
        const at = now();
        const inserted = await c.query('INSERT INTO snapshots (id, body, author, note, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING', [
          enc(s.id),
          body,
          enc(s.author),
          encOrNull(s.note),
          at,
        ]);
        if (inserted.rowCount === 0) return 'exists';
        await appendAudit(c, { actor: s.author, action: 'snapshot.create', target: s.id }, at);
        return 'created';
      });
    },

    async readSnapshot(id, actor) {
      const key = enc(id);
      return transaction(async (c) => {
        const first = (
          await c.query<{ n: number; head: Buffer }>('SELECT octet_length(body) AS n, substring(body FROM 1 FOR $2) AS head FROM snapshots WHERE id = $1', [key, BODY_SLICE])
        ).rows[0];
        if (!first) return null;
        const parts = [first.head];
        for (let from = BODY_SLICE; from < first.n; from += BODY_SLICE) {
          parts.push((await c.query<{ part: Buffer }>('SELECT substring(body FROM $2 FOR $3) AS part FROM snapshots WHERE id = $1', [key, from + 1, BODY_SLICE])).rows[0].part);
        }
        const body = parts.length === 1 ? parts[0] : Buffer.concat(parts);
        // read first, lock after: a large body does not hold up everyone else's writes
        await lockAudit(c);
        await appendAudit(c, { actor, action: 'snapshot.read', target: id }, now());
        return body;
      });
    },

    async listSnapshots(limit, cursor) {
      const after = cursor === null ? 0 : decodeCursor(cursor);
      const rows = await query<{ seq: string; id: Buffer; created_at: string; author: Buffer; note: Buffer | null }>(
        'SELECT seq, id, created_at, author, note FROM snapshots WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, limit + 1],
      );
      const items = rows.slice(0, limit).map((r) => ({ id: dec(r.id), createdAt: r.created_at, author: dec(r.author), note: decOrNull(r.note) }));
      const next = rows.length > limit ? encodeCursor(Number(rows[limit - 1].seq)) : null;
      return { items, next } satisfies SnapshotPage;
    },

    async snapshotAuthor(id) {
      const [row] = await query<{ author: Buffer }>('SELECT author FROM snapshots WHERE id = $1', [enc(id)]);
      return row ? dec(row.author) : null;
    },

    async createSignoff(s) {
      return transaction(async (c): Promise<SignoffOutcome> => {
        await lockAudit(c);
        const row = (await c.query<{ author: Buffer }>('SELECT author FROM snapshots WHERE id = $1', [enc(s.snapshotId)])).rows[0];
        if (!row) return { kind: 'not-found' };
        if (dec(row.author) === s.reviewer) return { kind: 'own-snapshot' };
        const signoff: Signoff = { id: randomUUID(), reviewer: s.reviewer, decision: s.decision, ...(s.comment !== null ? { comment: s.comment } : {}), at: now() };
        await c.query('INSERT INTO signoffs (id, snapshot_id, reviewer, decision, comment, at) VALUES ($1, $2, $3, $4, $5, $6)', [
          signoff.id,
          enc(s.snapshotId),
          enc(s.reviewer),
          s.decision,
          encOrNull(s.comment),
          signoff.at,
        ]);
        await appendAudit(c, { actor: s.reviewer, action: 'signoff.create', target: s.snapshotId }, signoff.at);
        return { kind: 'created', signoff };
      });
    },

    async listSignoffs(snapshotId) {
      // one statement: a snapshot without sign-offs gives one row of NULLs, an unknown one none
      const rows = await query<{ id: string | null; reviewer: Buffer | null; decision: 'approve' | 'reject' | null; comment: Buffer | null; at: string | null }>(
        `SELECT o.id, o.reviewer, o.decision, o.comment, o.at
           FROM snapshots s LEFT JOIN signoffs o ON o.snapshot_id = s.id
          WHERE s.id = $1 ORDER BY o.seq`,
        [enc(snapshotId)],
      );
      if (rows.length === 0) return null;
      return rows
        .filter((r) => r.id !== null)
        .map((r) => ({ id: r.id!, reviewer: dec(r.reviewer!), decision: r.decision!, ...(r.comment !== null ? { comment: dec(r.comment) } : {}), at: r.at! }));
    },

    async listAllSignoffs(limit, cursor) {
      const after = cursor === null ? 0 : decodeCursor(cursor);
      const rows = await query<{ seq: string; snapshot_id: Buffer; id: string; reviewer: Buffer; decision: 'approve' | 'reject'; comment: Buffer | null; at: string }>(
        'SELECT seq, snapshot_id, id, reviewer, decision, comment, at FROM signoffs WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, limit + 1],
      );
      const items = rows.slice(0, limit).map((r) => ({ snapshotId: dec(r.snapshot_id), id: r.id, reviewer: dec(r.reviewer), decision: r.decision, ...(r.comment !== null ? { comment: dec(r.comment) } : {}), at: r.at }));
      return { items, next: rows.length > limit ? encodeCursor(Number(rows[limit - 1].seq)) : null };
    },

    async auditLog() {
      const rows = await query<AuditRow>('SELECT seq, at, actor, action, target, prev_hash, hash FROM audit_log ORDER BY seq', []);
      return rows.map((r) => ({ seq: Number(r.seq), at: r.at, actor: dec(r.actor), action: r.action, target: dec(r.target), prevHash: r.prev_hash, hash: r.hash }));
    },

    async close() {
      await pool.end();
    },
  };
}

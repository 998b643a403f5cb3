/**
 * What the snapshot server keeps, behind one interface with two engines: SQLite (a file in the
 * data directory, the default) and PostgreSQL (for teams). Both run the same test suite
 * (storeContract.test.ts). Every write that the audit log records is appended to the log in the
 * same transaction, so the log and the data never disagree.
 */
import type { AuditEntry } from '../../core/experiment/auditChain';
import type { Role, Signoff, SignoffPage, SnapshotPage } from '../../core/experiment/teamServerTypes';

export { ROLES, type Role, type Signoff, type SignoffListItem, type SignoffPage, type SnapshotListItem, type SnapshotPage } from '../../core/experiment/teamServerTypes';

export interface TokenRecord {
  name: string;
  role: Role;
  createdAt: string;
  /** ISO time after which the token is refused; null = no expiry. */
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewToken {
  name: string;
  role: Role;
  /** SHA-256 hex of the bearer secret; the secret itself is never stored. */
  secretHash: string;
  expiresAt: string | null;
}

export interface NewSnapshot {
  id: string;
  /** The request body exactly as received: GET returns these bytes. */
  bytes: Uint8Array;
  /** Name of the token that creates it. */
  author: string;
  note: string | null;
}

export interface NewSignoff {
  snapshotId: string;
  reviewer: string;
  decision: 'approve' | 'reject';
  comment: string | null;
}

export type SignoffOutcome = { kind: 'created'; signoff: Signoff } | { kind: 'not-found' } | { kind: 'own-snapshot' };

export interface SnapshotStore {
  readonly engine: 'sqlite' | 'postgresql';

  /** Adds a token; throws NameTakenError when an unrevoked token already has the name. */
  createToken(token: NewToken): Promise<TokenRecord>;
  /** The token whose secret hashes to this, revoked and expired ones included (the caller decides). */
  findToken(secretHash: string): Promise<TokenRecord | null>;
  /** Revokes every token with the name (audit `token.revoke`); returns how many were still active. */
  revokeTokens(name: string, actor: string): Promise<number>;

  /** Stores a snapshot and logs `snapshot.create`, durably, before resolving; an id already stored is left as it is. */
  createSnapshot(snapshot: NewSnapshot): Promise<'created' | 'exists'>;
  /** The stored bytes (and logs `snapshot.read` by the actor); null for an unknown id (nothing logged). */
  readSnapshot(id: string, actor: string): Promise<Uint8Array | null>;
  /** Oldest first; `cursor` is a `next` from an earlier page. Throws InvalidCursorError. */
  listSnapshots(limit: number, cursor: string | null): Promise<SnapshotPage>;
  snapshotAuthor(id: string): Promise<string | null>;

  /** Adds a sign-off (audit `signoff.create`) unless the snapshot is unknown or the reviewer is its author. */
  createSignoff(signoff: NewSignoff): Promise<SignoffOutcome>;
  /** Oldest first; null for an unknown snapshot. */
  listSignoffs(snapshotId: string): Promise<Signoff[] | null>;
  /** Every sign-off of every snapshot, oldest first, in pages (the experiments list shows who signed off what). */
  listAllSignoffs(limit: number, cursor: string | null): Promise<SignoffPage>;

  auditLog(): Promise<AuditEntry[]>;

  close(): Promise<void>;
}

export class NameTakenError extends Error {
  constructor(name: string) {
    super(`a token named '${name}' already exists (revoke it first, or choose another name)`);
    this.name = 'NameTakenError';
  }
}

export class InvalidCursorError extends Error {
  constructor() {
    super('cursor is not one this server gave out');
    this.name = 'InvalidCursorError';
  }
}

/** Listing cursors: the last row's sequence number, as text (opaque to clients). */
export function encodeCursor(seq: number): string {
  return `s${seq}`;
}

export function decodeCursor(cursor: string): number {
  const m = /^s([0-9]{1,15})$/.exec(cursor);
  if (!m) throw new InvalidCursorError();
  return Number(m[1]);
}

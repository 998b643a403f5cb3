/**
 * The snapshot server's hash-chained audit log (shared/spec/cli.md, "Snapshot server"): entries in
 * ascending `seq` from 1 without gaps; the first `prevHash` is 64 zeros; `hash` = hex SHA-256 of
 * `prevHash` + the RFC 8785 JSON of the entry without `hash`. The server appends with this, and
 * `glassbox verify --server`, the app and the tests check a whole log with it.
 */
import { sha256Hex } from '../fingerprint/sha256';
import { canonicalJson } from './canonicalJson';

export const AUDIT_ACTIONS = ['snapshot.create', 'snapshot.read', 'signoff.create', 'token.revoke'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryBody {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  target: string;
  prevHash: string;
}

export interface AuditEntry extends AuditEntryBody {
  hash: string;
}

/** The text whose SHA-256 is an entry's hash. */
export function auditHashInput(entry: AuditEntryBody): string {
  const { seq, at, actor, action, target, prevHash } = entry;
  return prevHash + canonicalJson({ seq, at, actor, action, target, prevHash });
}

export interface AuditChainCheck {
  ok: boolean;
  /** 1-based position of the first entry that breaks the chain (null when it holds). */
  brokenAt: number | null;
  reason: string | null;
}

/** Checks a whole log: sequence numbers 1..n, each prevHash the previous hash, each hash recomputed. */
export async function checkAuditChain(entries: readonly unknown[]): Promise<AuditChainCheck> {
  let prev = GENESIS_HASH;
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k] as Partial<AuditEntry> | null;
    const broken = (reason: string): AuditChainCheck => ({ ok: false, brokenAt: k + 1, reason: `entry ${k + 1}: ${reason}` });
    if (entry === null || typeof entry !== 'object') return broken('not an object');
    if (entry.seq !== k + 1) return broken(`seq is ${String(entry.seq)}, expected ${k + 1}`);
    if (entry.prevHash !== prev) return broken('prevHash is not the previous entry’s hash');
    if (typeof entry.hash !== 'string' || (await sha256Hex(auditHashInput(entry as AuditEntry))) !== entry.hash) return broken('hash does not match its content');
    prev = entry.hash;
  }
  return { ok: true, brokenAt: null, reason: null };
}

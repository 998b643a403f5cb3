/**
 * The next audit-log entry after the last one (or the first), hashed with node:crypto so that
 * stores can append inside a synchronous transaction. The hash is the one checkAuditChain
 * recomputes: SHA-256 of prevHash + RFC 8785 JSON of the entry without `hash`.
 */
import { createHash } from 'node:crypto';
import { auditHashInput, GENESIS_HASH, type AuditAction, type AuditEntry } from '../../core/experiment/auditChain';

export interface AuditEvent {
  actor: string;
  action: AuditAction;
  target: string;
}

export function nextAuditEntry(last: Pick<AuditEntry, 'seq' | 'hash'> | null, event: AuditEvent, at: string): AuditEntry {
  const body = {
    seq: last ? last.seq + 1 : 1,
    at,
    actor: event.actor,
    action: event.action,
    target: event.target,
    prevHash: last ? last.hash : GENESIS_HASH,
  };
  return { ...body, hash: createHash('sha256').update(auditHashInput(body), 'utf8').digest('hex') };
}

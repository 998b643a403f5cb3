/**
 * What a snapshot server's audit log says of one snapshot: whether the whole chain holds
 * (checkAuditChain), the `snapshot.create` entry of the id (who, when), and how often it was read
 * and signed off. `glassbox verify --server` and the app's auditor view both judge by `reasons`.
 */
import { checkAuditChain, type AuditEntry } from './auditChain';

export interface AuditLogRecord {
  entries: number;
  chainOk: boolean;
  created: { actor: string; at: string; seq: number } | null;
  reads: number;
  signoffs: number;
  /** Why the log does not vouch for the snapshot (empty when it does). */
  reasons: string[];
}

export async function auditLogRecord(entries: readonly unknown[], id: string): Promise<AuditLogRecord> {
  const chain = await checkAuditChain(entries);
  const mine = (entries as AuditEntry[]).filter((e) => e !== null && typeof e === 'object' && e.target === id);
  const create = mine.find((e) => e.action === 'snapshot.create');
  const reasons: string[] = [];
  if (!chain.ok) reasons.push(`the server's audit log chain is broken at ${chain.reason}`);
  if (!create) reasons.push(`the id ${id} has no snapshot.create entry in the server's audit log`);
  return {
    entries: entries.length,
    chainOk: chain.ok,
    created: create ? { actor: create.actor, at: create.at, seq: create.seq } : null,
    reads: mine.filter((e) => e.action === 'snapshot.read').length,
    signoffs: mine.filter((e) => e.action === 'signoff.create').length,
    reasons,
  };
}

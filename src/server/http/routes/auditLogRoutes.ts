/** GET /api/audit-log (auditor, reviewer): every entry in ascending seq, hash-chained (core/experiment/auditChain.ts). */
import type { FastifyInstance } from 'fastify';
import type { SnapshotStore } from '../../store/snapshotStore';

export function auditLogRoutes(app: FastifyInstance, store: SnapshotStore): void {
  app.get('/api/audit-log', { config: { roles: ['auditor', 'reviewer'] } }, async () => store.auditLog());
}

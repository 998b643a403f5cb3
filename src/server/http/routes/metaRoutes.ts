/**
 * Public GET /api/health (the app uses it to find the server), GET /api/openapi.json (the API's
 * description), and GET /api/me (any role): who the token belongs to, so the app can show it.
 */
import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../core/experiment/teamServerTypes';
import type { SnapshotStore } from '../../store/snapshotStore';
import { callerOf } from '../authenticate';
import { openApiDocument } from '../openApiDocument';

export interface ServerInfo {
  version: string;
  appBuilt: boolean;
  maxBody: number;
}

export function metaRoutes(app: FastifyInstance, store: SnapshotStore, info: ServerInfo): void {
  app.get('/api/health', async () => ({ status: 'ok', service: 'glassbox', version: info.version, storage: store.engine, app: info.appBuilt, maxBody: info.maxBody }));
  app.get('/api/openapi.json', async () => openApiDocument(info.version, info.maxBody));
  app.get('/api/me', { config: { roles: ROLES } }, async (request) => callerOf(request));
}

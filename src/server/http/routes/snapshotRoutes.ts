/**
 * POST /api/snapshots (editor), GET /api/snapshots/{id} and GET /api/snapshots (any role).
 * A snapshot is accepted when it is a valid version-1 snapshot whose id equals the recomputed
 * content hash; its bytes are stored exactly as sent and 201 is sent only after the commit.
 */
import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../core/experiment/teamServerTypes';
import { isGlassboxError } from '../../../core/errors/errors';
import { validateSnapshot } from '../../../core/experiment/readSnapshot';
import { snapshotId } from '../../../core/experiment/snapshotId';
import type { SnapshotStore } from '../../store/snapshotStore';
import { callerOf } from '../authenticate';
import { HttpError } from '../httpError';
import { pageQuery, readPage, type Query } from '../pageQuery';
import { bodyBytes, jsonBody } from '../requestBody';

export function snapshotRoutes(app: FastifyInstance, store: SnapshotStore, maxBody: number): void {
  app.post('/api/snapshots', { config: { roles: ['editor'] }, bodyLimit: maxBody }, async (request, reply) => {
    const caller = callerOf(request);
    const bytes = bodyBytes(request.body);
    const json = jsonBody(bytes);
    let snapshot;
    try {
      snapshot = validateSnapshot(json, 'the body');
    } catch (e) {
      if (isGlassboxError(e)) throw new HttpError(400, e.message);
      throw e;
    }
    let recomputed: string;
    try {
      recomputed = await snapshotId(snapshot);
    } catch (e) {
      // a number too large for a double (1e400 → Infinity) or nesting deeper than the stack allows
      if (e instanceof TypeError || e instanceof RangeError) throw new HttpError(400, `the snapshot has no canonical JSON form (${e.message})`);
      throw e;
    }
    if (recomputed !== snapshot.id) throw new HttpError(400, `the snapshot's id ${snapshot.id} does not match its content (recomputed ${recomputed}): it was changed after it was made`);
    const outcome = await store.createSnapshot({ id: snapshot.id, bytes, author: caller.name, note: snapshot.note ?? null });
    return reply.code(outcome === 'created' ? 201 : 200).send({ id: snapshot.id });
  });

  app.get<{ Params: { id: string } }>('/api/snapshots/:id', { config: { roles: ROLES } }, async (request, reply) => {
    const caller = callerOf(request);
    const bytes = await store.readSnapshot(request.params.id, caller.name);
    if (bytes === null) throw new HttpError(404, `no snapshot with id ${request.params.id}`);
    return reply.type('application/json; charset=utf-8').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  app.get<{ Querystring: Query }>('/api/snapshots', { config: { roles: ROLES } }, async (request) => {
    const { limit, cursor } = pageQuery(request.query);
    return readPage(cursor, () => store.listSnapshots(limit, cursor));
  });
}

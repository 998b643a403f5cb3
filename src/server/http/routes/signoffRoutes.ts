/**
 * POST /api/snapshots/{id}/signoffs (reviewer, not the snapshot's author) and GET (any role);
 * GET /api/signoffs (any role): every sign-off, oldest first, in pages — the app's experiments
 * list shows who signed off what from it. Sign-offs are separate records: the snapshot never changes.
 */
import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../../core/experiment/teamServerTypes';
import { z } from 'zod';
import type { SnapshotStore } from '../../store/snapshotStore';
import { callerOf } from '../authenticate';
import { HttpError } from '../httpError';
import { pageQuery, readPage, type Query } from '../pageQuery';
import { bodyBytes, jsonBody } from '../requestBody';

export const SIGNOFF_BODY_LIMIT = 64 * 1024;
const MAX_COMMENT = 10_000;

const signoffBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(MAX_COMMENT).nullable().optional(),
});

export function signoffRoutes(app: FastifyInstance, store: SnapshotStore, maxBody: number): void {
  app.post<{ Params: { id: string } }>(
    '/api/snapshots/:id/signoffs',
    { config: { roles: ['reviewer'] }, bodyLimit: Math.min(maxBody, SIGNOFF_BODY_LIMIT) },
    async (request, reply) => {
      const caller = callerOf(request);
      const parsed = signoffBody.safeParse(jsonBody(bodyBytes(request.body)));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue.path.length ? issue.path.join('.') : 'the body';
        throw new HttpError(400, `a sign-off is { "decision": "approve" | "reject", "comment"?: text up to ${MAX_COMMENT} characters }: ${where}: ${issue.message}`);
      }
      const outcome = await store.createSignoff({ snapshotId: request.params.id, reviewer: caller.name, decision: parsed.data.decision, comment: parsed.data.comment ?? null });
      if (outcome.kind === 'not-found') throw new HttpError(404, `no snapshot with id ${request.params.id}`);
      if (outcome.kind === 'own-snapshot') throw new HttpError(403, `${caller.name} created this snapshot and cannot sign it off (another reviewer must)`);
      return reply.code(201).send(outcome.signoff);
    },
  );

  app.get<{ Querystring: Query }>('/api/signoffs', { config: { roles: ROLES } }, async (request) => {
    const { limit, cursor } = pageQuery(request.query);
    return readPage(cursor, () => store.listAllSignoffs(limit, cursor));
  });

  app.get<{ Params: { id: string } }>('/api/snapshots/:id/signoffs', { config: { roles: ROLES } }, async (request) => {
    const list = await store.listSignoffs(request.params.id);
    if (list === null) throw new HttpError(404, `no snapshot with id ${request.params.id}`);
    return list;
  });
}

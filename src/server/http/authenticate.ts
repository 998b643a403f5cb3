/**
 * Bearer-token authentication and role checks, done in `onRequest` — before any body is read, so
 * an anonymous or unauthorised upload is refused without reading it. Tokens are looked up in the
 * store on every request: tokens minted or revoked by `glassbox token` apply at once.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tokenSecretHash } from '../auth/tokenSecret';
import type { Role, SnapshotStore, TokenRecord } from '../store/snapshotStore';
import { HttpError } from './httpError';

export interface Caller {
  name: string;
  role: Role;
  expiresAt: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; absent = public. */
    roles?: readonly Role[];
  }
}

export function authenticateHook(store: SnapshotStore, now: () => Date) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const roles = request.routeOptions.config?.roles;
    if (!roles) return;
    const header = request.headers.authorization;
    const refuse = (message: string): never => {
      reply.header('WWW-Authenticate', 'Bearer realm="glassbox"');
      throw new HttpError(401, message);
    };
    if (header === undefined) refuse('no token: send Authorization: Bearer <token> (glassbox token mints one)');
    const m = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i.exec(header!);
    if (!m) refuse('the Authorization header must be "Bearer <token>"');
    const token: TokenRecord | null = await store.findToken(tokenSecretHash(m![1]));
    if (!token) refuse('token not recognised');
    if (token!.revokedAt !== null) refuse('token revoked');
    if (token!.expiresAt !== null && Date.parse(token!.expiresAt) <= now().getTime()) refuse('token expired');
    if (!roles.includes(token!.role)) {
      throw new HttpError(403, `${token!.role === 'editor' || token!.role === 'auditor' ? 'an' : 'a'} ${token!.role} token may not do this (allowed: ${roles.join(', ')})`);
    }
    request.caller = { name: token!.name, role: token!.role, expiresAt: token!.expiresAt };
  };
}

/** The authenticated caller of a route that declares roles. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpError(401, 'not authenticated');
  return request.caller;
}

/**
 * The snapshot server's HTTP front (shared/spec/cli.md, "Snapshot server"), as a Fastify instance
 * over a SnapshotStore. Bodies are read as raw bytes by one parser (a snapshot is stored exactly as
 * sent), tokens are checked before any body is read, every response carries COOP/COEP, and bad
 * input gets a 4xx with `{ "error" }` — a 500 only for a fault of the server itself.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createServer } from 'node:http';
import type { SnapshotStore } from '../store/snapshotStore';
import { appFiles, isAppBuilt } from './appFiles';
import { authenticateHook } from './authenticate';
import { HttpError } from './httpError';
import { auditLogRoutes } from './routes/auditLogRoutes';
import { metaRoutes } from './routes/metaRoutes';
import { signoffRoutes } from './routes/signoffRoutes';
import { snapshotRoutes } from './routes/snapshotRoutes';

export const DEFAULT_MAX_BODY = 256 * 2 ** 20;

export interface ServerOptions {
  store: SnapshotStore;
  /** Directory of the built app (index.html); null or missing → `/` answers 503. */
  appDir: string | null;
  maxBody?: number;
  version?: string;
  now?: () => Date;
  /** Where unexpected faults are reported (stderr by default). */
  logFault?: (message: string) => void;
  /** Told of every route as it is registered (the OpenAPI test compares them with the document). */
  onRoute?: (method: string, url: string) => void;
}

const SECURITY_HEADERS: Record<string, string> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const now = options.now ?? (() => new Date());
  const logFault = options.logFault ?? ((m: string) => process.stderr.write(`${m}\n`));
  const app = Fastify({
    bodyLimit: maxBody,
    logger: false,
    return503OnClosing: true,
    // every answer carries the headers, also the router's own (a malformed %-escape, a URI too long)
    serverFactory: (handler) =>
      createServer((request, response) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
        handler(request, response);
      }),
    // requests the HTTP parser rejects (bad request line, oversized headers) also get the headers
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify({ error: `malformed HTTP request (${(err as NodeJS.ErrnoException).code ?? 'bad request'})` });
      const headers = Object.entries(SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${headers}connection: close\r\n\r\n${body}`);
    },
  });
  app.decorateRequest('caller', null);
  if (options.onRoute) {
    const tell = options.onRoute;
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) tell(method, route.url);
    });
  }

  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
  app.addHook('onRequest', authenticateHook(options.store, now));

  // one parser for every content type (or none): routes read the bytes themselves
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error: FastifyError | HttpError, _request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (error instanceof HttpError) return reply.code(error.status).send({ error: error.message });
    const status = (error as FastifyError).statusCode;
    if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // the rest of the body is not read: close the connection instead of draining it
      reply.header('connection', 'close');
      return reply.code(413).send({ error: `the request body is over the server's limit of ${maxBody} bytes (glassbox serve --max-body)` });
    }
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status === 415 ? 400 : status).send({ error: error.message });
    }
    logFault(`glassbox serve: internal error: ${(error as Error).stack ?? String(error)}`);
    return reply.code(500).send({ error: 'internal server error (the server log has the details)' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.headers(SECURITY_HEADERS);
    return reply.code(404).send({ error: `no such resource: ${request.method} ${request.url.split('?')[0]}` });
  });

  const appBuilt = isAppBuilt(options.appDir);
  snapshotRoutes(app, options.store, maxBody);
  signoffRoutes(app, options.store, maxBody);
  auditLogRoutes(app, options.store);
  metaRoutes(app, options.store, { version: options.version ?? 'dev', appBuilt, maxBody });
  await appFiles(app, options.appDir);
  return app;
}

/**
 * The built app (vite build → dist/app) on the same origin as the API, so the app needs no CORS
 * and, with the COOP/COEP headers every response carries, onnxruntime-web may use threads.
 * Without a built app the API still works and the app's paths answer 503 saying how to build it.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function isAppBuilt(appDir: string | null): appDir is string {
  return appDir !== null && existsSync(join(appDir, 'index.html'));
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Glassbox server</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The Glassbox app is not built here</h1>
<p>The snapshot server is running and its API answers under <code>/api/</code>
(<a href="/api/openapi.json">OpenAPI description</a>), but there is no built app to serve.</p>
<p>Run <code>npm run build</code> in the repository, then restart <code>glassbox serve</code>.</p>
</body></html>`;

export async function appFiles(app: FastifyInstance, appDir: string | null): Promise<void> {
  if (isAppBuilt(appDir)) {
    await app.register(fastifyStatic, { root: appDir, index: ['index.html'], wildcard: true, serveDotFiles: false });
    return;
  }
  app.get('/', async (_request, reply) => reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT));
}

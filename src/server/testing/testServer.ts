/** A snapshot server on a free port over a fresh store of one engine, with tokens minted straight into the store. */
import type { FastifyInstance } from 'fastify';
import { newTokenSecret, tokenSecretHash } from '../auth/tokenSecret';
import { buildServer, type ServerOptions } from '../http/buildServer';
import type { Role, SnapshotStore } from '../store/snapshotStore';
import type { StoreEngine, StoreLocation } from './storeEngines';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  store: SnapshotStore;
  location: StoreLocation;
  mint(role: Role, name: string, expiresAt?: string | null): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(engine: StoreEngine, options: Partial<Omit<ServerOptions, 'store'>> = {}): Promise<TestServer> {
  const location = await engine.create();
  const store = await location.open();
  const app = await buildServer({ store, appDir: null, logFault: () => {}, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    store,
    location,
    async mint(role, name, expiresAt = null) {
      const secret = newTokenSecret();
      await store.createToken({ name, role, secretHash: tokenSecretHash(secret), expiresAt });
      return secret;
    },
    async close() {
      await app.close();
      await store.close();
      await location.dispose();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

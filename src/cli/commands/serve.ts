/**
 * `glassbox serve [--port 8787] [--host 127.0.0.1] [--data-dir ./glassbox-data]
 * [--database-url postgres://…] [--max-body 256mb]` (shared/spec/cli.md, "Snapshot server"):
 * the snapshot server plus the built app on one origin. Prints one line when it listens and
 * runs until SIGINT/SIGTERM, then closes the store (every acknowledged write is already durable).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../core/errors/errors';
import { GLASSBOX_VERSION } from '../../core/version';
import { parseByteSize } from '../../server/config/byteSize';
import { storeTarget } from '../../server/config/storeLocation';
import { isAppBuilt } from '../../server/http/appFiles';
import { buildServer, DEFAULT_MAX_BODY } from '../../server/http/buildServer';
import { describeTarget, openStore } from '../../server/store/openStore';
import { parseOptions, stringOption } from '../args';
import type { CliIo } from '../io/writeOutput';

/** The built app beside the CLI bundle (dist/cli/glassbox.mjs → dist/app), or GLASSBOX_APP_DIR. */
function defaultAppDir(): string | null {
  if (process.env.GLASSBOX_APP_DIR) return process.env.GLASSBOX_APP_DIR;
  try {
    const dir = fileURLToPath(new URL('../app/', import.meta.url));
    return existsSync(dir) ? dir : null;
  } catch {
    return null;
  }
}

export async function serveCommand(argv: readonly string[], io: CliIo): Promise<void> {
  const options = parseOptions('serve', argv, {
    port: { value: true },
    host: { value: true },
    'data-dir': { value: true },
    'database-url': { value: true },
    'max-body': { value: true },
  });
  const portText = stringOption(options, 'port') ?? '8787';
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) throw new InputError(`--port '${portText}' is not a port number (0 to 65535; 0 picks a free one)`);
  const host = stringOption(options, 'host') ?? '127.0.0.1';
  const maxBodyText = stringOption(options, 'max-body');
  const maxBody = maxBodyText === undefined ? DEFAULT_MAX_BODY : parseByteSize(maxBodyText);
  const target = storeTarget({ dataDir: stringOption(options, 'data-dir'), databaseUrl: stringOption(options, 'database-url') });
  const store = await openStore(target);
  const appDir = defaultAppDir();
  const app = await buildServer({ store, appDir, maxBody, version: GLASSBOX_VERSION });
  let address: string;
  try {
    address = await app.listen({ port: Number(portText), host });
  } catch (e) {
    await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'EADDRINUSE' ? `port ${portText} on ${host} is in use (choose another with --port)` : `cannot listen on ${host}:${portText} (${code ?? (e as Error).message})`);
  }
  const appNote = isAppBuilt(appDir) ? `app from ${appDir}` : 'app not built: / answers 503 (run npm run build)';
  io.stdout(`glassbox server listening on ${address} (${describeTarget(target)}; ${appNote}; max body ${maxBody} bytes)\n`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

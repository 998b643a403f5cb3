/**
 * Where `serve` and `token` keep their data: `--database-url` (PostgreSQL) wins, then
 * `--data-dir`, then `DATABASE_URL` from the environment, then ./glassbox-data (SQLite).
 */
import { InputError } from '../../core/errors/errors';

export type StoreTarget = { engine: 'sqlite'; dataDir: string } | { engine: 'postgresql'; url: string };

export const DEFAULT_DATA_DIR = './glassbox-data';

export function storeTarget(options: { dataDir?: string; databaseUrl?: string }, env: Record<string, string | undefined> = process.env): StoreTarget {
  const url = options.databaseUrl ?? (options.dataDir === undefined ? env.DATABASE_URL || undefined : undefined);
  if (url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new InputError(`database URL '${redactUrl(url)}' is not a PostgreSQL URL (postgres://user:password@host:5432/db)`);
    return { engine: 'postgresql', url };
  }
  return { engine: 'sqlite', dataDir: options.dataDir ?? DEFAULT_DATA_DIR };
}

/** A URL safe to print: the password replaced. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

/** `limit` (1..500, default 50) and `cursor` of a paged listing; anything else is a 400. */
import { InvalidCursorError } from '../store/snapshotStore';
import { HttpError } from './httpError';

export type Query = Record<string, string | string[] | undefined>;

export function pageQuery(query: Query): { limit: number; cursor: string | null } {
  const value = query.limit;
  let limit = 50;
  if (value !== undefined) {
    if (Array.isArray(value) || !/^[0-9]{1,3}$/.test(value) || Number(value) < 1 || Number(value) > 500) {
      throw new HttpError(400, `limit must be a whole number from 1 to 500 (got '${String(value)}')`);
    }
    limit = Number(value);
  }
  const cursor = query.cursor;
  if (Array.isArray(cursor) || cursor === '') throw new HttpError(400, 'cursor must be one value from an earlier page’s "next"');
  return { limit, cursor: cursor ?? null };
}

/** Runs a page read, turning a cursor the store does not know into a 400. */
export async function readPage<T>(cursor: string | null, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof InvalidCursorError) throw new HttpError(400, `cursor '${cursor}' is not one this server gave out`);
    throw e;
  }
}

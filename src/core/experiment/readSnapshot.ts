/**
 * Reading a snapshot: the text must be JSON, and the JSON a version-1 Glassbox snapshot (zod
 * validation); anything else is an InputError naming the first problem — `glassbox verify` and
 * `report` exit 2 on it, the app shows it.
 */
import { InputError } from '../errors/errors';
import { snapshotSchema, type Snapshot } from './snapshotSchema';

export function parseSnapshot(text: string, source = 'the snapshot'): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`${source} is not JSON`);
  }
  return validateSnapshot(json, source);
}

export function validateSnapshot(json: unknown, source = 'the snapshot'): Snapshot {
  const result = snapshotSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'the document';
    throw new InputError(`${source} is not a Glassbox snapshot (version 1): ${where}: ${issue.message}`);
  }
  return result.data;
}

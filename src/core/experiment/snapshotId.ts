/** A snapshot's id: the SHA-256 (lowercase hex) of the UTF-8 RFC 8785 canonical JSON of the snapshot without `id`. */
import { sha256Hex } from '../fingerprint/sha256';
import { canonicalJson } from './canonicalJson';
import type { Snapshot, SnapshotBody } from './snapshotSchema';

export function snapshotId(body: SnapshotBody | Snapshot): Promise<string> {
  const { id: _id, ...rest } = body as Snapshot;
  return sha256Hex(canonicalJson(rest));
}

export async function withId(body: SnapshotBody): Promise<Snapshot> {
  const id = await snapshotId(body);
  // id first, for readers of the file
  return { id, ...body } as Snapshot;
}

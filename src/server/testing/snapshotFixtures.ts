/** Valid snapshots for server tests: the report tests' sample (bare, data referenced) with a note of choice and its id recomputed. */
import { withId } from '../../core/experiment/snapshotId';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { sampleSnapshot } from '../../core/report/testing/sampleSnapshot';

export async function snapshotWithNote(note: string | null, author: string | null = 'A. Scientist'): Promise<Snapshot> {
  const { id: _id, ...body } = sampleSnapshot({ bare: true, embedded: 'none' });
  return withId({ ...body, note, author });
}

/** The snapshot as the app writes it: pretty JSON text. */
export async function snapshotText(note: string | null): Promise<{ id: string; text: string }> {
  const snapshot = await snapshotWithNote(note);
  return { id: snapshot.id, text: JSON.stringify(snapshot, null, 2) };
}

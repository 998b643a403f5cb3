/** A snapshot as a downloadable file (`<id prefix>.glassbox.json`), and a chosen file read back and validated. */
import { parseSnapshot } from '../../core/experiment/readSnapshot';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { downloadBlob } from './downloadBlob';

export function snapshotFileName(snapshot: Snapshot): string {
  return `experiment-${snapshot.id.slice(0, 12)}.glassbox.json`;
}

export function downloadSnapshot(snapshot: Snapshot): void {
  downloadBlob(new Blob([JSON.stringify(snapshot, null, 2)], { type: 'application/json' }), snapshotFileName(snapshot));
}

export async function readSnapshotFile(file: Blob & { name?: string }): Promise<Snapshot> {
  return parseSnapshot(await file.text(), file.name ?? 'the file');
}

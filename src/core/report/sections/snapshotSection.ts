/** The report's opening: which snapshot it reads, when and by whom it was made, its note and its lineage. */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, facts, prose, text } from '../htmlBlocks';
import type { ReportSection } from '../reportParts';

export function snapshotSection(snapshot: Snapshot): ReportSection {
  const parent = snapshot.parent
    ? `${code(snapshot.parent)} — the snapshot this one was derived from`
    : 'none — this snapshot starts its lineage';
  return {
    id: 'snapshot',
    title: 'Snapshot',
    parts: [
      facts([
        ['Snapshot id', code(snapshot.id)],
        ['Created at', text(snapshot.createdAt)],
        ['Author', snapshot.author ? text(snapshot.author) : '<span class="absent">not recorded</span>'],
        ['Note', prose(snapshot.note)],
        ['Parent (lineage)', parent],
        ['Format', `${text(snapshot.format)}, version ${snapshot.version}`],
      ]),
    ],
  };
}

/** How a reader checks the snapshot behind the report with `glassbox verify`, and what each outcome means. */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, paragraph, text } from '../htmlBlocks';
import type { ReportSection } from '../reportParts';

export function verifySection(snapshot: Snapshot, snapshotFile: string): ReportSection {
  const reach = snapshot.data.embedded
    ? 'This snapshot embeds its data, so verify can re-score the model and reproduce the recorded metrics.'
    : 'This snapshot references its data without embedding it, so verify can check the hashes but cannot re-score the model: “consistent” is the best it can report.';
  return {
    id: 'verify',
    title: 'How to verify',
    parts: [
      paragraph('This report is a reading of the snapshot, not a proof on its own. Check the snapshot file it was made from with:'),
      `<pre><code>glassbox verify --snapshot ${text(snapshotFile)}</code></pre>`,
      paragraph(
        '“verified” means the hashes match and, with embedded data, the recorded metrics reproduce (to 1e-9); “consistent” means the hashes match but nothing could be re-scored; “not-verified” means something does not match. ' +
          `The snapshot id (${code(snapshot.id.slice(0, 12))}…) is the SHA-256 of its canonical JSON (RFC 8785) without the id: it shows the content is unchanged, not who produced it. ` +
          `Add ${code('--server URL --token T')} to also check the id against the server’s audit log.`,
      ),
      paragraph(reach),
    ],
  };
}

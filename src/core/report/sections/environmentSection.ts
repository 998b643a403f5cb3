/** Environment: the software that made the snapshot, and the Glassbox that wrote this report. */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { GLASSBOX_VERSION } from '../../version';
import { code, facts, text } from '../htmlBlocks';
import type { ReportSection } from '../reportParts';

export function environmentSection(snapshot: Snapshot): ReportSection {
  const env = snapshot.environment;
  return {
    id: 'environment',
    title: 'Environment',
    parts: [
      facts([
        ['Glassbox', text(env.glassbox)],
        ['Commit', env.commit ? code(env.commit) : '<span class="absent">not recorded</span>'],
        ['Runtime', text(env.runtime)],
        ['ONNX Runtime', text(env.onnxruntime)],
        ['Report written by', `Glassbox ${text(GLASSBOX_VERSION)} (glassbox report)`],
      ]),
    ],
  };
}

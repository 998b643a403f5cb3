/** The model card: which model (name, hash, task, size), what feeds its inputs, and what its authors say it is for and not for. */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, facts, prose, table, text } from '../htmlBlocks';
import type { ReportSection } from '../reportParts';
import { base64Bytes, formatBytes } from '../reportFormat';

export function modelCardSection(snapshot: Snapshot): ReportSection {
  const { model, modelCard, data } = snapshot;
  const typeOf = (name: string) => data.columns.find((c) => c.name === name)?.type ?? 'not in the dataset';
  return {
    id: 'model',
    title: 'Model card',
    parts: [
      facts([
        ['Model', text(model.name)],
        ['SHA-256 of the model file', code(model.sha256)],
        ['Task', text(model.task)],
        ['Size', `${formatBytes(base64Bytes(model.bytes))} (ONNX, embedded in the snapshot)`],
        ['Inputs', `${model.mapping.length} column${model.mapping.length === 1 ? '' : 's'}`],
      ]),
      model.mapping.length
        ? table(
            ['Input', 'Dataset column', 'Type'],
            model.mapping.map((name, i) => [String(i + 1), text(name), text(typeOf(name))]),
            { caption: 'Input mapping: the dataset column feeding each model input, in input order', numeric: [0] },
          )
        : '',
      facts([
        ['Intended use', prose(modelCard.intendedUse)],
        ['Limitations', prose(modelCard.limitations)],
        ['Assumptions', prose(snapshot.assumptions)],
      ]),
    ],
  };
}

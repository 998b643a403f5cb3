/**
 * `glassbox snapshot --data d.csv --target y --model m.onnx [--sensitive a,b] [--favorable L]
 * [--embed-data] [--note TEXT] [--exclude a,b] --out exp.json` (shared/spec/cli.md): an experiment
 * snapshot in the format the app saves (docs/snapshot.md) — data fingerprint, model bytes and hash,
 * the model's metrics on the data (those of `glassbox metrics --ci`), the fairness report with
 * `--sensitive`, environment and id. Extensions: `--positive`, `--threshold` (0.5), `--seed` (42),
 * `--features` (the model's input columns, as `predict`), `--bins`, `--parent ID`, `--author`,
 * `--assumptions`, `--intended-use`, `--limitations`. `--exclude` leaves columns out of the
 * embedded data (e.g. personal identifiers).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildSnapshot } from '../../core/experiment/buildSnapshot';
import { environment } from '../../core/experiment/environment';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { InputError } from '../../core/errors/errors';
import { resolveMapping } from '../../core/inference/inputMapping';
import { checkThreshold, DEFAULT_THRESHOLD } from '../../core/inference/predictions';
import { parseOptions, stringOption } from '../args';
import { listOption, numberOption, seedOption } from '../io/optionValues';
import { openModelFile, readModelBytes } from '../io/readModelFile';
import { READ_OPTIONS, readDatasetFile } from '../io/readTable';
import { toJson, writeOutput, type CliIo } from '../io/writeOutput';

export async function snapshotCommand(argv: readonly string[], io: CliIo): Promise<Snapshot> {
  const options = parseOptions('snapshot', argv, {
    data: { value: true, required: true },
    target: { value: true, required: true },
    model: { value: true, required: true },
    sensitive: { value: true },
    favorable: { value: true },
    'embed-data': { value: false },
    note: { value: true },
    exclude: { value: true },
    out: { value: true, required: true },
    positive: { value: true },
    threshold: { value: true },
    seed: { value: true },
    features: { value: true },
    bins: { value: true },
    parent: { value: true },
    author: { value: true },
    assumptions: { value: true },
    'intended-use': { value: true },
    limitations: { value: true },
    ...READ_OPTIONS,
  });
  const dataPath = stringOption(options, 'data')!;
  const modelPath = stringOption(options, 'model')!;
  const threshold = numberOption(options, 'threshold') ?? DEFAULT_THRESHOLD;
  checkThreshold(threshold);
  const parent = stringOption(options, 'parent') ?? null;
  if (parent !== null && !/^[0-9a-f]{64}$/.test(parent)) throw new InputError(`--parent must be a snapshot id (64 lowercase hex characters)`);
  const dataBytes = readDataBytes(dataPath);
  const read = await readDatasetFile(dataPath, options);
  const modelBytes = readModelBytes(modelPath);
  const scorer = await openModelFile(modelPath);
  try {
    const mapping = resolveMapping(scorer.signature, read.table, dataPath, listOption(options, 'features'));
    const snapshot = await buildSnapshot({
      data: { bytes: dataBytes, name: basename(dataPath), read },
      model: { bytes: modelBytes, name: basename(modelPath), scorer, mapping },
      evaluation: {
        target: stringOption(options, 'target')!,
        positive: stringOption(options, 'positive'),
        threshold,
        seed: seedOption(options) ?? 42,
        sensitive: listOption(options, 'sensitive'),
        favorable: stringOption(options, 'favorable'),
        bins: numberOption(options, 'bins') ?? 4,
        source: dataPath,
      },
      embed: options['embed-data'] === true,
      exclude: listOption(options, 'exclude') ?? [],
      notes: {
        author: stringOption(options, 'author') ?? null,
        note: stringOption(options, 'note') ?? null,
        assumptions: stringOption(options, 'assumptions') ?? null,
        intendedUse: stringOption(options, 'intended-use') ?? null,
        limitations: stringOption(options, 'limitations') ?? null,
      },
      parent,
      environment: environment(`node ${process.version} (${process.platform})`, process.env.GLASSBOX_COMMIT ?? null),
      createdAt: new Date().toISOString(),
    });
    writeOutput(toJson(snapshot), stringOption(options, 'out'), io);
    return snapshot;
  } finally {
    await scorer.dispose();
  }
}

function readDataBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `data file '${path}' not found` : `cannot read '${path}' (${code ?? (e as Error).message})`);
  }
}

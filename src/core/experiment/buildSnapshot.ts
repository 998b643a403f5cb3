/**
 * A snapshot from a dataset file, a model and an evaluation (what `glassbox snapshot` and the app
 * save): the data's fingerprint (SHA-256 of the file's bytes, format, dialect, rows, schema) and,
 * when asked, the bytes embedded — without the `exclude`d columns, re-written as CSV, when there
 * are any; the model's bytes and hash; the evaluation (evaluationRecord.ts); the results given
 * (training, explanations, drift); the notes; the environment; and the id.
 */
import { tableToCsv } from '../data/csv/writeCsv';
import type { DatasetRead } from '../data/readDataset';
import type { DerivedColumnSpec } from '../data/derivedColumn';
import type { ColumnType } from '../data/table';
import { InputError } from '../errors/errors';
import { sha256Hex } from '../fingerprint/sha256';
import type { Scorer } from '../inference/scorer';
import { toBase64 } from './base64';
import type { Environment } from './environment';
import { evaluateForSnapshot, type EvaluationSpec } from './evaluationRecord';
import { withId } from './snapshotId';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from './snapshotSchema';

export interface SnapshotInput {
  /** `read.table` is the table as evaluated: the file's, with `overrides` and `derived` applied. */
  data: { bytes: Uint8Array; name: string; read: DatasetRead; overrides?: Record<string, ColumnType>; derived?: DerivedColumnSpec[] };
  /** `scores`: the scorer's scores of every row with this mapping, when already computed (not scored again). */
  model: { bytes: Uint8Array; name: string; scorer: Scorer; mapping: string[]; scores?: Float64Array };
  evaluation: EvaluationSpec;
  embed: boolean;
  exclude: string[];
  notes: { author: string | null; note: string | null; assumptions: string | null; intendedUse: string | null; limitations: string | null };
  parent: string | null;
  training?: Record<string, unknown> | null;
  explanations?: Record<string, unknown>[];
  drift?: Record<string, unknown> | null;
  environment: Environment;
  createdAt: string;
}

const encoder = new TextEncoder();

export async function buildSnapshot(input: SnapshotInput): Promise<Snapshot> {
  const { table } = input.data.read;
  for (const name of input.exclude) {
    if (!table.columns.some((c) => c.name === name)) throw new InputError(`--exclude: column '${name}' not found in ${input.data.name}`);
  }
  const outcome = await evaluateForSnapshot(table, input.model.scorer, input.model.mapping, input.evaluation, input.model.scores);
  const dataSha = await sha256Hex(input.data.bytes);
  let embedded: Snapshot['data']['embedded'] = null;
  if (input.embed) {
    const bytes = input.exclude.length
      ? encoder.encode(
          tableToCsv(
            table,
            // the file's own columns (derived ones are recorded as conditions)
            table.columns.map((c) => c.name).filter((n) => !input.exclude.includes(n) && !(input.data.derived ?? []).some((d) => d.name === n)),
          ),
        )
      : input.data.bytes;
    embedded = { encoding: 'base64', format: input.exclude.length ? 'csv' : input.data.read.format, sha256: input.exclude.length ? await sha256Hex(bytes) : dataSha, content: toBase64(bytes) };
  }
  const read = input.data.read;
  return withId({
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    createdAt: input.createdAt,
    author: input.notes.author,
    note: input.notes.note,
    assumptions: input.notes.assumptions,
    parent: input.parent,
    data: {
      name: input.data.name,
      format: read.format,
      sha256: dataSha,
      bytes: input.data.bytes.length,
      rows: table.rowCount,
      columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
      dialect: read.format === 'csv' ? { delimiter: read.delimiter ?? ',', decimal: read.decimal } : null,
      overrides: { ...(input.data.overrides ?? {}) },
      derived: [...(input.data.derived ?? [])],
      excluded: [...input.exclude],
      embedded,
    },
    model: { name: input.model.name, sha256: await sha256Hex(input.model.bytes), bytes: toBase64(input.model.bytes), task: outcome.task, mapping: [...input.model.mapping] },
    evaluation: {
      target: input.evaluation.target,
      task: outcome.task,
      positive: outcome.positive,
      threshold: input.evaluation.threshold,
      rows: input.evaluation.rows ? Array.from(input.evaluation.rows) : 'all',
      n: outcome.n,
      metrics: outcome.metrics as unknown as Snapshot['evaluation']['metrics'],
      seed: input.evaluation.seed,
      sensitive: input.evaluation.sensitive ?? [],
      favorable: input.evaluation.favorable ?? null,
      bins: input.evaluation.bins ?? 4,
    },
    training: input.training ?? null,
    explanations: input.explanations ?? [],
    fairness: outcome.fairness as unknown as Record<string, unknown> | null,
    drift: input.drift ?? null,
    modelCard: { intendedUse: input.notes.intendedUse, limitations: input.notes.limitations },
    environment: input.environment,
  });
}

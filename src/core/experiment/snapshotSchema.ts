/**
 * The experiment snapshot, version 1 (docs/snapshot.md): one JSON document the app saves and
 * `glassbox snapshot` writes, validated with zod on every read. What it records:
 * - `data`: the dataset's fingerprint — SHA-256 of the file's bytes, format and CSV dialect, row
 *   count, schema — and, if the author chose, the bytes themselves (base64), minus `excluded`
 *   columns (then `embedded.sha256` fingerprints the embedded bytes);
 * - `model`: the ONNX bytes (base64), their SHA-256, and the columns mapped to its inputs;
 * - `evaluation`: target, positive class, threshold, the rows evaluated (all, or a list of row
 *   numbers), and the metrics (those of `glassbox metrics`);
 * - optional results: training (recipe, parameters, seeds, CV folds and metrics), explanations
 *   (with their background row ids), fairness, drift — kept as recorded;
 * - `modelCard` (intended use, limitations), `environment`, `note`, `assumptions`, `author`,
 *   `parent` (lineage) and `createdAt`;
 * - `id` = SHA-256 of the canonical JSON (RFC 8785) of everything else.
 */
import { z } from 'zod';

export const SNAPSHOT_FORMAT = 'glassbox.snapshot';
export const SNAPSHOT_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256 (64 characters)');
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
const nullableNumber = z.number().nullable();

export const columnSchema = z.object({ name: z.string(), type: z.enum(['numeric', 'categorical', 'boolean', 'datetime', 'text']) });

export const dataSchema = z.object({
  name: z.string(),
  format: z.enum(['csv', 'parquet', 'arrow']),
  sha256: hex64,
  bytes: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
  columns: z.array(columnSchema),
  /** CSV dialect used to read the bytes (null for Parquet/Arrow). */
  dialect: z.object({ delimiter: z.string(), decimal: z.enum(['.', ',']) }).nullable(),
  /** Column types set by the user over the inferred ones (applied when the data is read again). */
  overrides: z.record(z.string(), columnSchema.shape.type),
  /** Boolean columns the user added from a condition (added again, in order, when the data is read). */
  derived: z.array(z.object({ name: z.string(), expression: z.string() })),
  /** Columns left out of the embedded data (e.g. personal identifiers). */
  excluded: z.array(z.string()),
  /** The embedded bytes: the file itself, or — with excluded columns — the rest re-written as CSV. */
  embedded: z.object({ encoding: z.literal('base64'), format: z.enum(['csv', 'parquet', 'arrow']), sha256: hex64, content: base64 }).nullable(),
});

export const modelSchema = z.object({
  name: z.string(),
  sha256: hex64,
  bytes: base64,
  task: z.enum(['classification', 'regression']),
  /** The dataset column feeding each model input, in input order. */
  mapping: z.array(z.string()),
});

export const evaluationSchema = z.object({
  target: z.string(),
  task: z.enum(['classification', 'regression']),
  positive: z.string().nullable(),
  threshold: z.number(),
  /** The rows evaluated: every row with a target and a score, or these row numbers (0-based). */
  rows: z.union([z.literal('all'), z.array(z.number().int().nonnegative())]),
  n: z.number().int().nonnegative(),
  metrics: z.record(z.string(), z.union([nullableNumber, z.record(z.string(), z.tuple([z.number(), z.number()]).nullable())])),
  seed: z.number().int(),
  /** The fairness report's settings (no sensitive columns = no report). */
  sensitive: z.array(z.string()),
  favorable: z.string().nullable(),
  bins: z.number().int(),
});

export const environmentSchema = z.object({
  glassbox: z.string(),
  commit: z.string().nullable(),
  runtime: z.string(),
  onnxruntime: z.string(),
});

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  id: hex64,
  createdAt: z.string(),
  author: z.string().nullable(),
  note: z.string().nullable(),
  assumptions: z.string().nullable(),
  parent: hex64.nullable(),
  data: dataSchema,
  model: modelSchema,
  evaluation: evaluationSchema,
  training: z.record(z.string(), z.unknown()).nullable(),
  explanations: z.array(z.record(z.string(), z.unknown())),
  fairness: z.record(z.string(), z.unknown()).nullable(),
  drift: z.record(z.string(), z.unknown()).nullable(),
  modelCard: z.object({ intendedUse: z.string().nullable(), limitations: z.string().nullable() }),
  environment: environmentSchema,
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotBody = Omit<Snapshot, 'id'>;

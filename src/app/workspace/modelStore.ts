/**
 * The imported model, kept with the workspace in IndexedDB: a small record (file name, the
 * column mapping, the decision threshold, the training run it came from) replaced on every change, and the model's bytes under
 * their own key, written only when another model is imported. "Close dataset" deletes both
 * (clearWorkspace); "Remove model" deletes them alone.
 */
import { MODEL_FILE_KEY, MODEL_KEY, STORE, db, onWorkspaceCleared } from './workspaceStore';

export const MODEL_SCHEMA = 1;

export interface SavedModel {
  name: string;
  /** The .onnx file itself. */
  file: Blob;
  /** The dataset column for each model slot (null = not mapped). */
  mapping: (string | null)[];
  /** The decision threshold of the evaluation. */
  threshold: number;
  /** The training run (Train step) the model came from; absent for an imported file. */
  runId?: string | null;
}

/** The model file last written in this page (so an unchanged file is not written again). */
let savedFile: Blob | null = null;
onWorkspaceCleared(() => {
  savedFile = null;
});

export async function saveModel(model: SavedModel): Promise<void> {
  const database = await db();
  if (model.file !== savedFile) {
    await database.put(STORE, model.file, MODEL_FILE_KEY);
    savedFile = model.file;
  }
  await database.put(STORE, { schema: MODEL_SCHEMA, name: model.name, mapping: model.mapping, threshold: model.threshold, runId: model.runId ?? null }, MODEL_KEY);
}

export async function clearModel(): Promise<void> {
  const database = await db();
  await database.delete(STORE, MODEL_KEY);
  await database.delete(STORE, MODEL_FILE_KEY);
  savedFile = null;
}

/** The saved model, or null when there is none or the record is not one this version knows. */
export async function readModel(): Promise<SavedModel | null> {
  const database = await db();
  const record: unknown = await database.get(STORE, MODEL_KEY);
  const file: unknown = await database.get(STORE, MODEL_FILE_KEY);
  const parsed = parseSavedModel(record, file);
  if (parsed) savedFile = parsed.file;
  return parsed;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Validates a stored model record and its file (they may come from another version of the app). */
export function parseSavedModel(record: unknown, file: unknown): SavedModel | null {
  if (!isObject(record) || record.schema !== MODEL_SCHEMA || typeof record.name !== 'string' || !(file instanceof Blob)) return null;
  const mapping = Array.isArray(record.mapping) ? record.mapping.map((m: unknown) => (typeof m === 'string' ? m : null)) : [];
  const t = record.threshold;
  const threshold = typeof t === 'number' && Number.isFinite(t) && t >= 0 && t <= 1 ? t : 0.5;
  const runId = typeof record.runId === 'string' ? record.runId : null;
  return { name: record.name, file, mapping, threshold, runId };
}

/**
 * Workspace autosave in IndexedDB (via `idb`): which dataset is open (a demo's name, or the
 * user's file itself so it can be reloaded), load options, type overrides, added columns,
 * filter, target and view. One record, replaced on every change; deleted by "Close dataset". A
 * user's file is stored under its own key, written only when the open file changes — not on
 * every filter edit. The imported model is kept the same way: its record (name, mapping,
 * threshold) and its bytes under their own keys (see ./modelStore.ts); the Train step's settings,
 * recipe and leaderboard under another (./trainStore.ts).
 */
import { openDB, type IDBPDatabase } from 'idb';
import { COLUMN_TYPES, type ColumnType } from '../../core/data/table';
import type { LoadOptions } from '../../workers/workbenchApi';
import {
  EXPLORE_TABS,
  EXPLAIN_TABS,
  FAIRNESS_TABS,
  MODEL_TABS,
  STEPS,
  type CompareState,
  type DerivedColumn,
  type FairnessState,
  type ExploreTab,
  type ExplainTab,
  type FairnessTab,
  type ModelTab,
  type SourceRef,
  type Step,
  type TargetState,
  type ViewState,
} from '../session/types';

export const WORKSPACE_DB = 'glassbox-workspace';
export const STORE = 'workspace';
const KEY = 'current';
const FILE_KEY = 'current-file';
/** Keys of the imported model (written by ./modelStore.ts), deleted with the workspace. */
export const MODEL_KEY = 'current-model';
export const MODEL_FILE_KEY = 'current-model-file';
/** Key of the Train step's settings, recipe and leaderboard (written by ./trainStore.ts), deleted with the workspace. */
export const TRAIN_KEY = 'current-train';
export const WORKSPACE_SCHEMA = 1;

export interface SavedWorkspace {
  schema: typeof WORKSPACE_SCHEMA;
  savedAt: string;
  source: SourceRef;
  options: LoadOptions;
  overrides: Record<string, ColumnType>;
  /** Optional: absent in records saved before columns could be added. */
  derived?: DerivedColumn[];
  filter: string;
  target: TargetState;
  /** Optional: absent in records saved before comparisons were kept. */
  comparison?: CompareState | null;
  /** Optional: absent in records saved before the Fairness step existed. */
  fairness?: FairnessState | null;
  view: ViewState;
}

let dbPromise: Promise<IDBPDatabase> | null = null;

export function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(WORKSPACE_DB, 1, {
    upgrade(database) {
      if (!database.objectStoreNames.contains(STORE)) database.createObjectStore(STORE);
    },
  });
  return dbPromise;
}

/** The file last written under FILE_KEY in this page (so an unchanged file is not written again). */
let savedFile: Blob | null = null;

export async function saveWorkspace(ws: SavedWorkspace): Promise<void> {
  const database = await db();
  if (ws.source.kind === 'file' && ws.source.file !== savedFile) {
    await database.put(STORE, ws.source.file, FILE_KEY);
    savedFile = ws.source.file;
  }
  const record = ws.source.kind === 'file' ? { ...ws, source: { kind: 'file', name: ws.source.name } } : ws;
  await database.put(STORE, record, KEY);
}

export async function clearWorkspace(): Promise<void> {
  const database = await db();
  await database.delete(STORE, KEY);
  await database.delete(STORE, FILE_KEY);
  await database.delete(STORE, MODEL_KEY);
  await database.delete(STORE, MODEL_FILE_KEY);
  await database.delete(STORE, TRAIN_KEY);
  savedFile = null;
  clearListeners.forEach((listener) => listener());
}

const clearListeners = new Set<() => void>();

/** Called after the workspace is cleared (the model store forgets what it wrote). */
export function onWorkspaceCleared(listener: () => void): void {
  clearListeners.add(listener);
}

/** The saved workspace, or null when there is none or it is not in a shape this version knows. */
export async function readWorkspace(): Promise<SavedWorkspace | null> {
  const database = await db();
  const value: unknown = await database.get(STORE, KEY);
  if (isObject(value) && isObject(value.source) && value.source.kind === 'file' && !(value.source.file instanceof Blob)) {
    const file: unknown = await database.get(STORE, FILE_KEY);
    if (file instanceof Blob) savedFile = file;
    return parseWorkspace({ ...value, source: { ...value.source, file } });
  }
  return parseWorkspace(value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Validates a stored record (it may come from an older or newer version of the app). */
export function parseWorkspace(value: unknown): SavedWorkspace | null {
  if (!isObject(value) || value.schema !== WORKSPACE_SCHEMA) return null;
  const src = value.source;
  if (!isObject(src) || typeof src.name !== 'string') return null;
  let source: SourceRef;
  if (src.kind === 'demo') source = { kind: 'demo', name: src.name };
  else if (src.kind === 'file' && src.file instanceof Blob) source = { kind: 'file', name: src.name, file: src.file };
  else return null;

  const opts = isObject(value.options) ? value.options : {};
  const options: LoadOptions = {};
  if (opts.delimiter === ',' || opts.delimiter === ';' || opts.delimiter === '\t' || opts.delimiter === '|') options.delimiter = opts.delimiter;
  if (opts.decimal === '.' || opts.decimal === ',') options.decimal = opts.decimal;

  const overrides: Record<string, ColumnType> = {};
  if (isObject(value.overrides)) {
    for (const [k, t] of Object.entries(value.overrides)) {
      if ((COLUMN_TYPES as readonly unknown[]).includes(t)) overrides[k] = t as ColumnType;
    }
  }
  const tgt = isObject(value.target) ? value.target : {};
  const target: TargetState = {
    column: typeof tgt.column === 'string' ? tgt.column : null,
    positive: typeof tgt.positive === 'string' ? tgt.positive : null,
  };
  const c = isObject(value.comparison) ? value.comparison : null;
  const comparison: CompareState | null =
    c && typeof c.column === 'string' && typeof c.filterA === 'string' && typeof c.filterB === 'string'
      ? { column: c.column, filterA: c.filterA, filterB: c.filterB, numericTest: c.numericTest === 'mann-whitney' ? 'mann-whitney' : 'welch-t' }
      : null;
  const derived: DerivedColumn[] = (Array.isArray(value.derived) ? (value.derived as unknown[]) : [])
    .filter((d): d is DerivedColumn => isObject(d) && typeof d.name === 'string' && typeof d.expression === 'string')
    .map((d) => ({ name: d.name, expression: d.expression }));
  const fairness = parseFairness(value.fairness);
  const v = isObject(value.view) ? value.view : {};
  const view: ViewState = {
    step: (STEPS as readonly unknown[]).includes(v.step) ? (v.step as Step) : 'data',
    tab: (EXPLORE_TABS as readonly unknown[]).includes(v.tab) ? (v.tab as ExploreTab) : 'profile',
    column: typeof v.column === 'string' ? v.column : null,
    modelTab: (MODEL_TABS as readonly unknown[]).includes(v.modelTab) ? (v.modelTab as ModelTab) : 'setup',
    explainTab: (EXPLAIN_TABS as readonly unknown[]).includes(v.explainTab) ? (v.explainTab as ExplainTab) : 'shap',
    fairnessTab: (FAIRNESS_TABS as readonly unknown[]).includes(v.fairnessTab) ? (v.fairnessTab as FairnessTab) : 'report',
    auditRef: typeof v.auditRef === 'string' ? v.auditRef : null,
  };
  return {
    schema: WORKSPACE_SCHEMA,
    savedAt: typeof value.savedAt === 'string' ? value.savedAt : '',
    source,
    options,
    overrides,
    derived,
    filter: typeof value.filter === 'string' ? value.filter : '',
    target,
    comparison,
    fairness,
    view,
  };
}

function parseFairness(value: unknown): FairnessState | null {
  if (!isObject(value)) return null;
  const { target, sensitive, bins, favorable, unit, values, baseline } = value;
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (typeof target !== 'string' || typeof favorable !== 'string' || !Array.isArray(sensitive) || !isObject(values)) return null;
  if (![values.tp, values.fp, values.fn, values.tn].every(finite)) return null;
  const b = isObject(baseline) && typeof baseline.rule === 'string' ? { rule: baseline.rule, gives: baseline.gives === 'unfavorable' ? ('unfavorable' as const) : ('favorable' as const) } : null;
  return {
    target,
    sensitive: sensitive.filter((x): x is string => typeof x === 'string').slice(0, 2),
    bins: finite(bins) && Number.isInteger(bins) && bins >= 2 && bins <= 20 ? bins : 4,
    favorable,
    unit: typeof unit === 'string' ? unit : '',
    values: { tp: values.tp as number, fp: values.fp as number, fn: values.fn as number, tn: values.tn as number },
    baseline: b,
  };
}

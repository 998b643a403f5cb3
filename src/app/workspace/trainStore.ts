/**
 * The Train step's state, kept with the workspace in IndexedDB under its own key: the settings,
 * the recipe being edited (and whether it was edited, or is still the default), the leaderboard
 * of every training run and the run selected in it. "Close dataset" deletes it (clearWorkspace).
 */
import type { Recipe } from '../../core/recipe/recipe';
import type { RunRecord } from '../train/runRecord';
import { MODEL_KINDS, type TrainParams } from '../../core/pipeline/trainParams';
import { DEFAULT_SETTINGS, MODEL_FAMILIES, type CvScheme, type ModelFamily, type SearchDimensionSetting, type SearchSettings, type TrainSettings } from '../train/trainSettings';
import { STORE, TRAIN_KEY, db } from './workspaceStore';

export const TRAIN_SCHEMA = 1;

export interface SavedTraining {
  settings: TrainSettings;
  /** The recipe in the editor; `edited` = changed by hand (else it follows the default recipe). */
  recipe: { recipe: Recipe; edited: boolean } | null;
  runs: RunRecord[];
  selectedRunId: string | null;
}

export async function saveTraining(state: SavedTraining): Promise<void> {
  const database = await db();
  await database.put(STORE, { schema: TRAIN_SCHEMA, ...state }, TRAIN_KEY);
}

export async function readTraining(): Promise<SavedTraining | null> {
  const database = await db();
  return parseTraining(await database.get(STORE, TRAIN_KEY));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const SCHEMES: readonly CvScheme[] = ['kfold', 'stratified', 'group', 'time'];

/** Numeric parameters by name (anything else dropped). */
function paramsOf(v: unknown): TrainParams {
  if (!isObject(v)) return {};
  return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'number' && Number.isFinite(x))) as TrainParams;
}

/** Edited search ranges per model kind (malformed ones dropped: those kinds take the defaults). */
function parseSpaces(v: unknown): SearchSettings['spaces'] {
  if (!isObject(v)) return {};
  const out: SearchSettings['spaces'] = {};
  for (const kind of MODEL_KINDS) {
    const dims = v[kind];
    if (!Array.isArray(dims)) continue;
    const ok = dims.every((d) => isObject(d) && typeof d.name === 'string' && typeof d.low === 'number' && typeof d.high === 'number' && typeof d.enabled === 'boolean');
    if (ok) out[kind] = dims as SearchDimensionSetting[];
  }
  return out;
}

/** Settings from a stored record, each value checked and defaulted. */
export function parseSettings(v: unknown): TrainSettings {
  const s = isObject(v) ? v : {};
  const h = isObject(s.holdout) ? s.holdout : {};
  const cv = isObject(s.cv) ? s.cv : {};
  const d = DEFAULT_SETTINGS;
  const tp = isObject(s.treeParams) ? s.treeParams : {};
  const se = isObject(s.search) ? s.search : {};
  return {
    search: {
      strategy: se.strategy === 'grid' ? 'grid' : 'random',
      trials: se.trials === null ? null : num(se.trials, d.search.trials ?? 12),
      minutes: typeof se.minutes === 'number' && se.minutes > 0 ? se.minutes : null,
      gridPoints: num(se.gridPoints, d.search.gridPoints),
      spaces: parseSpaces(se.spaces),
    },
    model: MODEL_FAMILIES.includes(s.model as ModelFamily) ? (s.model as ModelFamily) : d.model,
    treeParams: { tree: paramsOf(tp.tree), forest: paramsOf(tp.forest), gbdt: paramsOf(tp.gbdt) },
    l2: num(s.l2, d.l2),
    seed: num(s.seed, d.seed),
    calibration: s.calibration === 'platt' || s.calibration === 'isotonic' ? s.calibration : 'none',
    exclude: Array.isArray(s.exclude) ? s.exclude.filter((c): c is string => typeof c === 'string') : [],
    holdout: {
      enabled: typeof h.enabled === 'boolean' ? h.enabled : d.holdout.enabled,
      fraction: num(h.fraction, d.holdout.fraction),
      mode: h.mode === 'recent' ? 'recent' : 'random',
      column: str(h.column),
    },
    cv: {
      scheme: SCHEMES.includes(cv.scheme as CvScheme) ? (cv.scheme as CvScheme) : d.cv.scheme,
      folds: num(cv.folds, d.cv.folds),
      column: str(cv.column),
    },
  };
}

function isRecipe(v: unknown): v is Recipe {
  return isObject(v) && typeof v.version === 'number' && Array.isArray(v.steps) && v.steps.every(isObject);
}

function isRun(v: unknown): v is RunRecord {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.at === 'string' &&
    isObject(v.target) &&
    typeof v.target.column === 'string' &&
    (v.target.kind === 'logistic' || v.target.kind === 'linear') &&
    isRecipe(v.recipe) &&
    Array.isArray(v.features) &&
    (Array.isArray(v.coefficients) || v.coefficients === null)
  );
}

/** Validates a stored record (it may come from another version of the app); null when unusable. */
export function parseTraining(value: unknown): SavedTraining | null {
  if (!isObject(value) || value.schema !== TRAIN_SCHEMA) return null;
  const r = isObject(value.recipe) ? value.recipe : null;
  const recipe = r && isRecipe(r.recipe) ? { recipe: r.recipe, edited: r.edited === true } : null;
  const runs = Array.isArray(value.runs) ? value.runs.filter(isRun).map((run) => ({ ...run, settings: parseSettings(run.settings) })) : [];
  const selected = str(value.selectedRunId);
  return {
    settings: parseSettings(value.settings),
    recipe,
    runs,
    selectedRunId: selected && runs.some((x) => x.id === selected) ? selected : null,
  };
}

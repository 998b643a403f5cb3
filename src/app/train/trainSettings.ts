/**
 * The Train step's settings and how they become the worker's TrainingRequest. The target (and
 * its positive class) is the session's and fixes the task (`TrainTarget.kind`: two classes →
 * 'logistic' = classification, a numeric target → 'linear' = regression); the model family is a
 * setting — linear (logistic or ridge regression, as the task says), a decision tree, a random
 * forest or gradient boosting — with its parameters (only what the user changed; the rest are
 * the contract's defaults).
 */
import type { ModelKind, TrainParams } from '../../core/pipeline/trainParams';
import type { Recipe } from '../../core/recipe/recipe';
import { DEFAULT_SPACES, type SearchDimension } from '../../core/search/searchSpace';
import type { SearchSpec, TrainingRequest } from '../../workers/workbenchApi';

/** The task, as the linear model that does it: 'logistic' = classification, 'linear' = regression. */
export type TrainKind = 'logistic' | 'linear';
export type ModelFamily = 'linear' | 'tree' | 'forest' | 'gbdt';
export const MODEL_FAMILIES: readonly ModelFamily[] = ['linear', 'tree', 'forest', 'gbdt'];
export type TreeFamily = Exclude<ModelFamily, 'linear'>;
export type CvScheme = 'kfold' | 'stratified' | 'group' | 'time';
export type HoldoutMode = 'random' | 'recent';
export type Calibration = 'none' | 'platt' | 'isotonic';

export interface TrainSettings {
  model: ModelFamily;
  /** L2 penalty (the contract's `l2`, default 1): larger = smaller coefficients, a simpler model. */
  l2: number;
  /** Per tree family, the parameters the user set (the contract's names; others take its defaults). */
  treeParams: Record<TreeFamily, TrainParams>;
  seed: number;
  /** Logistic only: recalibrate the probabilities (Platt or isotonic, on out-of-fold margins). */
  calibration: Calibration;
  /** Columns left out of the model (besides the target). */
  exclude: string[];
  holdout: { enabled: boolean; fraction: number; mode: HoldoutMode; column: string | null };
  cv: { scheme: CvScheme; folds: number; column: string | null };
  search: SearchSettings;
}

export interface SearchDimensionSetting extends SearchDimension {
  enabled: boolean;
}

/** A hyper-parameter search: strategy, budget (trials and/or minutes) and, per model kind, the ranges searched. */
export interface SearchSettings {
  strategy: 'random' | 'grid';
  trials: number | null;
  minutes: number | null;
  gridPoints: number;
  /** Per model kind, the ranges as edited (absent: the defaults). */
  spaces: Partial<Record<ModelKind, SearchDimensionSetting[]>>;
}

export const DEFAULT_SEARCH: SearchSettings = { strategy: 'random', trials: 12, minutes: null, gridPoints: 3, spaces: {} };

export const DEFAULT_SETTINGS: TrainSettings = {
  model: 'linear',
  l2: 1,
  treeParams: { tree: {}, forest: {}, gbdt: {} },
  seed: 42,
  calibration: 'none',
  exclude: [],
  holdout: { enabled: true, fraction: 0.2, mode: 'random', column: null },
  cv: { scheme: 'stratified', folds: 5, column: null },
  search: DEFAULT_SEARCH,
};

/** What is trained: the target column, the model kind and (classifiers) the positive class. */
export interface TrainTarget {
  column: string;
  kind: TrainKind;
  positive: string | null;
}

/** Stratified folds keep the class ratio: classifiers only (a regression falls back to k-fold). */
export function cvSchemeFor(kind: TrainKind, scheme: CvScheme): CvScheme {
  return kind === 'linear' && scheme === 'stratified' ? 'kfold' : scheme;
}

/** The kind the worker trains: the task's linear model, or a tree family. */
export function modelKind(target: TrainTarget, settings: Pick<TrainSettings, 'model'>): ModelKind {
  return settings.model === 'linear' ? target.kind : settings.model;
}

export function trainingRequest(target: TrainTarget, settings: TrainSettings, recipe: Recipe | null): TrainingRequest {
  const scheme = cvSchemeFor(target.kind, settings.cv.scheme);
  const kind = modelKind(target, settings);
  const request: TrainingRequest = {
    target: target.column,
    kind,
    params: settings.model === 'linear' ? { l2: settings.l2 } : { ...settings.treeParams[settings.model] },
    seed: settings.seed,
    exclude: settings.exclude.filter((c) => c !== target.column),
    cv: { folds: settings.cv.folds, scheme, ...(scheme === 'group' || scheme === 'time' ? { column: settings.cv.column ?? undefined } : {}) },
  };
  if (settings.model !== 'linear') request.task = target.kind === 'logistic' ? 'classification' : 'regression';
  if (recipe) request.recipe = recipe;
  if (target.kind === 'logistic' && target.positive !== null) request.positive = target.positive;
  if (kind === 'logistic' && settings.calibration !== 'none') request.calibration = settings.calibration;
  if (settings.holdout.enabled) {
    request.holdout = { fraction: settings.holdout.fraction, ...(settings.holdout.mode === 'recent' && settings.holdout.column ? { byColumn: settings.holdout.column } : {}) };
  }
  return request;
}

export interface ColumnType {
  name: string;
  type: string;
}

/** Columns that can order rows in time (the most-recent holdout, forward-chaining folds): dates first, then numbers. */
export function timeColumns(columns: readonly ColumnType[], target: string | null): string[] {
  const usable = columns.filter((c) => c.name !== target);
  return [...usable.filter((c) => c.type === 'datetime'), ...usable.filter((c) => c.type === 'numeric')].map((c) => c.name);
}

/** The same columns grouped for a dropdown: dates, then numbers (a year, a sequence number). */
export function timeColumnGroups(columns: readonly ColumnType[], target: string | null): { group: string; items: string[] }[] {
  const usable = columns.filter((c) => c.name !== target);
  const groups = [
    { group: 'Dates', items: usable.filter((c) => c.type === 'datetime').map((c) => c.name) },
    { group: 'Numbers (e.g. a year or a sequence)', items: usable.filter((c) => c.type === 'numeric').map((c) => c.name) },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** What must be fixed before training, in plain words ([] = ready). */
export function settingsProblems(settings: TrainSettings, kind: TrainKind, columns: readonly ColumnType[], target: string): string[] {
  const problems: string[] = [];
  const names = new Set(columns.map((c) => c.name));
  const times = new Set(timeColumns(columns, target));
  if (settings.model === 'linear' && !(Number.isFinite(settings.l2) && settings.l2 >= 0)) problems.push('The L2 penalty must be a number ≥ 0.');
  if (settings.model !== 'linear') problems.push(...treeParamProblems(settings.treeParams[settings.model]));
  if (!Number.isInteger(settings.seed)) problems.push('The seed must be a whole number.');
  const { holdout, cv } = settings;
  if (holdout.enabled) {
    if (!(holdout.fraction > 0 && holdout.fraction < 1)) problems.push('The held-out share must be between 0 and 1 (e.g. 0.2).');
    if (holdout.mode === 'recent' && !(holdout.column && times.has(holdout.column))) problems.push('Choose the date column that orders the rows for the most recent holdout.');
  }
  if (!(Number.isInteger(cv.folds) && cv.folds >= 2)) problems.push('Cross-validation needs a whole number of folds, at least 2.');
  const scheme = cvSchemeFor(kind, cv.scheme);
  if (scheme === 'group' && !(cv.column && names.has(cv.column) && cv.column !== target)) problems.push('Choose the column whose groups must stay together in a fold.');
  if (scheme === 'time' && !(cv.column && times.has(cv.column))) problems.push('Choose the date column that orders the rows for the time folds.');
  const unknown = settings.exclude.filter((c) => !names.has(c));
  if (unknown.length > 0) problems.push(`Excluded columns not in this dataset: ${unknown.join(', ')}.`);
  return problems;
}

/** The parameters each tree family takes, with the contract's defaults (null = unlimited / the rule in words). */
export const TREE_PARAMS: Record<TreeFamily, { name: keyof TrainParams; label: string; fallback: number | null; hint: string }[]> = {
  tree: [
    { name: 'maxDepth', label: 'Max depth', fallback: null, hint: 'Default: unlimited (grow until leaves are pure).' },
    { name: 'minSamplesLeaf', label: 'Min rows per leaf', fallback: 1, hint: 'Larger = smoother, fewer leaves.' },
    { name: 'maxBins', label: 'Bins per feature', fallback: 255, hint: 'Histogram bins (2–255).' },
  ],
  forest: [
    { name: 'nEstimators', label: 'Trees', fallback: 100, hint: 'More trees = steadier scores, slower.' },
    { name: 'maxDepth', label: 'Max depth', fallback: null, hint: 'Default: unlimited.' },
    { name: 'minSamplesLeaf', label: 'Min rows per leaf', fallback: 1, hint: 'Larger = smoother, smaller model.' },
    { name: 'colsampleByTree', label: 'Features per split (share)', fallback: null, hint: 'Default: √F features per split.' },
    { name: 'subsample', label: 'Bootstrap size (share)', fallback: 1, hint: 'Rows drawn with replacement per tree, as a share of the rows.' },
    { name: 'maxBins', label: 'Bins per feature', fallback: 255, hint: 'Histogram bins (2–255).' },
  ],
  gbdt: [
    { name: 'nEstimators', label: 'Trees (rounds)', fallback: 100, hint: 'Boosting rounds.' },
    { name: 'learningRate', label: 'Learning rate', fallback: 0.1, hint: 'Shrinks each tree; smaller needs more trees.' },
    { name: 'maxDepth', label: 'Max depth', fallback: 6, hint: 'Depth of each tree.' },
    { name: 'minSamplesLeaf', label: 'Min rows per leaf', fallback: 20, hint: 'Larger = more regularised.' },
    { name: 'l2', label: 'Leaf L2', fallback: 1, hint: 'Penalty on leaf values (λ).' },
    { name: 'subsample', label: 'Row subsample', fallback: 1, hint: 'Share of rows per tree.' },
    { name: 'colsampleByTree', label: 'Column subsample', fallback: 1, hint: 'Share of features per tree.' },
    { name: 'maxBins', label: 'Bins per feature', fallback: 255, hint: 'Histogram bins (2–255).' },
    { name: 'earlyStoppingRounds', label: 'Early stopping (rounds)', fallback: null, hint: 'Off by default. Stop when 10% validation loss has not improved for this many rounds.' },
  ],
};

const WHOLE: readonly (keyof TrainParams)[] = ['nEstimators', 'maxDepth', 'minSamplesLeaf', 'maxBins', 'earlyStoppingRounds'];
const SHARE: readonly (keyof TrainParams)[] = ['subsample', 'colsampleByTree', 'validationFraction'];

/** What is wrong with tree parameters, in plain words (the same rules as glassbox --params). */
export function treeParamProblems(params: TrainParams): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(params) as [keyof TrainParams, number][]) {
    if (WHOLE.includes(name) && !(Number.isInteger(value) && value >= 1)) problems.push(`${name} must be a whole number ≥ 1.`);
    else if (SHARE.includes(name) && !(value > 0 && value <= 1)) problems.push(`${name} must be a share in (0, 1].`);
    else if (name === 'maxBins' && !(value >= 2 && value <= 255)) problems.push('Bins per feature must be from 2 to 255.');
    else if (!(Number.isFinite(value) && value >= 0)) problems.push(`${name} must be a number ≥ 0.`);
  }
  return problems;
}

/** The ranges searched for a kind: as edited, else the defaults (all enabled). */
export function searchDimensions(kind: ModelKind, search: SearchSettings): SearchDimensionSetting[] {
  return search.spaces[kind] ?? DEFAULT_SPACES[kind].map((d) => ({ ...d, enabled: true }));
}

/** The worker's search request for the settings. */
export function searchSpec(kind: ModelKind, search: SearchSettings): SearchSpec {
  return {
    strategy: search.strategy,
    space: searchDimensions(kind, search)
      .filter((d) => d.enabled)
      .map(({ enabled: _enabled, ...d }) => d),
    ...(search.trials !== null ? { trials: search.trials } : {}),
    ...(search.minutes !== null ? { seconds: search.minutes * 60 } : {}),
    gridPoints: search.gridPoints,
  };
}

/** What must be fixed before searching ([] = ready). */
export function searchProblems(kind: ModelKind, search: SearchSettings): string[] {
  const problems: string[] = [];
  const dims = searchDimensions(kind, search).filter((d) => d.enabled);
  if (dims.length === 0) problems.push('Choose at least one parameter to search.');
  for (const d of dims) {
    if (!(Number.isFinite(d.low) && Number.isFinite(d.high) && d.low <= d.high)) problems.push(`The range of ${d.name} needs low ≤ high.`);
    else if (d.log && !(d.low > 0)) problems.push(`The range of ${d.name} is on a log scale: low must be above 0.`);
  }
  if (search.trials !== null && !(Number.isInteger(search.trials) && search.trials >= 1)) problems.push('The number of trials must be a whole number ≥ 1.');
  if (search.minutes !== null && !(search.minutes > 0)) problems.push('The time budget must be more than 0 minutes.');
  if (search.strategy === 'random' && search.trials === null && search.minutes === null) problems.push('A random search needs a budget: trials or minutes.');
  if (search.strategy === 'grid' && !(Number.isInteger(search.gridPoints) && search.gridPoints >= 2)) problems.push('A grid needs at least 2 values per parameter.');
  return problems;
}

/** The settings with a search's parameters for `kind` (what "train the best" trains). */
export function withParams(settings: TrainSettings, kind: ModelKind, params: TrainParams): TrainSettings {
  if (kind === 'logistic' || kind === 'linear') return { ...settings, model: 'linear', l2: params.l2 ?? settings.l2 };
  return { ...settings, model: kind, treeParams: { ...settings.treeParams, [kind]: { ...params } } };
}

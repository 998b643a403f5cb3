/**
 * The Train step's settings and how they become the worker's TrainingRequest. The target (and
 * its positive class) is the session's; the model kind follows from the target (two classes →
 * logistic regression, a numeric target → linear (ridge) regression).
 */
import type { Recipe } from '../../core/recipe/recipe';
import type { TrainingRequest } from '../../workers/workbenchApi';

export type TrainKind = TrainingRequest['kind'];
export type CvScheme = 'kfold' | 'stratified' | 'group' | 'time';
export type HoldoutMode = 'random' | 'recent';
export type Calibration = 'none' | 'platt' | 'isotonic';

export interface TrainSettings {
  /** L2 penalty (the contract's `l2`, default 1): larger = smaller coefficients, a simpler model. */
  l2: number;
  seed: number;
  /** Logistic only: recalibrate the probabilities (Platt or isotonic, on out-of-fold margins). */
  calibration: Calibration;
  /** Columns left out of the model (besides the target). */
  exclude: string[];
  holdout: { enabled: boolean; fraction: number; mode: HoldoutMode; column: string | null };
  cv: { scheme: CvScheme; folds: number; column: string | null };
}

export const DEFAULT_SETTINGS: TrainSettings = {
  l2: 1,
  seed: 42,
  calibration: 'none',
  exclude: [],
  holdout: { enabled: true, fraction: 0.2, mode: 'random', column: null },
  cv: { scheme: 'stratified', folds: 5, column: null },
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

export function trainingRequest(target: TrainTarget, settings: TrainSettings, recipe: Recipe | null): TrainingRequest {
  const scheme = cvSchemeFor(target.kind, settings.cv.scheme);
  const request: TrainingRequest = {
    target: target.column,
    kind: target.kind,
    params: { l2: settings.l2 },
    seed: settings.seed,
    exclude: settings.exclude.filter((c) => c !== target.column),
    cv: { folds: settings.cv.folds, scheme, ...(scheme === 'group' || scheme === 'time' ? { column: settings.cv.column ?? undefined } : {}) },
  };
  if (recipe) request.recipe = recipe;
  if (target.kind === 'logistic' && target.positive !== null) request.positive = target.positive;
  if (target.kind === 'logistic' && settings.calibration !== 'none') request.calibration = settings.calibration;
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
  if (!(Number.isFinite(settings.l2) && settings.l2 >= 0)) problems.push('The L2 penalty must be a number ≥ 0.');
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

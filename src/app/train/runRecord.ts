/**
 * One training run as the leaderboard keeps it (with the workspace, in IndexedDB): its settings
 * and recipe, so it can be repeated; its fold metrics, holdout metrics and coefficients, so it can
 * be compared and read again after a reload. Plain JSON (the model file itself is not kept here).
 */
import type { TreeSummary } from '../../core/pipeline/fittedModel';
import type { ModelKind, TrainParams } from '../../core/pipeline/trainParams';
import type { Recipe } from '../../core/recipe/recipe';
import type { MetricsResult } from '../../core/validation/evaluateScores';
import type { SearchTrial } from '../../core/search/hyperSearch';
import type { SearchRun, TrainingRun } from '../../workers/workbenchApi';
import { recipeHash } from './recipeEdit';
import type { TrainKind, TrainSettings, TrainTarget } from './trainSettings';

export type Metrics = Record<string, number | null>;

export interface FoldRecord {
  fold: number;
  trainRows: number;
  testRows: number;
  metrics: Metrics;
}

export interface RunRecord {
  id: string;
  /** When it finished (ISO 8601). */
  at: string;
  target: TrainTarget;
  settings: TrainSettings;
  /** The recipe as used (the default one when none was given). */
  recipe: Recipe;
  recipeHash: string;
  /** The kind trained and its parameters as sent (absent in records from before tree models: the task's linear model). */
  model?: ModelKind;
  params?: TrainParams;
  features: string[];
  /** Linear models' coefficients; null for tree models. */
  coefficients: number[] | null;
  intercept: number | null;
  /** Tree models' size; null (or absent) for linear models. */
  trees?: TreeSummary | null;
  trainRows: number;
  testRows: number;
  cv: { folds: FoldRecord[]; mean: Metrics; std: Metrics } | null;
  /** Metrics on the held-out rows at threshold 0.5 (null without a holdout). */
  holdout: Metrics | null;
  /** '' for a search trial (cross-validated only, no model). */
  modelName: string;
  ms: number;
  /** Part of a hyper-parameter search: a trial (cross-validated only) or the best trial trained (trial null). */
  search?: SearchTag;
}

export interface SearchTag {
  id: string;
  strategy: 'grid' | 'random';
  /** 1-based; null for the best trial trained on all training rows. */
  trial: number | null;
  trials: number;
  /** The best trial's number. */
  best: number;
}

/** The kind a run trained. */
export function recordKind(record: RunRecord): ModelKind {
  return record.model ?? record.target.kind;
}

/** The parameters a run trained with. */
export function recordParams(record: RunRecord): TrainParams {
  return record.params ?? { l2: record.settings.l2 };
}

/** The metric runs are compared on: AUC for classifiers, R² for regressions. */
export function mainMetric(kind: TrainKind): 'auc' | 'r2' {
  return kind === 'logistic' ? 'auc' : 'r2';
}

export const METRIC_LABELS: Record<string, string> = {
  auc: 'AUC',
  logLoss: 'Log loss',
  brier: 'Brier',
  accuracy: 'Accuracy',
  precision: 'Precision',
  recall: 'Recall',
  f1: 'F1',
  r2: 'R²',
  rmse: 'RMSE',
  mae: 'MAE',
};

/** The metrics a fold table shows, main one first. */
export function foldMetricNames(kind: TrainKind): string[] {
  return kind === 'logistic' ? ['auc', 'logLoss', 'brier', 'accuracy'] : ['r2', 'rmse', 'mae'];
}

/** A metrics result as plain numbers (intervals and counts left out). */
export function plainMetrics(m: MetricsResult): Metrics {
  const out: Metrics = {};
  for (const [k, v] of Object.entries(m)) if (k !== 'ci' && k !== 'n' && (typeof v === 'number' || v === null)) out[k] = v;
  return out;
}

/** A search trial as a leaderboard row: its parameters and cross-validation, no model. */
export function trialRecord(searchId: string, at: Date, target: TrainTarget, settings: TrainSettings, recipe: Recipe, search: SearchRun, trial: SearchTrial): RunRecord {
  return {
    id: `${searchId}:${trial.trial}`,
    at: at.toISOString(),
    target,
    settings,
    recipe,
    recipeHash: recipeHash(recipe),
    model: search.kind,
    params: trial.params,
    features: [],
    coefficients: null,
    intercept: null,
    trees: null,
    trainRows: search.trainRows,
    testRows: search.testRows,
    cv: { folds: trial.folds.map((f) => ({ fold: f.fold, trainRows: f.trainRows, testRows: f.testRows, metrics: plainMetrics(f.metrics) })), mean: trial.mean, std: trial.std },
    holdout: null,
    modelName: '',
    ms: trial.ms,
    search: { id: searchId, strategy: search.strategy, trial: trial.trial, trials: search.trials.length, best: search.best + 1 },
  };
}

export function runRecord(id: string, at: Date, target: TrainTarget, settings: TrainSettings, run: TrainingRun, holdout: MetricsResult | null, search?: SearchTag): RunRecord {
  return {
    ...(search ? { search } : {}),
    id,
    at: at.toISOString(),
    target,
    settings,
    recipe: run.recipe,
    recipeHash: recipeHash(run.recipe),
    model: run.kind,
    params: run.params,
    features: run.features,
    coefficients: run.coefficients,
    intercept: run.intercept,
    trees: run.trees,
    trainRows: run.trainRows,
    testRows: run.testRows,
    cv: run.cv
      ? { folds: run.cv.folds.map((f) => ({ fold: f.fold, trainRows: f.trainRows, testRows: f.testRows, metrics: plainMetrics(f.metrics) })), mean: run.cv.mean, std: run.cv.std }
      : null,
    holdout: holdout ? plainMetrics(holdout) : null,
    modelName: run.modelName,
    ms: run.ms,
  };
}

/** Scores that look too good to be true (AUC or R² ≥ 0.99 in CV or on the holdout): a sign of leakage. */
export function looksTooGood(record: RunRecord): boolean {
  const name = mainMetric(record.target.kind);
  const values = [record.cv?.mean[name], record.holdout?.[name]];
  return values.some((v) => typeof v === 'number' && v >= 0.99);
}

export type SortKey = 'at' | 'kind' | 'l2' | 'cv' | 'holdout' | 'ms';

function sortValue(r: RunRecord, key: SortKey): number | string | null {
  const name = mainMetric(r.target.kind);
  switch (key) {
    case 'at':
      return r.at;
    case 'kind':
      return recordKind(r);
    case 'l2':
      return r.settings.l2;
    case 'cv':
      return r.cv?.mean[name] ?? null;
    case 'holdout':
      return r.holdout?.[name] ?? null;
    default:
      return r.ms;
  }
}

/** Runs sorted by a column; missing values last in either direction; ties keep their order. */
export function sortRuns(runs: readonly RunRecord[], key: SortKey, descending: boolean): RunRecord[] {
  return runs
    .map((r, i) => ({ r, i, v: sortValue(r, key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return c === 0 ? a.i - b.i : descending ? -c : c;
    })
    .map((x) => x.r);
}

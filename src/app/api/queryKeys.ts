/**
 * Query keys: every key starts with the dataset identity (the id of the load that produced it)
 * and its version (bumped on every type override), then the view's parameters including the
 * subpopulation filter. A reload or override therefore never reuses stale results.
 */
import type { CorrelationMethod } from '../../core/stats/results';
import type { DriftRequest, EvaluationRequest, ExplainRequest, FairnessRequest, ModelImportanceRequest, PdpRequest, RowsRequest, ThresholdRequest, WhatIfRequest } from '../../workers/workbenchApi';

export interface DatasetKey {
  id: string;
  version: number;
}

const ROOT = 'workbench';

export const queryKeys = {
  root: () => [ROOT] as const,
  dataset: (ds: DatasetKey) => [ROOT, ds.id] as const,
  version: (ds: DatasetKey) => [ROOT, ds.id, ds.version] as const,
  rows: (ds: DatasetKey, r: RowsRequest) =>
    [ROOT, ds.id, ds.version, 'rows', r.filter ?? '', r.sort?.column ?? null, r.sort?.descending ?? false, r.offset, r.limit] as const,
  checkFilter: (ds: DatasetKey, filter: string) => [ROOT, ds.id, ds.version, 'checkFilter', filter] as const,
  profile: (ds: DatasetKey, filter: string) => [ROOT, ds.id, ds.version, 'profile', filter] as const,
  column: (ds: DatasetKey, name: string, filter: string) => [ROOT, ds.id, ds.version, 'column', name, filter] as const,
  missingness: (ds: DatasetKey, filter: string) => [ROOT, ds.id, ds.version, 'missingness', filter] as const,
  correlations: (ds: DatasetKey, method: CorrelationMethod, filter: string) =>
    [ROOT, ds.id, ds.version, 'correlations', method, filter] as const,
  target: (ds: DatasetKey, target: string, positive: string | null, filter: string) =>
    [ROOT, ds.id, ds.version, 'target', target, positive, filter] as const,
  compare: (ds: DatasetKey, column: string, a: string, b: string, test: string) =>
    [ROOT, ds.id, ds.version, 'compare', column, a, b, test] as const,
  /** The contract's default recipe for a target and exclusions (it depends on the column types: the version). */
  defaultRecipe: (ds: DatasetKey, target: string, exclude: readonly string[], scaled: boolean) => [ROOT, ds.id, ds.version, 'defaultRecipe', target, [...exclude], scaled] as const,
  /** A recipe step's preview: the request's canonical JSON (recipe up to the step, rows and seed settings), the step and the column. */
  recipePreview: (ds: DatasetKey, request: string, step: number, column: string) => [ROOT, ds.id, ds.version, 'recipePreview', request, step, column] as const,
  /** Model results also carry the scoring's id: a new model, mapping or re-score never reuses them. */
  explanation: (ds: DatasetKey, scoring: string, r: ExplainRequest) => [ROOT, ds.id, ds.version, 'explain', scoring, r] as const,
  partialDependence: (ds: DatasetKey, scoring: string, r: PdpRequest) => [ROOT, ds.id, ds.version, 'pdp', scoring, r] as const,
  whatIf: (ds: DatasetKey, scoring: string, r: WhatIfRequest) => [ROOT, ds.id, ds.version, 'whatIf', scoring, r] as const,
  modelImportance: (ds: DatasetKey, scoring: string, r: ModelImportanceRequest) => [ROOT, ds.id, ds.version, 'modelImportance', scoring, r] as const,
  modelEvaluation: (ds: DatasetKey, scoring: string, r: EvaluationRequest, filter: string) =>
    [ROOT, ds.id, ds.version, 'model', scoring, 'evaluation', r.target, r.positive ?? null, r.task ?? null, r.split ?? 'all', filter] as const,
  modelMetrics: (ds: DatasetKey, scoring: string, r: EvaluationRequest, threshold: number, filter: string) =>
    [ROOT, ds.id, ds.version, 'model', scoring, 'metrics', r.target, r.positive ?? null, r.task ?? null, r.split ?? 'all', threshold, filter] as const,
  fairness: (ds: DatasetKey, scoring: string, r: FairnessRequest, filter: string) => [ROOT, ds.id, ds.version, 'model', scoring, 'fairness', r, filter] as const,
  /** Drift also carries the scoring ('' without a model) and the comparison file's load id ('' for a split). */
  drift: (ds: DatasetKey, scoring: string, comparison: string, r: DriftRequest, filter: string) => [ROOT, ds.id, ds.version, 'drift', scoring, comparison, r, filter] as const,
  thresholdView: (ds: DatasetKey, scoring: string, r: ThresholdRequest, filter: string) => [ROOT, ds.id, ds.version, 'model', scoring, 'thresholdView', r, filter] as const,
  thresholdMetrics: (ds: DatasetKey, scoring: string, r: EvaluationRequest, threshold: number, filter: string) =>
    [ROOT, ds.id, ds.version, 'model', scoring, 'threshold', r.target, r.positive ?? null, r.task ?? null, r.split ?? 'all', threshold, filter] as const,
};

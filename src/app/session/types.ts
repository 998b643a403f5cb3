import type { ColumnType } from '../../core/data/table';
import type { DatasetSummary, LoadOptions, LoadProgress } from '../../workers/workbenchApi';

/** Where the current dataset came from: a bundled demo (by name) or the user's own file. */
export type SourceRef = { kind: 'demo'; name: string } | { kind: 'file'; name: string; file: Blob };

export interface LoadedDataset {
  /** Unique per successful load (the load's job id); part of every query key. */
  id: string;
  source: SourceRef;
  options: LoadOptions;
  summary: DatasetSummary;
  /** Bumped on every type override or added column so cached results are never reused. */
  version: number;
  /** Boolean columns the user added from a condition (e.g. to binarize a target), in order. */
  derived: DerivedColumn[];
}

/** A boolean column defined by a filter expression, e.g. `good = quality >= 7`. */
export interface DerivedColumn {
  name: string;
  expression: string;
}

export const STEPS = ['data', 'explore', 'train', 'model', 'explain', 'fairness', 'drift', 'audit'] as const;
export type Step = (typeof STEPS)[number];
export const EXPLORE_TABS = ['profile', 'missing', 'correlations', 'target', 'compare'] as const;
export type ExploreTab = (typeof EXPLORE_TABS)[number];
export const MODEL_TABS = ['setup', 'evaluation'] as const;
export type ModelTab = (typeof MODEL_TABS)[number];
export const EXPLAIN_TABS = ['shap', 'pdp', 'whatif', 'importance'] as const;
export type ExplainTab = (typeof EXPLAIN_TABS)[number];
export const FAIRNESS_TABS = ['report', 'value'] as const;
export type FairnessTab = (typeof FAIRNESS_TABS)[number];

export interface ViewState {
  step: Step;
  tab: ExploreTab;
  /** The column whose detail is open in the profile. */
  column: string | null;
  /** The Model step's view: import, inspect and map the model, or its evaluation. */
  modelTab: ModelTab;
  /** The Explain step's view: Shapley values or partial dependence. */
  explainTab: ExplainTab;
  /** The Fairness step's view: the group report, or the business value of a threshold. */
  fairnessTab: FairnessTab;
  /** The Audit step's open snapshot: its id (browser storage), `url:<address>` (fetched), or null for the list. */
  auditRef: string | null;
}

export const DEFAULT_VIEW: ViewState = { step: 'data', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null };

export interface TargetState {
  column: string | null;
  /** Positive class for binary targets (as text); null = regression or not chosen yet. */
  positive: string | null;
}

export const NO_TARGET: TargetState = { column: null, positive: null };

/** The last comparison the user ran in the Compare view (kept with the workspace). */
export interface CompareState {
  column: string;
  filterA: string;
  filterB: string;
  numericTest: 'welch-t' | 'mann-whitney';
}

/** The Fairness step's choices, kept with the workspace for the target they were made for. */
export interface FairnessState {
  target: string;
  sensitive: string[];
  bins: number;
  favorable: string;
  unit: string;
  values: { tp: number; fp: number; fn: number; tn: number };
  baseline: { rule: string; gives: 'favorable' | 'unfavorable' } | null;
}

/** The Drift step's last comparison (kept while the dataset is open, not saved). */
export interface DriftSetup {
  mode: 'condition' | 'date' | 'file';
  current: string;
  reference: string;
  dateColumn: string | null;
  at: string;
  columns: string[];
  bins: number;
  seed: number;
  classifier: boolean;
  /** The comparison file read into the worker: its load id and summary. */
  file: { id: string; name: string; rows: number; columns: string[] } | null;
  /** The request last run (null before the first Compare). */
  ran: import('../../workers/workbenchApi').DriftRequest | null;
}

export interface LoadState {
  jobId: string;
  label: string;
  mode: 'open' | 'restore';
  progress: LoadProgress | null;
}

export type Notice =
  | { kind: 'error'; title: string; errorName: string; errorKind: string; message: string }
  | { kind: 'info'; title: string; message: string };

export type TypeOverrides = Record<string, ColumnType>;

export function overridesOf(summary: DatasetSummary): TypeOverrides {
  const out: TypeOverrides = {};
  for (const c of summary.columns) if (c.type !== c.inferredType) out[c.name] = c.type;
  return out;
}

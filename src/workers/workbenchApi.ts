/**
 * The typed contract between the UI thread and the workbench worker (exposed with Comlink).
 * The loaded table lives in the worker; the UI asks for pages of rows and for aggregates.
 * Every method is safe to call at any time: errors are thrown as Error objects whose `name`
 * is the engine's error class (`DataError`, `InputError`, `CancelledError`) and whose
 * `message` is written for the user.
 */
import type { ColumnType } from '../core/data/table';
import type { MetricsRequest, MetricsResult, Task } from '../core/validation/evaluateScores';
import type { ModelDescription } from '../core/inference/onnx/modelDescription';
import type { ModelSignature } from '../core/inference/modelSignature';
import type { MappingSlot } from '../core/inference/inputMapping';
import type { ModelEvaluation, ThresholdMetrics } from '../core/validation/modelEvaluation';
import type { StepColumnPreview } from '../core/recipe/stepPreview';
import type { PermutationImportance } from '../core/explain/permutationImportance';
import type { Recipe } from '../core/recipe/recipe';
import type { ModelKind, TrainParams } from '../core/pipeline/trainParams';
import type { TreeSummary } from '../core/pipeline/fittedModel';
import type { SearchResult } from '../core/search/hyperSearch';
import type { ShapMethod, ShapOutput, ShapResult } from '../core/explain/shapValues';
import type { EditFlag, EditValue } from '../core/explain/whatIf';
import type { SearchDimension } from '../core/search/searchSpace';
import type { CvFold } from '../core/pipeline/crossValidate';
import type { FairnessReport } from '../core/fairness/fairnessReport';
import type { OutcomeValues } from '../core/fairness/outcomeValue';
import type { ThresholdExploration } from '../core/fairness/thresholdExploration';
import type { DriftReport } from '../core/drift/driftReport';
import type { ColumnDrift } from '../core/drift/columnDrift';
import type { Overlay } from '../core/drift/driftOverlay';
import type { Snapshot } from '../core/experiment/snapshotSchema';
import type { VerifyResult } from '../core/experiment/verifySnapshot';
import type { AuditLogRecord } from '../core/experiment/auditLogRecord';
import type { SnapshotComparison } from '../core/experiment/compareSnapshots';
import type {
  ColumnProfile,
  CorrelationMatrix,
  CorrelationMethod,
  Distribution,
  GroupComparison,
  MissingnessResult,
  OutlierCounts,
  ProfileResult,
  TargetAnalysisResult,
} from '../core/stats/results';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface LoadOptions {
  /** Field delimiter; auto-detected when omitted. */
  delimiter?: Delimiter;
  /** Decimal separator for numbers (',' only makes sense with ';' or tab delimiters). */
  decimal?: '.' | ',';
}

/** Where a dataset comes from: a user's file, or a URL (bundled demo datasets). */
export type DataSource =
  | { kind: 'file'; file: Blob; name: string }
  | { kind: 'url'; url: string; name: string };

export type DataFormat = 'csv' | 'parquet' | 'arrow';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  inferredType: ColumnType;
}

export interface DatasetSummary {
  name: string;
  format: DataFormat;
  rows: number;
  bytes: number;
  /** The delimiter used (CSV only). */
  delimiter: Delimiter | null;
  decimal: '.' | ',';
  columns: ColumnInfo[];
  loadMs: number;
}

export interface LoadProgress {
  /** Bytes read so far and the total when known. */
  bytes: number;
  totalBytes: number | null;
  rows: number;
}

/** A cell as displayed: numbers, booleans, strings (datetimes as ISO text), null = missing. */
export type Cell = number | boolean | string | null;

export interface RowsRequest {
  offset: number;
  limit: number;
  sort?: { column: string; descending: boolean };
  /** Subpopulation filter expression, e.g. `sex = "Female" and age > 40`. */
  filter?: string;
}

export interface RowsPage {
  offset: number;
  /** Rows in scope (after the filter). */
  total: number;
  /** The original 0-based row index of each returned row. */
  index: number[];
  rows: Cell[][];
}

export type FilterCheck = { ok: true; rows: number; total: number } | { ok: false; message: string };

export interface ColumnDetail {
  profile: ColumnProfile;
  distribution: Distribution;
  outliers: OutlierCounts | null;
}

/** Progress of a statistics job: units (e.g. columns) done out of the total. */
export interface JobProgressReport {
  done: number;
  total: number;
}

/** An imported ONNX model as the worker sees it. */
export interface ModelInfo {
  name: string;
  bytes: number;
  description: ModelDescription;
  signature: ModelSignature;
  /** What each slot of the mapping is (matrix positions or per-column inputs). */
  slots: MappingSlot[];
  /** The mapping suggested for the current dataset (null where the user must choose); [] without a dataset. */
  suggestedMapping: (string | null)[];
  /** onnxruntime-web threads in use (1 = deterministic). */
  threads: number;
}

/** The dataset scored with the model (kept in the worker until the model, mapping or dataset changes). */
export interface ScoringSummary {
  rows: number;
  mapping: string[];
  ms: number;
  threads: number;
  batchSize: number;
  /** Rows whose score is not a number (the model gave NaN). */
  missingScores: number;
}

/** What to evaluate the scores against. */
export interface EvaluationRequest {
  target: string;
  /** After training with a holdout: evaluate on the held-out rows ('test'), the training rows, or all. */
  split?: 'all' | 'train' | 'test';
  /** Positive class label (classification); defaults as in the CLI contract. */
  positive?: string;
  task?: Task;
}

/** How the app trains: the model, its recipe and settings, an optional held-out test set and CV. */
export interface TrainingRequest {
  target: string;
  kind: ModelKind;
  /** Tree models: the task (default: classification when the target has two values). */
  task?: 'classification' | 'regression';
  /** The recipe; the contract's default recipe when omitted. */
  recipe?: Recipe;
  params?: TrainParams;
  seed?: number;
  exclude?: string[];
  positive?: string;
  /** Logistic only: calibrate probabilities (Platt or isotonic) on out-of-fold margins. */
  calibration?: 'platt' | 'isotonic';
  /** Held-out test set: a random (stratified for classifiers) share, or the most recent rows by a date column. */
  holdout?: { fraction: number; byColumn?: string };
  /** Cross-validation on the training rows (outside the holdout). */
  cv?: { folds: number; scheme: 'kfold' | 'stratified' | 'group' | 'time'; column?: string };
}

export interface TrainingRun {
  /** Kind, task, settings and the recipe as used. */
  kind: ModelKind;
  task: 'classification' | 'regression';
  target: string;
  params: TrainParams;
  seed: number;
  recipe: Recipe;
  /** Encoded features; a linear model's coefficients (null for tree models). */
  features: string[];
  coefficients: number[] | null;
  intercept: number | null;
  /** A tree model's size (null for linear models). */
  trees: TreeSummary | null;
  trainRows: number;
  testRows: number;
  /** CV on the training rows: per fold metrics, mean and std (ddof = 1). */
  cv: { folds: CvFold[]; mean: Record<string, number | null>; std: Record<string, number | null> } | null;
  /** The exported model (now the loaded model; the dataset has been scored through it). */
  modelName: string;
  modelBytes: Uint8Array;
  model: ModelInfo;
  scoring: ScoringSummary;
  ms: number;
}

/** Progress of a training job: its stage and units done. */
export interface TrainingProgress {
  stage: 'search' | 'cross-validation' | 'training' | 'scoring';
  /** Folds (fractional while trees grow), trees, rows; for a search: trials, or seconds of a time budget (`unit`). */
  done: number;
  total: number;
  unit?: 'trials' | 'seconds';
  /** A search's trials finished so far. */
  trials?: number;
}

/** How Shapley values are computed (core/explain/shapValues.ts): the background, the engine, the scale, the seed. */
export interface ShapSettings {
  /** The background: these rows, or a seeded sample of `backgroundSize` rows (default 100), stratified by the target's class when `target` names one. */
  backgroundRows?: number[];
  backgroundSize?: number;
  target?: { column: string; positive?: string };
  method?: ShapMethod | 'auto';
  output?: ShapOutput;
  samples?: number;
  seed?: number;
}

/** Shapley values of some rows of the dataset for the loaded model. */
export interface ExplainRequest extends ShapSettings {
  /** Table rows to explain; or, with `sampleSize`, a seeded sample of that many rows of the filter's scope. */
  rows?: number[];
  sampleSize?: number;
  filter?: string;
}

export interface ExplainResult extends ShapResult {
  backgroundRows: number[];
  seed: number;
  totalRows: number;
  /** Rows in the filter's scope the explained rows were drawn from. */
  scopeRows: number;
  /** The explained rows' values of each feature (as displayed), for colouring and reading. */
  featureValues: (number | boolean | string | null)[][];
}

/** One row with edited values, predicted and explained at once (core/explain/whatIf.ts). */
export interface WhatIfRequest extends ShapSettings {
  row: number;
  /** Column → new value (null = missing). */
  edits: Record<string, EditValue>;
}

export interface WhatIfResult {
  explanation: ExplainResult;
  flags: EditFlag[];
  /** Rows the flags compare with: the last training's training rows, or every row. */
  reference: 'training rows' | 'all rows';
  /** The row as it is in the data (before the edits), explained with the same background. */
  original: ExplainResult;
  ms: number;
}

/** Permutation importance of the loaded model's input columns (core/explain/permutationImportance.ts). */
export interface ModelImportanceRequest {
  target: string;
  positive?: string;
  /** At most this many rows (seeded sample) of the held-out rows of the last training, else of all rows. */
  sample?: number;
  repeats?: number;
  seed?: number;
}

export interface ModelImportance extends PermutationImportance {
  /** Which rows: the last training's held-out rows, or every row with a target. */
  evaluatedOn: 'holdout' | 'all';
  scopeRows: number;
}

/** Partial dependence (and ICE) of the loaded model on one column (core/explain/partialDependence.ts). */
export interface PdpRequest {
  feature: string;
  /** A second column: a two-way partial dependence (no ICE) over both default grids. */
  feature2?: string;
  grid?: (number | string | boolean)[];
  gridSize?: number;
  ice?: boolean;
  sample?: number;
  seed?: number;
}

export interface PdpView {
  feature: string;
  grid: (number | string | boolean)[];
  average: number[];
  ice?: number[][];
  /** A numeric feature's values on (up to 300 of) the rows used. */
  rug?: number[];
  /** Two-way: the second column, its grid, and average2d[a][b]. */
  feature2?: string;
  grid2?: (number | string | boolean)[];
  average2d?: number[][];
  rows: number;
  totalRows: number;
  seed: number;
}

/** A hyper-parameter search over the request's model kind (searchSteps in core/search/hyperSearch.ts). */
export interface SearchSpec {
  strategy: 'grid' | 'random';
  space: SearchDimension[];
  trials?: number;
  seconds?: number;
  gridPoints?: number;
}

export interface SearchRun extends SearchResult {
  kind: ModelKind;
  /** Rows the trials were cross-validated on (outside the holdout) and rows held out. */
  trainRows: number;
  testRows: number;
}

/** Which rows, decisions and groups a fairness view covers. */
export interface FairnessSettings {
  target: string;
  positive?: string;
  /** After training with a holdout: the held-out rows ('test'), the training rows, or all. */
  split?: 'all' | 'train' | 'test';
  /** One or two sensitive columns (two add their intersection). */
  sensitive: string[];
  /** Quantile bins for numeric sensitive columns with more than 10 values. */
  bins: number;
  /** The outcome that benefits the person (default: the positive class). */
  favorable?: string;
}

export interface FairnessRequest extends FairnessSettings {
  threshold: number;
  seed?: number;
  resamples?: number;
}

/** The fairness report of the model's decisions at a threshold: the JSON `glassbox fairness` writes, plus provenance. */
export interface FairnessView {
  report: FairnessReport;
  threshold: number;
  seed: number;
  resamples: number;
  rows: number;
  totalRows: number;
  /** The other class (the report names the positive and favourable ones). */
  negative: string;
}

/** A rule-based baseline, e.g. `income > 40000`: the rows it matches get the stated outcome, the rest the other one. */
export interface BaselineRule {
  rule: string;
  gives: 'favorable' | 'unfavorable';
}

export interface ThresholdRequest extends FairnessSettings {
  values: OutcomeValues;
  baseline?: BaselineRule;
  /** Thresholds to count at besides 0, 0.01, …, 1 and the best one (e.g. the one in use). */
  extra?: number[];
}

/** Counts at every threshold, per group, with the value-maximising threshold and the baseline's decisions. */
export interface ThresholdView extends ThresholdExploration {
  positive: string;
  negative: string;
  favorable: string;
  rows: number;
  totalRows: number;
  /** Rows the baseline rule matches (null without a rule). */
  baselineMatched: number | null;
}

/** How the reference and current rows are chosen. */
export type DriftSplit =
  /** Current = rows where `current` holds; reference = rows where `reference` holds, else the other rows. */
  | { kind: 'condition'; current: string; reference?: string }
  /** Reference = rows before `at`, current = rows on or after it (a date or number column). */
  | { kind: 'date'; column: string; at: string }
  /** Reference = the open dataset, current = the file loaded with loadComparison. */
  | { kind: 'file' };

export interface DriftRequest {
  split: DriftSplit;
  columns?: string[];
  bins: number;
  seed: number;
  /** Train the domain classifier (five GBDTs). */
  classifier: boolean;
  /** With a scored model: the target, for performance drift (optional), and the threshold of its decisions. */
  target?: string;
  positive?: string;
  threshold?: number;
}

export interface DriftView {
  report: DriftReport;
  overlays: Record<string, Overlay>;
  labels: { reference: string; current: string };
  /** The model's scores compared between the sides (null without a scored model). */
  predictionDrift: (ColumnDrift & { overlay: Overlay }) | null;
  /** Why there is no prediction or performance drift, when there is none. */
  modelNote: string | null;
  /** The model's metrics on each side (null without a target). */
  performance: { reference: MetricsResult; current: MetricsResult; task: 'classification' | 'regression'; threshold: number } | null;
  seed: number;
  bins: number;
}

/** What to record in an experiment snapshot of the scored model (docs/snapshot.md). */
export interface SnapshotRequest {
  target: string;
  positive?: string;
  threshold: number;
  /** The rows evaluated: all, or the last training's held-out (or training) rows. */
  split: 'all' | 'train' | 'test';
  seed: number;
  sensitive: string[];
  favorable?: string;
  bins: number;
  embed: boolean;
  exclude: string[];
  notes: { author: string | null; note: string | null; assumptions: string | null; intendedUse: string | null; limitations: string | null };
  parent: string | null;
  overrides: Record<string, ColumnType>;
  derived: { name: string; expression: string }[];
  training: Record<string, unknown> | null;
  explanations: Record<string, unknown>[];
  drift: Record<string, unknown> | null;
  runtime: string;
  commit: string | null;
}

export interface WorkbenchApi {
  /** Parse a dataset; on success it replaces the current one, on failure or cancel the current one stays. */
  load(jobId: string, source: DataSource, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetSummary>;
  /** Cancel a queued or running job (load, statistics); its promise rejects with a CancelledError. */
  cancel(jobId: string): void;
  /** The current dataset, if any. */
  summary(): DatasetSummary | null;
  /** Override a column's type (re-derived from the parsed raw values); throws InputError when impossible. */
  setColumnType(column: string, type: ColumnType): Promise<DatasetSummary>;
  rows(request: RowsRequest): Promise<RowsPage>;
  checkFilter(filter: string): Promise<FilterCheck>;
  /*
   * Statistics calls take an optional `jobId`: `cancel(jobId)` drops the job if it has not started
   * yet (and stops the profile between columns); the profile also reports columns done.
   */
  profile(filter?: string, jobId?: string, onProgress?: (p: JobProgressReport) => void): Promise<ProfileResult>;
  column(name: string, filter?: string, jobId?: string): Promise<ColumnDetail>;
  missingness(filter?: string, jobId?: string): Promise<MissingnessResult>;
  correlations(method: CorrelationMethod, filter?: string, jobId?: string): Promise<CorrelationMatrix>;
  targetAnalysis(target: string, positive?: string, filter?: string, jobId?: string): Promise<TargetAnalysisResult>;
  /** `glassbox metrics` on the loaded table (target vs score column), within the filter. */
  metrics(request: Omit<MetricsRequest, 'rows' | 'source'>, filter?: string, jobId?: string): Promise<MetricsResult>;
  /** Compare one column between two subpopulations (filter expressions). */
  compare(
    column: string,
    filterA: string,
    filterB: string,
    numericTest?: 'welch-t' | 'mann-whitney',
    jobId?: string,
  ): Promise<GroupComparison>;

  /**
   * Threads for onnxruntime-web, fixed for the life of the worker by the first call or the first
   * model (default 1 = deterministic: the CLI's numbers). More than 1 needs a cross-origin-isolated
   * page; returns the threads actually in use.
   */
  configureScoring(threads: number): number;
  /** Import an ONNX model (replacing the current one); on failure the current model stays. Throws ModelError naming the problem. */
  loadModel(name: string, bytes: Uint8Array): Promise<ModelInfo>;
  modelInfo(): ModelInfo | null;
  closeModel(): Promise<void>;
  /** Score every row of the dataset with the model through `mapping` (one column per slot); cancellable, reports rows done. */
  scoreDataset(jobId: string, mapping: (string | null)[], onProgress?: (p: JobProgressReport) => void): Promise<ScoringSummary>;
  /** The current scoring, if the dataset has been scored with the current model. */
  scoring(): ScoringSummary | null;
  /** Curves and threshold-free figures of the scored model against the target, within the filter. */
  evaluateModel(request: EvaluationRequest, filter?: string, jobId?: string): Promise<ModelEvaluation>;
  /** `glassbox metrics` of the model's scores at a threshold (with `ci`: 95 % bootstrap, 1,000 resamples, seed). */
  modelMetrics(request: EvaluationRequest & { threshold: number; ci?: boolean; seed?: number }, filter?: string, jobId?: string): Promise<MetricsResult>;
  /** Confusion matrix and its rates at a threshold (fast; for the threshold slider). */
  thresholdMetrics(request: EvaluationRequest & { threshold: number }, filter?: string): Promise<ThresholdMetrics>;
  /** `glassbox predict`'s added columns for every row at a threshold. */
  predictions(threshold: number): Promise<{ header: string[]; prediction: (string | number | null)[]; score: number[] | null }>;
  /** Add a boolean column `name` = the filter expression (e.g. `quality >= 7`) to binarize a target. */
  addDerivedColumn(name: string, expression: string): Promise<DatasetSummary>;
  /** The contract's default recipe for this dataset, target and exclusions (a starting point to edit). */
  /** The contract's default recipe; `scale` (default true) adds the standard scaling linear models get. */
  defaultRecipe(target: string, exclude?: string[], scale?: boolean): Promise<Recipe>;
  /**
   * Train (recipe + model) with an optional holdout and CV, export it to ONNX, load the export as
   * the current model and score the dataset through it — what is evaluated is what ships.
   * Cancellable between folds; reports progress.
   */
  trainModel(jobId: string, request: TrainingRequest, onProgress?: (p: TrainingProgress) => void): Promise<TrainingRun>;
  /** Cross-validates the request's model with each parameter set of a search (the request's CV scheme, on its training rows); cancellable between trees, folds and trials. */
  searchModel(jobId: string, request: TrainingRequest, search: SearchSpec, onProgress?: (p: TrainingProgress) => void): Promise<SearchRun>;
  /** Shapley values of rows for the loaded model, its inputs mapped as for scoring; cancellable. */
  explainRows(jobId: string, request: ExplainRequest, onProgress?: (p: JobProgressReport) => void): Promise<ExplainResult>;
  /** A row with edited values, explained; with flags for values the reference rows never had. */
  whatIf(jobId: string, request: WhatIfRequest): Promise<WhatIfResult>;
  /** Permutation importance of the loaded model on the held-out rows (or all rows), with repeats; cancellable. */
  modelImportance(jobId: string, request: ModelImportanceRequest, onProgress?: (p: JobProgressReport) => void): Promise<ModelImportance>;
  /** Partial dependence of the loaded model on one column; cancellable. */
  partialDependence(jobId: string, request: PdpRequest, onProgress?: (p: JobProgressReport) => void): Promise<PdpView>;
  /** After a reload: recompute the (seeded) held-out rows of an earlier training request, so evaluation can be scoped to them again. */
  restoreHoldout(request: TrainingRequest): Promise<{ trainRows: number; testRows: number }>;
  /**
   * One column before and after step `step` (0-based) of the request's recipe, fitted on the
   * request's training rows (the holdout left out) exactly as training fits it.
   */
  previewRecipeStep(request: TrainingRequest, step: number, column: string): Promise<RecipeStepPreview>;
  /**
   * Permutation importance of the raw columns for a quick model: the request's recipe and model
   * (no CV, no calibration) fitted on its training rows (at most 50,000, a seeded sample), scored
   * on its held-out rows — or, without a holdout, on a seeded quarter of the training rows kept
   * out of the fit — at most 10,000 of them. Cancellable; reports columns done.
   */
  /** The fairness report of the scored model's decisions at a threshold, with bootstrap intervals (progress, cancellable). */
  fairness(jobId: string, request: FairnessRequest, filter?: string, onProgress?: (p: JobProgressReport) => void): Promise<FairnessView>;
  /** Counts per group at every threshold, the value-maximising threshold and a baseline rule's decisions. */
  thresholdView(request: ThresholdRequest, filter?: string): Promise<ThresholdView>;
  /** Reads a second file to compare with the open dataset (drift); the open dataset stays. */
  loadComparison(jobId: string, source: DataSource, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetSummary>;
  /** Drift between reference and current rows: per column, the domain classifier, and the model's scores and metrics (progress, cancellable). */
  drift(jobId: string, request: DriftRequest, filter?: string, onProgress?: (p: JobProgressReport) => void): Promise<DriftView>;
  /** Builds the snapshot of the scored model's experiment (the UI stores it). */
  saveSnapshot(jobId: string, request: SnapshotRequest): Promise<Snapshot>;
  /** Verifies a snapshot as `glassbox verify` does (hashes; with embedded data, re-scoring). */
  verifySnapshot(jobId: string, snapshot: Snapshot): Promise<VerifyResult>;
  /** Champion vs challenger re-scored on the same embedded rows: paired bootstrap of each metric's difference, both ROC curves. */
  compareSnapshots(jobId: string, champion: Snapshot, challenger: Snapshot): Promise<SnapshotComparison>;
  /** The self-contained HTML audit report of a snapshot (what `glassbox report` writes). */
  auditReport(snapshot: Snapshot, fileName: string): Promise<string>;
  /** What a team server's audit log says of a snapshot, its whole hash chain checked (as `glassbox verify --server` reads it). */
  auditLogRecord(entries: unknown[], id: string): Promise<AuditLogRecord>;
  quickImportance(jobId: string, request: TrainingRequest, onProgress?: (p: JobProgressReport) => void): Promise<QuickImportance>;
}

export interface QuickImportance extends PermutationImportance {
  kind: ModelKind;
  /** Rows the quick model was fitted on. */
  fitRows: number;
  /** Where the importance was measured: the request's held-out rows, or a quarter of its training rows. */
  evaluatedOn: 'holdout' | 'split';
  totalRows: number;
}

export interface RecipeStepPreview extends StepColumnPreview {
  /** Rows of the dataset (the preview uses `rows` of them: the training rows). */
  totalRows: number;
  seed: number;
}

/**
 * The workbench session: holds the loaded table and answers the UI's questions about it.
 * Runs inside the workbench Web Worker (see workbench.worker.ts) and, unchanged, in Node tests
 * — this is "the worker path" that the CLI parity tests compare against.
 */
import { withColumnType } from '../core/data/buildTable';
import { blobSource } from '../core/data/byteSource';
import { requireColumn } from '../core/data/columnLookup';
import { selectRows } from '../core/data/filter/evaluateFilter';
import { readDataset } from '../core/data/readDataset';
import { sortRows } from '../core/data/sortRows';
import { cellAt } from '../core/data/cellAt';
import type { ColumnType, RowSelection, Table } from '../core/data/table';
import { CancelledError, GlassboxError, InputError } from '../core/errors/errors';
import { compareGroups } from '../core/stats/compareGroups';
import { correlationMatrix } from '../core/stats/correlation';
import { columnDistribution } from '../core/stats/distribution';
import { missingness } from '../core/stats/missingness';
import { iqrOutliers } from '../core/stats/outliers';
import { profileColumn } from '../core/stats/profile';
import type { CorrelationMethod, ProfileResult } from '../core/stats/results';
import { targetAnalysis } from '../core/stats/targetAnalysis';
import { metricsOfAsync, scoredColumn, scoredRows, type MetricsRequest, type ScoredRows } from '../core/validation/evaluateScores';
import { evaluateModel, thresholdMetrics } from '../core/validation/modelEvaluation';
import { mappingSlots, resolveMapping, suggestMapping } from '../core/inference/inputMapping';
import { checkThreshold, predictionsFrom } from '../core/inference/predictions';
import { openScorer, SCORING_BATCH_SIZE, type Scorer } from '../core/inference/scorer';
import { configureRuntime, runtimeThreads } from '../core/inference/onnxRuntime';
import { derivedColumn } from '../core/data/derivedColumn';
import { numberAt } from '../core/data/modelEncoding';
import { holdout as holdoutSplit } from '../core/folds/holdout';
import { crossValidateAsync } from '../core/pipeline/crossValidate';
import { exportPipeline, predictPipeline, previewPipelineStep, requestTask, trainPipelineSteps } from '../core/pipeline/trainPipeline';
import { linearOf, treeSummary } from '../core/pipeline/fittedModel';
import { finishAsync } from '../core/progress/steps';
import { fairnessSteps } from '../core/fairness/fairnessReport';
import { thresholdExploration } from '../core/fairness/thresholdExploration';
import { baselineDecisions } from './baselineDecisions';
import { decisionsAt, fairnessInputs } from '../core/fairness/scoredDecisions';
import { driftReport } from '../core/drift/driftReport';
import { driftOverlay } from '../core/drift/driftOverlay';
import { splitSides } from './driftSides';
import { modelDrift } from './driftModel';
import { buildSnapshot } from '../core/experiment/buildSnapshot';
import { auditReport } from '../core/report/auditReport';
import { compareSnapshots, type SnapshotComparison } from '../core/experiment/compareSnapshots';
import { environment } from '../core/experiment/environment';
import { validateSnapshot } from '../core/experiment/readSnapshot';
import type { Snapshot } from '../core/experiment/snapshotSchema';
import { verifySnapshot, type VerifyResult } from '../core/experiment/verifySnapshot';
import { auditLogRecord, type AuditLogRecord } from '../core/experiment/auditLogRecord';
import { searchSteps } from '../core/search/hyperSearch';
import { backgroundSample, DEFAULT_BACKGROUND } from '../core/explain/backgroundSample';
import { partialDependence, partialDependence2d } from '../core/explain/partialDependence';
import { shapValues } from '../core/explain/shapValues';
import { editedRow, editFlags } from '../core/explain/whatIf';
import { permutationImportance } from '../core/explain/permutationImportance';
import { seededSample } from '../core/folds/shuffle';
import { seededRandom } from '../core/random/seededRandom';
import { defaultRecipe } from '../core/recipe/defaultRecipe';
import { sha256Hex } from '../core/fingerprint/sha256';
import type { Recipe } from '../core/recipe/recipe';
import { readTarget } from '../core/validation/targetClasses';
import type {
  SnapshotRequest,
  DriftRequest,
  DriftView,
  FairnessRequest,
  FairnessView,
  ThresholdRequest,
  ThresholdView,
  ColumnDetail,
  DataSource,
  DatasetSummary,
  EvaluationRequest,
  FilterCheck,
  JobProgressReport,
  ModelInfo,
  QuickImportance,
  RecipeStepPreview,
  ScoringSummary,
  TrainingProgress,
  TrainingRequest,
  TrainingRun,
  LoadOptions,
  LoadProgress,
  RowsPage,
  RowsRequest,
  SearchRun,
  SearchSpec,
  ExplainRequest,
  ExplainResult,
  PdpRequest,
  PdpView,
  ShapSettings,
  WhatIfRequest,
  WhatIfResult,
  ModelImportanceRequest,
  ModelImportance,
  WorkbenchApi,
} from './workbenchApi';

interface Loaded {
  table: Table;
  summary: DatasetSummary;
  /** The file's bytes, for its SHA-256 fingerprint (computed when a model is trained). */
  blob?: Blob;
  sha256?: string;
}

interface LoadedModel {
  name: string;
  bytes: number;
  data: Uint8Array;
  scorer: Scorer;
}

interface Scoring {
  summary: ScoringSummary;
  scores: Float64Array;
}

export class Workbench implements WorkbenchApi {
  private current: Loaded | null = null;
  private model: LoadedModel | null = null;
  private scored: Scoring | null = null;
  /** A second file to compare with (drift). */
  private comparison: { table: Table; summary: DatasetSummary } | null = null;
  /** Rows held out by the last training (sorted), and the rows it trained on. */
  private split: { train: Uint32Array; test: Uint32Array } | null = null;
  private readonly jobs = new Map<string, AbortController>();
  private readonly selections = new Map<string, RowSelection>();
  private readonly orders = new Map<string, Uint32Array>();

  async load(jobId: string, source: DataSource, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetSummary> {
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    const started = Date.now();
    try {
      const blob = await toBlob(source, controller.signal);
      const read = await readDataset(blobSource(blob, source.name), options, { signal: controller.signal, onProgress });
      if (controller.signal.aborted) throw new CancelledError();
      const summary: DatasetSummary = {
        name: source.name,
        format: read.format,
        rows: read.table.rowCount,
        bytes: read.bytes,
        delimiter: read.delimiter,
        decimal: read.decimal,
        columns: columnInfos(read.table),
        loadMs: Date.now() - started,
      };
      this.replace({ table: read.table, summary, blob });
      return summary;
    } catch (e) {
      throw toTransferable(e);
    } finally {
      this.jobs.delete(jobId);
    }
  }

  /** Loads a table that was read elsewhere (tests, the CLI parity check). */
  adopt(table: Table, name: string): DatasetSummary {
    const summary: DatasetSummary = {
      name,
      format: 'csv',
      rows: table.rowCount,
      bytes: 0,
      delimiter: ',',
      decimal: '.',
      columns: columnInfos(table),
      loadMs: 0,
    };
    this.replace({ table, summary });
    return summary;
  }

  cancel(jobId: string): void {
    this.jobs.get(jobId)?.abort();
  }

  summary(): DatasetSummary | null {
    return this.current?.summary ?? null;
  }

  async setColumnType(column: string, type: ColumnType): Promise<DatasetSummary> {
    return guard(() => {
      const { table, summary } = this.require();
      requireColumn(table, column);
      const next = withColumnType(table, column, type);
      const updated = { ...summary, columns: columnInfos(next) };
      this.replace({ ...this.require(), table: next, summary: updated });
      return updated;
    });
  }

  async rows(request: RowsRequest): Promise<RowsPage> {
    return guard(() => {
      const { table } = this.require();
      const selection = this.select(request.filter);
      const order = request.sort ? this.sorted(request.sort.column, request.sort.descending, request.filter, selection) : selection;
      const total = order ? order.length : table.rowCount;
      const start = Math.max(0, Math.min(request.offset, total));
      const end = Math.min(total, start + Math.max(0, request.limit));
      const index: number[] = [];
      const rows: RowsPage['rows'] = [];
      for (let k = start; k < end; k++) {
        const i = order ? order[k] : k;
        index.push(i);
        rows.push(table.columns.map((c) => cellAt(c, i)));
      }
      return { offset: start, total, index, rows };
    });
  }

  async checkFilter(filter: string): Promise<FilterCheck> {
    const { table } = this.require();
    try {
      const selection = this.select(filter);
      return { ok: true, rows: selection ? selection.length : table.rowCount, total: table.rowCount };
    } catch (e) {
      if (e instanceof GlassboxError) return { ok: false, message: e.message };
      throw e;
    }
  }

  /** The profile, column by column: progress after each, cancellable between columns. */
  async profile(filter?: string, jobId?: string, onProgress?: (p: JobProgressReport) => void): Promise<ProfileResult> {
    return this.job(jobId, async (signal) => {
      const { table } = this.require();
      const rows = this.select(filter);
      const columns = [];
      for (const column of table.columns) {
        await nextTask();
        if (signal.aborted) throw new CancelledError();
        columns.push(profileColumn(column, rows));
        onProgress?.({ done: columns.length, total: table.columns.length });
      }
      return { rows: rows ? rows.length : table.rowCount, columns };
    });
  }

  async column(name: string, filter?: string, jobId?: string): Promise<ColumnDetail> {
    return this.job(jobId, () => {
      const column = requireColumn(this.require().table, name);
      const rows = this.select(filter);
      return { profile: profileColumn(column, rows), distribution: columnDistribution(column, rows), outliers: iqrOutliers(column, rows) };
    });
  }

  async missingness(filter?: string, jobId?: string) {
    return this.job(jobId, () => missingness(this.require().table, this.select(filter)));
  }

  async correlations(method: CorrelationMethod, filter?: string, jobId?: string) {
    return this.job(jobId, () => correlationMatrix(this.require().table, this.select(filter), method));
  }

  async targetAnalysis(target: string, positive?: string, filter?: string, jobId?: string) {
    return this.job(jobId, () => targetAnalysis(this.require().table, target, this.select(filter), { positive }));
  }

  async metrics(request: Omit<MetricsRequest, 'rows' | 'source'>, filter?: string, jobId?: string) {
    return this.job(jobId, (signal) => {
      const { table, summary } = this.require();
      const scored = scoredColumn(table, { ...request, rows: this.select(filter), source: summary.name });
      return metricsOfAsync(scored, request, { pause: nextTask, signal });
    });
  }

  async compare(column: string, filterA: string, filterB: string, numericTest?: 'welch-t' | 'mann-whitney', jobId?: string) {
    return this.job(jobId, () => {
      const { table } = this.require();
      const col = requireColumn(table, column);
      const a = this.select(filterA) ?? allRows(table.rowCount);
      const b = this.select(filterB) ?? allRows(table.rowCount);
      return compareGroups(col, a, b, { numericTest });
    });
  }

  configureScoring(threads: number): number {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    return configureRuntime({ threads: isolated ? threads : 1 });
  }

  async loadModel(name: string, bytes: Uint8Array): Promise<ModelInfo> {
    try {
      const scorer = await openScorer(bytes);
      const previous = this.model;
      this.model = { name, bytes: bytes.length, data: bytes, scorer };
      this.scored = null;
      if (previous) await previous.scorer.dispose();
      return this.modelInfo()!;
    } catch (e) {
      throw toTransferable(e);
    }
  }

  modelInfo(): ModelInfo | null {
    if (!this.model) return null;
    const { scorer, name, bytes } = this.model;
    return {
      name,
      bytes,
      description: scorer.description,
      signature: scorer.signature,
      slots: mappingSlots(scorer.signature),
      suggestedMapping: this.current ? suggestMapping(scorer.signature, this.current.table.columns.map((c) => c.name)) : [],
      threads: runtimeThreads(),
    };
  }

  async closeModel(): Promise<void> {
    const model = this.model;
    this.model = null;
    this.scored = null;
    if (model) await model.scorer.dispose();
  }

  async scoreDataset(jobId: string, mapping: (string | null)[], onProgress?: (p: JobProgressReport) => void): Promise<ScoringSummary> {
    return this.job(jobId, async (signal) => {
      const { table, summary } = this.require();
      const { scorer } = this.requireModel();
      const resolved = resolveMapping(scorer.signature, table, summary.name, mapping);
      const started = Date.now();
      const scores = await scorer.score(table, resolved, {
        signal,
        pause: nextTask,
        onProgress: (done, total) => onProgress?.({ done, total }),
      });
      if (this.current?.table !== table || this.model?.scorer !== scorer) {
        throw new InputError('the dataset or the model changed while scoring: score again');
      }
      let missing = 0;
      for (let i = 0; i < scores.length; i++) if (Number.isNaN(scores[i])) missing++;
      const result: ScoringSummary = {
        rows: scores.length,
        mapping: resolved,
        ms: Date.now() - started,
        threads: runtimeThreads(),
        batchSize: SCORING_BATCH_SIZE,
        missingScores: missing,
      };
      this.scored = { summary: result, scores };
      return result;
    });
  }

  scoring(): ScoringSummary | null {
    return this.scored?.summary ?? null;
  }

  async evaluateModel(request: EvaluationRequest, filter?: string, jobId?: string) {
    return this.job(jobId, () => {
      const { scored, inScope, total } = this.scoredRows(request, filter);
      return evaluateModel(scored, inScope, total);
    });
  }

  async modelMetrics(request: EvaluationRequest & { threshold: number; ci?: boolean; seed?: number }, filter?: string, jobId?: string) {
    return this.job(jobId, (signal) => {
      checkThreshold(request.threshold);
      return metricsOfAsync(this.scoredRows(request, filter).scored, request, { pause: nextTask, signal });
    });
  }

  async thresholdMetrics(request: EvaluationRequest & { threshold: number }, filter?: string) {
    return this.job(undefined, () => {
      checkThreshold(request.threshold);
      const { scored, inScope, total } = this.scoredRows(request, filter);
      if (scored.task !== 'classification') throw new InputError('a threshold applies to classifiers only');
      return thresholdMetrics(scored, request.threshold, inScope, total);
    });
  }

  async predictions(threshold: number) {
    return this.job(undefined, () => {
      const scores = this.requireScores();
      const p = predictionsFrom(this.requireModel().scorer.signature, scores, threshold);
      return { header: p.header, prediction: p.prediction, score: p.score ? Array.from(p.score) : null };
    });
  }

  async addDerivedColumn(name: string, expression: string): Promise<DatasetSummary> {
    return guard(() => {
      const { table, summary } = this.require();
      const trimmed = name.trim();
      if (trimmed === '') throw new InputError('the new column needs a name');
      if (table.columns.some((c) => c.name === trimmed)) throw new InputError(`a column named '${trimmed}' already exists`);
      if (expression.trim() === '') throw new InputError('write the condition that defines the new column, e.g. quality >= 7');
      const column = derivedColumn(table, trimmed, expression);
      const next: Table = { rowCount: table.rowCount, columns: [...table.columns, column] };
      const updated = { ...summary, columns: columnInfos(next) };
      this.replace({ ...this.require(), table: next, summary: updated }, true);
      return updated;
    });
  }

  /** The filter's rows, intersected with the training or held-out rows of the last training when asked. */
  private scope(filter: string | undefined, split: 'all' | 'train' | 'test' | undefined): RowSelection {
    const rows = this.select(filter);
    if (!split || split === 'all') return rows;
    if (!this.split) throw new InputError('there is no held-out test set: train with a holdout first');
    const part = this.split[split];
    if (!rows) return part;
    const inFilter = new Uint8Array(this.require().table.rowCount);
    for (const r of rows) inFilter[r] = 1;
    return part.filter((r) => inFilter[r] === 1);
  }

  /** The training and held-out rows of a training request (seeded: the same request gives the same split). */
  private holdoutRows(request: TrainingRequest): { train: Uint32Array; test: Uint32Array } {
    const { table, summary } = this.require();
    const all = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
    const target = readTarget(table, request.target, { rows: all, task: requestTask(request), positive: request.positive, source: summary.name });
    if (!request.holdout) return { train: target.rows, test: new Uint32Array(0) };
    const column = request.holdout.byColumn ? requireColumn(table, request.holdout.byColumn) : null;
    return holdoutSplit(target.rows, request.holdout.fraction, request.seed ?? 42, {
      order: column ? Float64Array.from(target.rows, (r) => numberAt(column, r)) : undefined,
      labels: !column && target.task === 'classification' ? target.label : undefined,
      column: column?.name,
    });
  }

  async restoreHoldout(request: TrainingRequest): Promise<{ trainRows: number; testRows: number }> {
    return guard(() => {
      if (!request.holdout) throw new InputError('this training had no held-out rows');
      const { train, test } = this.holdoutRows(request);
      this.split = { train: Uint32Array.from(train).sort(), test: Uint32Array.from(test).sort() };
      return { trainRows: train.length, testRows: test.length };
    });
  }

  async previewRecipeStep(request: TrainingRequest, step: number, column: string): Promise<RecipeStepPreview> {
    return guard(() => {
      const { table, summary } = this.require();
      const { train } = this.holdoutRows(request);
      const preview = previewPipelineStep(table, { ...request, rows: train, source: summary.name }, step, column);
      return { ...preview, totalRows: table.rowCount, seed: request.seed ?? 42 };
    });
  }

  async fairness(jobId: string, request: FairnessRequest, filter?: string, onProgress?: (p: JobProgressReport) => void): Promise<FairnessView> {
    return this.job(jobId, async (signal) => {
      checkThreshold(request.threshold);
      const { table, summary } = this.require();
      const inputs = fairnessInputs(table, this.scoredRows(request, filter).scored, request, summary.name);
      const seed = request.seed ?? 0;
      const resamples = request.resamples ?? 1000;
      const report = await finishAsync(
        fairnessSteps(decisionsAt(inputs, request.threshold), inputs.attributes, { positive: inputs.positive, favorable: inputs.favorable, seed, resamples, threshold: request.threshold }),
        { pause: nextTask, signal, onProgress: (done, total) => onProgress?.({ done, total }) },
      );
      return { report, threshold: request.threshold, seed, resamples, rows: inputs.rows.length, totalRows: table.rowCount, negative: inputs.negative };
    });
  }

  async thresholdView(request: ThresholdRequest, filter?: string): Promise<ThresholdView> {
    return this.job(undefined, () => {
      const { table, summary } = this.require();
      const inputs = fairnessInputs(table, this.scoredRows(request, filter).scored, request, summary.name);
      const baseline = request.baseline ? baselineDecisions(table, inputs, request.baseline) : null;
      const exploration = thresholdExploration({ y: inputs.y, score: inputs.score, values: request.values, baseline: baseline?.predicted, extra: request.extra }, inputs.attributes);
      return { ...exploration, positive: inputs.positive, negative: inputs.negative, favorable: inputs.favorable, rows: inputs.rows.length, totalRows: table.rowCount, baselineMatched: baseline?.matched ?? null };
    });
  }

  async loadComparison(jobId: string, source: DataSource, options: LoadOptions, onProgress?: (p: LoadProgress) => void): Promise<DatasetSummary> {
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    const started = Date.now();
    try {
      this.require();
      const blob = await toBlob(source, controller.signal);
      const read = await readDataset(blobSource(blob, source.name), options, { signal: controller.signal, onProgress });
      if (controller.signal.aborted) throw new CancelledError();
      const summary: DatasetSummary = { name: source.name, format: read.format, rows: read.table.rowCount, bytes: read.bytes, delimiter: read.delimiter, decimal: read.decimal, columns: columnInfos(read.table), loadMs: Date.now() - started };
      this.comparison = { table: read.table, summary };
      return summary;
    } catch (e) {
      throw toTransferable(e);
    } finally {
      this.jobs.delete(jobId);
    }
  }

  async drift(jobId: string, request: DriftRequest, filter?: string, onProgress?: (p: JobProgressReport) => void): Promise<DriftView> {
    return this.job(jobId, async (signal) => {
      const { table, summary } = this.require();
      const scope = this.select(filter);
      const comparison = request.split.kind === 'file' ? this.comparison : null;
      if (request.split.kind === 'file' && !comparison) throw new InputError('choose the file to compare with first');
      const sides =
        request.split.kind === 'file'
          ? { reference: { table, rows: scope ? Uint32Array.from(scope) : null }, current: { table: comparison!.table, rows: null }, labels: [summary.name, comparison!.summary.name] as [string, string] }
          : splitSides(table, request.split, scope);
      const report = await driftReport(sides.reference, sides.current, { columns: request.columns, bins: request.bins, seed: request.seed, skipClassifier: !request.classifier }, { pause: nextTask, signal, onProgress: (done, total) => onProgress?.({ done, total }) });
      const overlays = Object.fromEntries(report.columns.map((c) => [c.name, driftOverlay(c.name, sides.reference, sides.current)]));
      const base = { report, overlays, labels: { reference: sides.labels[0], current: sides.labels[1] }, seed: request.seed, bins: request.bins };
      if (!this.model || !this.scored) return { ...base, predictionDrift: null, performance: null, modelNote: 'Train a model or import one and score the dataset to compare its predictions too.' };
      const { scorer } = this.model;
      let currentScores = this.scored.scores;
      if (comparison) {
        try {
          currentScores = await scorer.score(comparison.table, resolveMapping(scorer.signature, comparison.table, comparison.summary.name, this.scored.summary.mapping), { signal, pause: nextTask });
        } catch (e) {
          if (e instanceof CancelledError) throw e;
          return { ...base, predictionDrift: null, performance: null, modelNote: `The model cannot score ${comparison.summary.name}: ${e instanceof Error ? e.message : String(e)}` };
        }
      }
      const target = request.target && (!comparison || comparison.table.columns.some((c) => c.name === request.target)) ? request.target : undefined;
      const model = modelDrift(
        { side: sides.reference, scores: this.scored.scores },
        { side: sides.current, scores: currentScores },
        { bins: request.bins, task: scorer.signature.task, target, positive: request.positive, threshold: request.threshold ?? 0.5, source: summary.name },
      );
      return { ...base, ...model, modelNote: target ? null : request.target ? `${comparison?.summary.name} has no column '${request.target}': no performance drift.` : 'Choose the target to compare the model’s performance too.' };
    });
  }

  async saveSnapshot(jobId: string, request: SnapshotRequest): Promise<Snapshot> {
    return this.job(jobId, async () => {
      const { table, summary, blob } = this.require();
      if (!blob) throw new InputError("the dataset's file is not available to fingerprint: open the file again");
      const model = this.requireModel();
      if (!this.scored) throw new InputError('the dataset has not been scored with this model yet: press Score');
      const rows = request.split === 'all' ? undefined : (this.scope(undefined, request.split) as Uint32Array);
      return buildSnapshot({
        data: { bytes: new Uint8Array(await blob.arrayBuffer()), name: summary.name, read: { table, format: summary.format, delimiter: summary.delimiter, decimal: summary.decimal, bytes: summary.bytes }, overrides: request.overrides, derived: request.derived },
        model: { bytes: model.data, name: model.name, scorer: model.scorer, mapping: this.scored.summary.mapping, scores: this.scored.scores },
        evaluation: { target: request.target, positive: request.positive, threshold: request.threshold, rows, seed: request.seed, sensitive: request.sensitive, favorable: request.favorable, bins: request.bins, source: summary.name },
        embed: request.embed,
        exclude: request.exclude,
        notes: request.notes,
        parent: request.parent,
        training: request.training,
        explanations: request.explanations,
        drift: request.drift,
        environment: environment(request.runtime, request.commit),
        createdAt: new Date().toISOString(),
      });
    });
  }

  async verifySnapshot(jobId: string, snapshot: Snapshot): Promise<VerifyResult> {
    return this.job(jobId, () => verifySnapshot(validateSnapshot(snapshot), openScorer));
  }

  async compareSnapshots(jobId: string, champion: Snapshot, challenger: Snapshot): Promise<SnapshotComparison> {
    return this.job(jobId, () => compareSnapshots(validateSnapshot(champion), validateSnapshot(challenger), openScorer));
  }

  async auditLogRecord(entries: unknown[], id: string): Promise<AuditLogRecord> {
    return auditLogRecord(entries, id);
  }

  async auditReport(snapshot: Snapshot, fileName: string): Promise<string> {
    return this.job(undefined, () => auditReport(validateSnapshot(snapshot), { snapshotFile: fileName }));
  }

  async quickImportance(jobId: string, request: TrainingRequest, onProgress?: (p: JobProgressReport) => void): Promise<QuickImportance> {
    return this.job(jobId, async (signal) => {
      const { table, summary } = this.require();
      const seed = request.seed ?? 42;
      const { train, test } = this.holdoutRows(request);
      let fit = train;
      let evaluate = test;
      if (test.length === 0) {
        const split = holdoutSplit(train, 0.25, seed);
        fit = split.train;
        evaluate = split.test;
      }
      fit = seededSample(fit, QUICK_FIT_ROWS, seededRandom(seed));
      evaluate = seededSample(evaluate, QUICK_EVALUATION_ROWS, seededRandom(seed));
      const quick = { target: request.target, kind: request.kind, task: requestTask(request), recipe: request.recipe, params: request.params, seed, exclude: request.exclude, positive: request.positive, source: summary.name, rows: fit };
      const pipeline = await finishAsync(trainPipelineSteps(table, quick), { pause: nextTask, signal });
      await nextTask();
      const target = readTarget(table, request.target, { rows: evaluate, task: pipeline.task, positive: request.positive, source: summary.name });
      const columns = pipeline.fitted.inputs.map((i) => i.column);
      const result = await permutationImportance(
        (t, rows) => predictPipeline(pipeline, t, rows),
        table,
        target.rows,
        columns,
        target.task === 'classification' ? { task: 'classification', label: target.label } : { task: 'regression', value: target.value },
        { seed, pause: nextTask, signal, onProgress: (done, total) => onProgress?.({ done, total }) },
      );
      return { ...result, kind: pipeline.kind, fitRows: pipeline.trainRows, evaluatedOn: test.length > 0 ? 'holdout' : 'split', totalRows: table.rowCount };
    });
  }

  /** SHA-256 of the loaded file's bytes (null for a table adopted without its file). */
  private async fingerprint(): Promise<string | null> {
    const current = this.require();
    if (current.sha256) return current.sha256;
    if (!current.blob) return null;
    current.sha256 = await sha256Hex(new Uint8Array(await current.blob.arrayBuffer()));
    return current.sha256;
  }

  async defaultRecipe(target: string, exclude: string[] = [], scale = true): Promise<Recipe> {
    return guard(() => {
      const { table } = this.require();
      requireColumn(table, target);
      return defaultRecipe(table, [target, ...exclude], { scale });
    });
  }

  async trainModel(jobId: string, request: TrainingRequest, onProgress?: (p: TrainingProgress) => void): Promise<TrainingRun> {
    return this.job(jobId, async (signal) => {
      const started = Date.now();
      const { table, summary } = this.require();
      const source = summary.name;
      const { train, test } = this.holdoutRows(request);
      const task = readTarget(table, request.target, { rows: train, task: requestTask(request), positive: request.positive, source }).task;
      const base = { target: request.target, kind: request.kind, task, recipe: request.recipe, params: request.params, seed: request.seed, exclude: request.exclude, positive: request.positive, calibration: request.calibration, source };
      let cv: TrainingRun['cv'] = null;
      if (request.cv) {
        const { scheme, column, folds } = request.cv;
        const result = await crossValidateAsync(
          table,
          { ...base, rows: train, folds, stratify: scheme === 'stratified' || (scheme === 'group' && task === 'classification'), group: scheme === 'group' ? column : undefined, time: scheme === 'time' ? column : undefined },
          { pause: nextTask, signal, onProgress: (done, total) => onProgress?.({ stage: 'cross-validation', done, total }) },
        );
        cv = { folds: result.folds, mean: result.mean, std: result.std };
      }
      onProgress?.({ stage: 'training', done: 0, total: 1 });
      await nextTask();
      if (signal.aborted) throw new CancelledError();
      const pipeline = await finishAsync(trainPipelineSteps(table, { ...base, rows: train }), { pause: nextTask, signal, onProgress: (done, total) => onProgress?.({ stage: 'training', done, total }) });
      const bytes = await exportPipeline(pipeline, { dataSha256: await this.fingerprint(), dataName: source });
      const modelName = `${request.kind}-${request.target}.onnx`.replace(/[^A-Za-z0-9_.-]/g, '_');
      const model = await this.loadModel(modelName, bytes.slice());
      const scoring = await this.scoreDataset(`${jobId}:score`, model.suggestedMapping, (p) => onProgress?.({ stage: 'scoring', done: p.done, total: p.total }));
      this.split = request.holdout ? { train: Uint32Array.from(train).sort(), test: Uint32Array.from(test).sort() } : null;
      const linear = linearOf(pipeline.model);
      return {
        kind: pipeline.kind,
        task: pipeline.task,
        target: pipeline.target,
        params: pipeline.params,
        seed: pipeline.seed,
        recipe: pipeline.recipe,
        features: pipeline.fitted.features,
        coefficients: linear ? Array.from(linear.coefficients) : null,
        intercept: linear ? linear.intercept : null,
        trees: treeSummary(pipeline.model),
        trainRows: pipeline.trainRows,
        testRows: test.length,
        cv,
        modelName,
        modelBytes: bytes,
        model,
        scoring,
        ms: Date.now() - started,
      };
    });
  }

  async searchModel(jobId: string, request: TrainingRequest, search: SearchSpec, onProgress?: (p: TrainingProgress) => void): Promise<SearchRun> {
    return this.job(jobId, async (signal) => {
      const { table, summary } = this.require();
      if (!request.cv) throw new InputError('a search is scored by cross-validation: choose a CV scheme');
      const source = summary.name;
      const { train, test } = this.holdoutRows(request);
      const task = readTarget(table, request.target, { rows: train, task: requestTask(request), positive: request.positive, source }).task;
      const { scheme, column, folds } = request.cv;
      const cvRequest = {
        target: request.target,
        kind: request.kind,
        task,
        recipe: request.recipe,
        params: request.params,
        seed: request.seed,
        exclude: request.exclude,
        positive: request.positive,
        source,
        rows: train,
        folds,
        stratify: scheme === 'stratified' || (scheme === 'group' && task === 'classification'),
        group: scheme === 'group' ? column : undefined,
        time: scheme === 'time' ? column : undefined,
      };
      let trials = 0;
      const unit = search.trials !== undefined || search.strategy === 'grid' ? 'trials' : 'seconds';
      const result = await finishAsync(searchSteps(table, cvRequest, search), {
        pause: nextTask,
        signal,
        onProgress: (done, total) => {
          if (unit === 'trials') trials = Math.floor(done);
          onProgress?.({ stage: 'search', done, total, unit, trials });
        },
      });
      return { ...result, kind: request.kind, trainRows: train.length, testRows: test.length };
    });
  }

  async explainRows(jobId: string, request: ExplainRequest, onProgress?: (p: JobProgressReport) => void): Promise<ExplainResult> {
    return this.job(jobId, async (signal) => {
      const { table, summary } = this.require();
      const seed = request.seed ?? 42;
      const scope = this.select(request.filter) ?? allRows(table.rowCount);
      const explained = request.rows ? Uint32Array.from(request.rows) : seededSample(scope, request.sampleSize ?? 100, seededRandom(seed));
      if (explained.length === 0) throw new InputError('no rows to explain: the filter selects none');
      const background = this.explanationBackground(request, seed);
      const result = await this.explain(table, summary.name, explained, background, request, signal, onProgress);
      return { ...result, scopeRows: scope.length };
    });
  }

  /** Shapley values of `rows` of `data` (the dataset, or an edited copy of one row) against background rows of the dataset. */
  private async explain(data: Table, dataSource: string, rows: ArrayLike<number>, background: Uint32Array, settings: ShapSettings, signal: AbortSignal, onProgress?: (p: JobProgressReport) => void): Promise<Omit<ExplainResult, 'scopeRows'>> {
    const { table, summary } = this.require();
    const model = this.requireModel();
    const mapping = this.modelMapping();
    const seed = settings.seed ?? 42;
    const result = await shapValues({
      model: model.data,
      data,
      dataSource,
      rows: Int32Array.from(rows),
      background: table,
      backgroundSource: summary.name,
      backgroundRows: Int32Array.from(background),
      mapping,
      method: settings.method,
      output: settings.output,
      samples: settings.samples,
      seed,
      signal,
      pause: nextTask,
      onProgress: (done, total) => onProgress?.({ done, total }),
    });
    const columns = mapping.map((name) => requireColumn(data, name));
    const featureValues = Array.from(rows, (r) => columns.map((c) => cellAt(c, r)));
    return { ...result, backgroundRows: Array.from(background), seed, totalRows: table.rowCount, featureValues };
  }

  /** The dataset columns of the loaded model's inputs: the scoring's mapping, else the suggested one. */
  private modelMapping(): string[] {
    const { table, summary } = this.require();
    return this.scored?.summary.mapping ?? resolveMapping(this.requireModel().scorer.signature, table, summary.name);
  }

  /** The background rows of an explanation: the request's, or the seeded (class-stratified) default sample. */
  private explanationBackground(request: ShapSettings, seed: number): Uint32Array {
    const { table, summary } = this.require();
    if (request.backgroundRows) return Uint32Array.from(request.backgroundRows);
    const all = allRows(table.rowCount);
    let labels: Uint8Array | null = null;
    let rows = all;
    if (request.target) {
      const target = readTarget(table, request.target.column, { rows: all, task: 'classification', positive: request.target.positive, source: summary.name });
      if (target.task === 'classification') {
        rows = target.rows;
        labels = target.label;
      }
    }
    return backgroundSample(rows, labels, request.backgroundSize ?? DEFAULT_BACKGROUND, seed);
  }

  async whatIf(jobId: string, request: WhatIfRequest): Promise<WhatIfResult> {
    return this.job(jobId, async (signal) => {
      const started = Date.now();
      const { table, summary } = this.require();
      if (!(Number.isInteger(request.row) && request.row >= 0 && request.row < table.rowCount)) throw new InputError(`row ${request.row} is not a row of ${summary.name} (0 to ${table.rowCount - 1})`);
      const background = this.explanationBackground(request, request.seed ?? 42);
      const edited = editedRow(table, request.row, request.edits);
      const explainRow = async (data: Table) => ({ ...(await this.explain(data, 'the edited row', [0], background, request, signal)), rows: [request.row], scopeRows: 1 });
      const explanation = await explainRow(edited);
      const original = Object.keys(request.edits).length === 0 ? explanation : await explainRow(editedRow(table, request.row, {}));
      return {
        explanation,
        original,
        flags: editFlags(table, this.split?.train ?? allRows(table.rowCount), edited, this.modelMapping(), request.edits),
        reference: this.split ? 'training rows' : 'all rows',
        ms: Date.now() - started,
      };
    });
  }

  async modelImportance(jobId: string, request: ModelImportanceRequest, onProgress?: (p: JobProgressReport) => void): Promise<ModelImportance> {
    return this.job(jobId, async (signal) => {
      const { table, summary } = this.require();
      const { scorer } = this.requireModel();
      const mapping = this.modelMapping();
      const seed = request.seed ?? 42;
      const scope = this.split?.test ?? allRows(table.rowCount);
      const task = scorer.signature.task;
      const target = readTarget(table, request.target, { rows: scope, task, positive: request.positive, source: summary.name });
      // a seeded sample of positions among the rows with a target: rows and labels stay aligned
      const picked = seededSample(allRows(target.rows.length), request.sample ?? 5000, seededRandom(seed));
      const rows = Uint32Array.from(picked, (k) => target.rows[k]);
      const labels = target.task === 'classification' ? { task: 'classification' as const, label: Uint8Array.from(picked, (k) => target.label[k]) } : { task: 'regression' as const, value: Float64Array.from(picked, (k) => target.value[k]) };
      const result = await permutationImportance(
        (t, r) => scorer.score(t, mapping, { rows: Int32Array.from(r), signal }),
        table,
        rows,
        [...new Set(mapping)],
        labels,
        { repeats: request.repeats, seed, pause: nextTask, signal, onProgress: (done, total) => onProgress?.({ done, total }) },
      );
      return { ...result, evaluatedOn: this.split ? 'holdout' : 'all', scopeRows: target.rows.length };
    });
  }

  async partialDependence(jobId: string, request: PdpRequest, onProgress?: (p: JobProgressReport) => void): Promise<PdpView> {
    return this.job(jobId, async (signal) => {
      const { table, summary } = this.require();
      const { scorer } = this.requireModel();
      const seed = request.seed ?? 42;
      const control = { table, source: summary.name, mapping: this.modelMapping(), seed, signal, pause: nextTask, onProgress: (done: number, total: number) => onProgress?.({ done, total }) };
      if (request.feature2 !== undefined) {
        const two = await partialDependence2d(scorer, { ...control, features: [request.feature, request.feature2], gridSize: request.gridSize, sample: request.sample });
        return { feature: two.features[0], grid: two.grids[0], average: [], feature2: two.features[1], grid2: two.grids[1], average2d: two.average, rows: two.rows, totalRows: table.rowCount, seed };
      }
      const result = await partialDependence(scorer, { ...request, ...control });
      return { feature: result.feature, grid: result.grid, average: result.average, ...(result.ice ? { ice: result.ice } : {}), rug: result.rug, rows: result.rows, totalRows: table.rowCount, seed };
    });
  }

  private requireModel(): LoadedModel {
    if (!this.model) throw new InputError('no model is loaded: import an ONNX model first');
    return this.model;
  }

  private requireScores(): Float64Array {
    if (!this.scored) throw new InputError('the dataset has not been scored with this model yet: press Score');
    return this.scored.scores;
  }

  private scoredRows(request: EvaluationRequest, filter: string | undefined): { scored: ScoredRows; inScope: number; total: number } {
    const { table, summary } = this.require();
    const scores = this.requireScores();
    const rows = this.scope(filter, request.split);
    const scored = scoredRows(table, scores, "the model's scores", { ...request, rows, source: summary.name });
    return { scored, inScope: rows ? rows.length : table.rowCount, total: table.rowCount };
  }

  /**
   * Runs a statistics job. It first lets queued messages through (a `cancel` sent while an earlier
   * job ran arrives now), so a superseded request is dropped before it costs anything.
   */
  private async job<T>(id: string | undefined, fn: (signal: AbortSignal) => T | Promise<T>): Promise<T> {
    const controller = new AbortController();
    if (id) this.jobs.set(id, controller);
    try {
      await nextTask();
      if (controller.signal.aborted) throw new CancelledError();
      return await fn(controller.signal);
    } catch (e) {
      throw toTransferable(e);
    } finally {
      if (id) this.jobs.delete(id);
    }
  }

  private replace(next: Loaded, keepScores = false): void {
    this.current = next;
    if (!keepScores) {
      this.scored = null;
      this.split = null;
      this.comparison = null;
    }
    this.selections.clear();
    this.orders.clear();
  }

  private require(): Loaded {
    if (!this.current) throw new InputError('no dataset is loaded: open a demo dataset or choose a file first');
    return this.current;
  }

  private select(filter: string | undefined): RowSelection {
    const key = filter?.trim() ?? '';
    if (key === '') return undefined;
    if (this.selections.has(key)) return this.selections.get(key);
    const rows = selectRows(this.require().table, key);
    if (this.selections.size > 20) this.selections.clear();
    this.selections.set(key, rows);
    return rows;
  }

  private sorted(column: string, descending: boolean, filter: string | undefined, selection: RowSelection): Uint32Array {
    const key = `${column}\u0000${descending}\u0000${filter?.trim() ?? ''}`;
    const cached = this.orders.get(key);
    if (cached) return cached;
    const { table } = this.require();
    const order = sortRows(requireColumn(table, column), selection ?? allRows(table.rowCount), descending);
    if (this.orders.size > 8) this.orders.clear();
    this.orders.set(key, order);
    return order;
  }
}

/**
 * Yields to the event loop (a macrotask), so pending messages such as `cancel` are handled.
 * A MessageChannel message, not setTimeout: nested timers are clamped to 4 ms.
 */
/** The quick model of the feature ranking: rows it is fitted on and measured on, at most. */
const QUICK_FIT_ROWS = 50_000;
const QUICK_EVALUATION_ROWS = 10_000;

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function allRows(n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

function columnInfos(table: Table) {
  return table.columns.map((c) => ({ name: c.name, type: c.type, inferredType: c.inferredType }));
}

async function toBlob(source: DataSource, signal: AbortSignal): Promise<Blob> {
  if (source.kind === 'file') return source.file;
  let response: Response;
  try {
    response = await fetch(source.url, { signal });
  } catch (e) {
    if (signal.aborted) throw new CancelledError();
    throw new InputError(`could not download ${source.name}: ${(e as Error).message}`);
  }
  if (!response.ok) throw new InputError(`could not download ${source.name}: the server answered ${response.status} ${response.statusText}`);
  return response.blob();
}

/** Runs `fn`, turning engine errors into plain Errors that survive the worker boundary. */
function guard<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(toTransferable(e));
  }
}

/**
 * Comlink transfers an Error's `name` and `message`; make sure both say what happened.
 * Unexpected errors keep their message but are marked as internal.
 */
const TRANSFERABLE = new Set(['DataError', 'InputError', 'ModelError', 'CancelledError', 'InternalError']);

function toTransferable(e: unknown): Error {
  if (e instanceof Error && !(e instanceof GlassboxError) && TRANSFERABLE.has(e.name)) return e;
  if (e instanceof GlassboxError) {
    const out = new Error(e.message);
    out.name = e.name;
    return out;
  }
  if (e instanceof Error) {
    if (e.name === 'AbortError') {
      const out = new Error('cancelled');
      out.name = 'CancelledError';
      return out;
    }
    const out = new Error(`internal error: ${e.message}`);
    out.name = 'InternalError';
    return out;
  }
  return new Error(String(e));
}

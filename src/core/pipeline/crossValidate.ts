/**
 * `glassbox cv` (shared/spec/cli.md, "cv"): folds over the rows with a target (all rows, or
 * `rows` — the app passes the rows outside its held-out test set) — k-fold,
 * stratified, group or forward-chaining time folds — and in each fold the whole pipeline
 * (recipe and model) fitted on the training rows only, scored on the test rows. Per fold the
 * metrics of `glassbox metrics` at threshold 0.5; `mean` and `std` (ddof = 1) over the folds
 * whose metric is defined; the out-of-fold predictions of every tested row.
 */
import { requireColumn } from '../data/columnLookup';
import { numberAt, textAt } from '../data/modelEncoding';
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { Fold } from '../folds/fold';
import { groupKFold } from '../folds/groupKFold';
import { kFold } from '../folds/kFold';
import { stratifiedKFold } from '../folds/stratifiedKFold';
import { timeFolds } from '../folds/timeFolds';
import { predictionsFrom } from '../inference/predictions';
import { metricsOf, scoredRows, type MetricsResult } from '../validation/evaluateScores';
import { readTarget } from '../validation/targetClasses';
import { finish, finishAsync, within, type StepControl, type Steps } from '../progress/steps';
import { labelValues, predictPipeline, requestTask, trainPipelineSteps, type TrainRequest } from './trainPipeline';

export interface CvRequest extends TrainRequest {
  folds?: number;
  stratify?: boolean;
  group?: string;
  time?: string;
}

export interface CvFold {
  fold: number;
  trainRows: number;
  testRows: number;
  metrics: MetricsResult;
}

export interface CvResult {
  folds: CvFold[];
  mean: Record<string, number | null>;
  std: Record<string, number | null>;
  /** Out-of-fold predictions, in ascending row order. */
  oof: { row: Uint32Array; fold: Uint32Array; prediction: (string | number | null)[]; score: Float64Array | null };
}

export function crossValidate(table: Table, request: CvRequest, onProgress?: (done: number, total: number) => void): CvResult {
  return finish(cvSteps(table, request), onProgress);
}

/** crossValidate for the worker: a turn of the event loop and progress after each fold (and each tree); cancellable. */
export function crossValidateAsync(table: Table, request: CvRequest, control: StepControl): Promise<CvResult> {
  return finishAsync(cvSteps(table, request), control);
}

/** Cross-validation as steps: `done` counts folds (fractions of a fold while trees grow). */
export function* cvSteps(table: Table, request: CvRequest): Steps<CvResult> {
  if (request.group !== undefined && request.time !== undefined) throw new InputError('--group and --time cannot be used together');
  const k = request.folds ?? 5;
  const seed = request.seed ?? 42;
  const all = request.rows ?? Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  const target = readTarget(table, request.target, { rows: all, task: requestTask(request), positive: request.positive, source: request.source });
  // every fold is trained for the task the whole set has
  const task = target.task;
  const rows = target.rows;
  const labels = target.task === 'classification' ? target.label : undefined;
  if (request.stratify && !labels) throw new InputError('--stratify needs a classification target');

  let folds: Fold[];
  if (request.time !== undefined) {
    const column = requireColumn(table, request.time, request.source);
    if (column.type === 'categorical' || column.type === 'text') {
      throw new InputError(`--time: column '${column.name}' is ${column.type}; it must hold dates or numbers`);
    }
    folds = timeFolds(rows, Float64Array.from(rows, (r) => numberAt(column, r)), k, column.name);
  } else if (request.group !== undefined) {
    const column = requireColumn(table, request.group, request.source);
    const codes = new Map<string, number>();
    const groups = Int32Array.from(rows, (r) => {
      const key = textAt(column, r);
      let code = codes.get(key);
      if (code === undefined) codes.set(key, (code = codes.size));
      return code;
    });
    folds = groupKFold(rows, groups, k, seed, request.stratify ? labels : undefined, column.name);
  } else if (request.stratify) {
    folds = stratifiedKFold(rows, labels!, k, seed);
  } else {
    folds = kFold(rows, k, seed);
  }

  const scores = new Float64Array(table.rowCount).fill(NaN);
  const foldOf = new Int32Array(table.rowCount).fill(-1);
  const results: CvFold[] = [];
  for (const f of folds) {
    const pipeline = yield* within(trainPipelineSteps(table, { ...request, task, rows: f.train }), results.length, 1, folds.length);
    const s = predictPipeline(pipeline, table, f.test, request.source);
    f.test.forEach((r, i) => {
      scores[r] = s[i];
      foldOf[r] = f.fold;
    });
    const scored = scoredRows(table, scores, `fold ${f.fold} scores`, { target: request.target, task, positive: request.positive, rows: f.test, source: request.source });
    results.push({ fold: f.fold, trainRows: f.train.length, testRows: f.test.length, metrics: metricsOf(scored, { threshold: 0.5 }) });
    yield { done: results.length, total: folds.length };
  }

  const tested = rows.filter((r) => foldOf[r] >= 0);
  const testedScores = Float64Array.from(tested, (r) => scores[r]);
  const classLabels = target.task === 'classification' ? labelValues([target.negative, target.positive]) : null;
  const predictions = predictionsFrom({ task, classLabels }, testedScores);
  return {
    folds: results,
    ...spread(results),
    oof: { row: tested, fold: Uint32Array.from(tested, (r) => foldOf[r]), prediction: predictions.prediction, score: predictions.score },
  };
}

/** Mean and sample std (ddof = 1) of each metric over the folds where it is defined. */
function spread(folds: CvFold[]): { mean: Record<string, number | null>; std: Record<string, number | null> } {
  const mean: Record<string, number | null> = {};
  const std: Record<string, number | null> = {};
  if (folds.length === 0) return { mean, std };
  for (const name of Object.keys(folds[0].metrics)) {
    if (name === 'n' || name === 'ci') continue;
    const values = folds.map((f) => (f.metrics as unknown as Record<string, number | null>)[name]).filter((v): v is number => v !== null && Number.isFinite(v));
    if (values.length === 0) {
      mean[name] = null;
      std[name] = null;
      continue;
    }
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    mean[name] = m;
    std[name] = values.length < 2 ? null : Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
  }
  return { mean, std };
}

/**
 * `glassbox metrics`: scores a target against a score (or prediction) column, with optional
 * bootstrap confidence intervals. The task, the positive class and the rows used follow the
 * CLI contract (shared/spec/cli.md, "Conventions" and "metrics"). Rows where the target or the
 * score is missing are left out; `n` says how many rows were used.
 */
import { cellAt } from '../data/cellAt';
import { requireColumn } from '../data/columnLookup';
import { formatNumber } from '../data/formatNumber';
import type { Column, RowSelection, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { BINARY_METRIC_NAMES, binaryMetrics, scoreOrder, type BinaryMetrics } from './binaryMetrics';
import { bootstrapCi, bootstrapCiAsync } from './bootstrapCi';
import { REGRESSION_METRIC_NAMES, regressionMetrics, type RegressionMetrics } from './regressionMetrics';

export type Task = 'classification' | 'regression';

export interface MetricsRequest {
  target: string;
  score: string;
  threshold?: number;
  task?: Task;
  positive?: string;
  ci?: boolean;
  seed?: number;
  rows?: RowSelection;
  /** Named in error messages (e.g. the file name). */
  source?: string;
}

export type MetricsResult = (BinaryMetrics | RegressionMetrics) & { ci?: Record<string, [number, number] | null> };

export function evaluateScores(table: Table, request: MetricsRequest): MetricsResult {
  return metricsOf(scoredColumn(table, request), request);
}

/** The rows of `request.target` and the score column `request.score`, per the contract's rules. */
export function scoredColumn(table: Table, request: MetricsRequest): ScoredRows {
  const score = requireColumn(table, request.score, request.source);
  if (score.type !== 'numeric') {
    throw new InputError(`column '${score.name}' must be numeric to be used as --score (it is ${score.type})`);
  }
  return scoredRows(table, score.values, `column '${score.name}'`, request);
}

/** The metrics of scored rows at a threshold, with optional bootstrap intervals. */
export function metricsOf(scored: ScoredRows, request: { threshold?: number; ci?: boolean; seed?: number }): MetricsResult {
  const threshold = request.threshold ?? 0.5;
  if (!Number.isFinite(threshold)) throw new InputError('--threshold must be a number');
  const s = scored.score;
  if (scored.task === 'regression') {
    const y = scored.value;
    const result: MetricsResult = regressionMetrics(y, s);
    if (request.ci) result.ci = bootstrapCi(y.length, REGRESSION_METRIC_NAMES, (w) => regressionMetrics(y, s, w), { seed: request.seed });
    return result;
  }
  const y = scored.label;
  const order = scoreOrder(s);
  const result: MetricsResult = binaryMetrics(y, s, threshold, order);
  if (request.ci) result.ci = bootstrapCi(y.length, BINARY_METRIC_NAMES, (w) => binaryMetrics(y, s, threshold, order, w), { seed: request.seed });
  return result;
}

/** metricsOf for the worker: the bootstrap gives the event loop a turn and can be cancelled; same numbers. */
export async function metricsOfAsync(
  scored: ScoredRows,
  request: { threshold?: number; ci?: boolean; seed?: number },
  control: { pause: () => Promise<void>; signal?: AbortSignal },
): Promise<MetricsResult> {
  const result = metricsOf(scored, { ...request, ci: false });
  if (!request.ci) return result;
  const s = scored.score;
  const options = { seed: request.seed, ...control };
  if (scored.task === 'regression') {
    const y = scored.value;
    result.ci = await bootstrapCiAsync(y.length, REGRESSION_METRIC_NAMES, (w) => regressionMetrics(y, s, w), options);
    return result;
  }
  const y = scored.label;
  const threshold = request.threshold ?? 0.5;
  const order = scoreOrder(s);
  result.ci = await bootstrapCiAsync(y.length, BINARY_METRIC_NAMES, (w) => binaryMetrics(y, s, threshold, order, w), options);
  return result;
}

/** Rows with both a target and a score, with the task and classes decided as the contract says. */
export type ScoredRows =
  | { task: 'classification'; rows: Uint32Array; score: Float64Array; label: Uint8Array; positive: string; negative: string }
  | { task: 'regression'; rows: Uint32Array; score: Float64Array; value: Float64Array };

export interface ScoredRowsRequest {
  target: string;
  task?: Task;
  positive?: string;
  rows?: RowSelection;
  source?: string;
}

/**
 * Pairs the target with scores (one per table row; NaN = none), keeping rows where both exist.
 * `scoreName` names the scores in messages ("column 's'", "the model's scores").
 */
export function scoredRows(table: Table, scores: Float64Array, scoreName: string, request: ScoredRowsRequest): ScoredRows {
  const target = requireColumn(table, request.target, request.source);
  const scope = request.rows ?? Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  const used: number[] = [];
  const labels: string[] = [];
  for (const i of scope) {
    const t = labelAt(target, i);
    if (t === null || Number.isNaN(scores[i])) continue;
    used.push(i);
    labels.push(t);
  }
  if (used.length === 0) throw new InputError(`no row has both '${target.name}' and ${scoreName}`);
  const classes = distinctInOrder(labels);
  const task: Task = request.task ?? (classes.length === 2 ? 'classification' : 'regression');
  const rows = Uint32Array.from(used);
  const s = Float64Array.from(used, (i) => scores[i]);

  if (task === 'regression') {
    if (target.type !== 'numeric') {
      throw new InputError(`regression needs a numeric target; '${target.name}' is ${target.type} (use --task classification for two classes)`);
    }
    const values = target.values;
    return { task, rows, score: s, value: Float64Array.from(used, (i) => values[i]) };
  }

  if (classes.length !== 2) {
    const shown = classes.slice(0, 10).map((c) => `'${c}'`).join(', ') + (classes.length > 10 ? ', …' : '');
    throw new InputError(
      `target '${target.name}' has ${classes.length} classes (${shown}); binary classification needs exactly two — binarize it first, e.g. '${target.name} >= 7'`,
    );
  }
  const positive = positiveClass(target.name, classes, request.positive);
  for (let k = 0; k < s.length; k++) {
    if (s[k] < 0 || s[k] > 1) {
      throw new InputError(`${scoreName} must hold P(positive) between 0 and 1 for classification; found ${formatNumber(s[k])}`);
    }
  }
  const label = Uint8Array.from(labels, (l) => (l === positive ? 1 : 0));
  const negative = classes.find((c) => c !== positive)!;
  return { task, rows, score: s, label, positive, negative };
}

/** The target's value as a class label text (numbers in shortest form, booleans true/false). */
function labelAt(column: Column, i: number): string | null {
  if (column.type === 'datetime') throw new InputError(`column '${column.name}' holds dates; it cannot be a target`);
  const v = cellAt(column, i);
  if (v === null) return null;
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

function distinctInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** --positive if given (must be a class); 1 for {0,1}; true for {true,false}; else required. */
function positiveClass(name: string, classes: readonly string[], given: string | undefined): string {
  const list = classes.map((c) => `'${c}'`).join(' and ');
  if (given !== undefined) {
    const match = classes.find((c) => c === given || c.toLowerCase() === given.toLowerCase() || Number(c) === Number(given));
    if (match === undefined || given.trim() === '') throw new InputError(`--positive '${given}' is not a class of '${name}' (its classes are ${list})`);
    return match;
  }
  const set = new Set(classes.map((c) => c.toLowerCase()));
  if (set.has('0') && set.has('1')) return classes.find((c) => c === '1')!;
  if (set.has('true') && set.has('false')) return classes.find((c) => c.toLowerCase() === 'true')!;
  throw new InputError(`target '${name}' has classes ${list}: say which is positive with --positive`);
}

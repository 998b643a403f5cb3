/**
 * `glassbox metrics`: scores a target against a score (or prediction) column, with optional
 * bootstrap confidence intervals. The task, the positive class and the rows used follow the
 * CLI contract (shared/spec/cli.md, "Conventions" and "metrics"). Rows where the target or the
 * score is missing are left out; `n` says how many rows were used.
 */
import { requireColumn } from '../data/columnLookup';
import { formatNumber } from '../data/formatNumber';
import type { RowSelection, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { BINARY_METRIC_NAMES, binaryMetrics, scoreOrder, type BinaryMetrics } from './binaryMetrics';
import { bootstrapCi, bootstrapCiAsync } from './bootstrapCi';
import { REGRESSION_METRIC_NAMES, regressionMetrics, type RegressionMetrics } from './regressionMetrics';
import { readTarget } from './targetClasses';

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
  const withScore = scope.filter((i) => !Number.isNaN(scores[i]));
  const read = withScore.length > 0 ? readTarget(table, target.name, { ...request, rows: withScore }) : null;
  if (read === null || read.rows.length === 0) throw new InputError(`no row has both '${target.name}' and ${scoreName}`);
  const s = Float64Array.from(read.rows, (i) => scores[i]);
  if (read.task === 'regression') return { task: 'regression', rows: read.rows, score: s, value: read.value };
  for (let k = 0; k < s.length; k++) {
    if (s[k] < 0 || s[k] > 1) {
      throw new InputError(`${scoreName} must hold P(positive) between 0 and 1 for classification; found ${formatNumber(s[k])}`);
    }
  }
  return { task: 'classification', rows: read.rows, score: s, label: read.label, positive: read.positive, negative: read.negative };
}

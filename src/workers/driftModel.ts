/**
 * The model's side of a drift comparison: its scores compared between the reference and the
 * current rows like any column (prediction drift: KS, PSI, Wasserstein, overlay), and — when the
 * target is known on both sides — its metrics on each side (performance drift), as the evaluation
 * computes them (metrics at the decision threshold for classifiers).
 */
import { buildTable } from '../core/data/buildTable';
import type { Table } from '../core/data/table';
import { columnDrift } from '../core/drift/columnDrift';
import { driftOverlay } from '../core/drift/driftOverlay';
import type { DriftSide } from '../core/drift/driftSide';
import { metricsOf, scoredRows } from '../core/validation/evaluateScores';
import type { DriftView } from './workbenchApi';

export interface ScoredSide {
  side: DriftSide;
  /** One score per row of the side's table (NaN = none). */
  scores: Float64Array;
}

const SCORE = 'model score';

function scoreSide(s: ScoredSide): DriftSide {
  const table: Table = buildTable([SCORE], [{ kind: 'numbers', values: s.scores }], s.scores.length);
  return { table, rows: s.side.rows };
}

export function modelDrift(
  reference: ScoredSide,
  current: ScoredSide,
  options: { bins: number; task: 'classification' | 'regression'; target?: string; positive?: string; threshold: number; source: string },
): Pick<DriftView, 'predictionDrift' | 'performance'> {
  const a = scoreSide(reference);
  const b = scoreSide(current);
  const predictionDrift = { ...columnDrift(SCORE, a, b, options.bins), overlay: driftOverlay(SCORE, a, b) };
  if (!options.target) return { predictionDrift, performance: null };
  const metrics = (s: ScoredSide) =>
    metricsOf(scoredRows(s.side.table, s.scores, "the model's scores", { target: options.target!, task: options.task, positive: options.positive, rows: s.side.rows ?? undefined, source: options.source }), { threshold: options.threshold });
  return { predictionDrift, performance: { reference: metrics(reference), current: metrics(current), task: options.task, threshold: options.threshold } };
}

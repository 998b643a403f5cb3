/**
 * Confusion counts of each group at many decision thresholds at once (predicted positive iff
 * score ≥ threshold, as everywhere in Glassbox): each group's scores are sorted once, and the
 * counts at a threshold come from a binary search and prefix sums of the positives. Feeds the
 * "selection rate vs threshold" chart, the threshold slider of the business view and the
 * per-group threshold exploration, which all read counts instead of rescoring rows.
 */
import { lowerBound } from '../stats/lowerBound';
import type { DecisionCounts } from './decisionCounts';

export interface SweepCounts {
  /** Counts per threshold (same order as the sweep's thresholds). */
  tp: number[];
  fp: number[];
  fn: number[];
  tn: number[];
}

/** A group's scores sorted ascending with the number of positives below each position. */
export interface SortedScores {
  score: Float64Array;
  positivesBelow: Uint32Array;
}

export function sortedScores(y: Uint8Array, score: Float64Array, rows: ArrayLike<number>): SortedScores {
  const order = Uint32Array.from(rows as ArrayLike<number>).sort((a, b) => score[a] - score[b] || a - b);
  const sorted = Float64Array.from(order, (i) => score[i]);
  const positivesBelow = new Uint32Array(order.length + 1);
  for (let k = 0; k < order.length; k++) positivesBelow[k + 1] = positivesBelow[k] + y[order[k]];
  return { score: sorted, positivesBelow };
}

/** The counts of a group at one threshold. */
export function countsAt(s: SortedScores, threshold: number): DecisionCounts {
  const n = s.score.length;
  const below = lowerBound(s.score, threshold); // rows predicted negative
  const positives = s.positivesBelow[n];
  const fn = s.positivesBelow[below];
  const tp = positives - fn;
  return { tp, fp: n - below - tp, fn, tn: below - fn };
}

export function sweepCounts(s: SortedScores, thresholds: readonly number[]): SweepCounts {
  const out: SweepCounts = { tp: [], fp: [], fn: [], tn: [] };
  for (const t of thresholds) {
    const c = countsAt(s, t);
    out.tp.push(c.tp);
    out.fp.push(c.fp);
    out.fn.push(c.fn);
    out.tn.push(c.tn);
  }
  return out;
}

/** The counts of a sweep at position k. */
export function sweepAt(s: SweepCounts, k: number): DecisionCounts {
  return { tp: s.tp[k], fp: s.fp[k], fn: s.fn[k], tn: s.tn[k] };
}

/** Thresholds 0, 1/steps, …, 1 with `extra` thresholds merged in, ascending, without repeats. */
export function thresholdGrid(steps: number, extra: readonly number[] = []): number[] {
  const grid = Array.from({ length: steps + 1 }, (_, k) => Number((k / steps).toFixed(6)));
  return [...new Set([...grid, ...extra.filter((t) => Number.isFinite(t))])].sort((a, b) => a - b);
}

/**
 * Ordering rows by time for the time-based splits, and placing cuts in that order so that
 * equal times stay on one side.
 *
 * - `sortByTime`: positions stably sorted by their key (ties keep position order). A missing
 *   key (NaN) is an InputError naming the column and how many rows lack a time.
 * - `cutsBetweenTimes`: given the ideal cut positions c_1 < … < c_m in the sorted order, the
 *   positions actually used. A cut may only fall where the time changes (a "run start", a
 *   position i with key_{i−1} < key_i). Each cut moves forward to the first run start at or
 *   after max(c_j, previous cut + 1); if that would leave too few run starts for the cuts still
 *   to place, it moves back to the last run start that leaves enough. So with distinct times the
 *   ideal cuts are kept; with ties, blocks grow or shrink by the size of the tied runs, and no
 *   block is ever empty. Needs at least m + 1 distinct times (checked by the callers).
 */
import { InputError } from '../errors/errors';
import { lowerBound } from '../stats/lowerBound';
import { argsortValues } from '../stats/argsort';
import { plural } from './checkSplitOptions';
import { allRows } from './fold';

/** `column 'date'`, or a neutral phrase when the caller has no name. */
export function describeColumn(column: string | undefined): string {
  return column === undefined ? 'the time column' : `column '${column}'`;
}

export function sortByTime(order: Float64Array, column: string | undefined, purpose: string): Uint32Array {
  let missing = 0;
  for (let i = 0; i < order.length; i++) if (order[i] !== order[i]) missing++;
  if (missing > 0) {
    throw new InputError(
      `${describeColumn(column)} has ${plural(missing, 'missing value')}; ${purpose} need a time for every row`,
    );
  }
  return argsortValues(order, allRows(order.length));
}

/** Positions i (1 ≤ i < n) in the sorted order where the time differs from the one before. */
export function runStarts(order: Float64Array, sorted: Uint32Array): Uint32Array {
  const starts: number[] = [];
  for (let i = 1; i < sorted.length; i++) if (order[sorted[i]] !== order[sorted[i - 1]]) starts.push(i);
  return Uint32Array.from(starts);
}

/** The cuts actually used for the ideal `cuts` (ascending), given the run starts; see above. */
export function cutsBetweenTimes(cuts: readonly number[], starts: Uint32Array): number[] {
  const m = cuts.length;
  if (starts.length < m) throw new Error(`${m} cuts need ${m} changes of time, got ${starts.length}`);
  const out: number[] = [];
  let previous = -1; // index in `starts` of the previous cut
  for (let j = 0; j < m; j++) {
    let at = lowerBound(starts, cuts[j]);
    at = Math.max(at, previous + 1);
    at = Math.min(at, starts.length - (m - j));
    out.push(starts[at]);
    previous = at;
  }
  return out;
}

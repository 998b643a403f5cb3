/**
 * Time-ordered folds (`--time COL`): the rows sorted by time (stably) are cut into k + 1
 * contiguous blocks, fold f (0-based) training on blocks 0..f and testing on block f + 1, so a
 * model is always tested on rows later than those it learned from and block 0 is never tested.
 *
 * Block sizes follow numpy.array_split (sizes differ by at most 1, the earlier blocks taking the
 * extra rows), except that equal times never straddle a cut: a cut inside a run of equal times
 * moves forward to the run's end — or, when too few distinct times remain after it for the
 * later blocks, back to the run's start (see `cutsBetweenTimes` in timeOrder.ts). Hence every
 * training time is below every test time, and no block is empty. No randomness: no seed.
 *
 * Errors (InputError): a missing time; fewer than k + 1 rows or distinct times.
 */
import { InputError } from '../errors/errors';
import { checkFoldNumber, plural } from './checkSplitOptions';
import { checkParallel, type Fold } from './fold';
import { selectRows } from './selectRows';
import { cutsBetweenTimes, describeColumn, runStarts, sortByTime } from './timeOrder';

export function timeFolds(
  rows: Uint32Array,
  order: Float64Array,
  k: number,
  /** The time column's name, for the error messages. */
  column?: string,
): Fold[] {
  const n = rows.length;
  checkParallel(rows, order, 'order');
  checkFoldNumber(k);
  const blocks = k + 1;
  if (n < blocks) {
    throw new InputError(
      `cannot make ${k} time folds from ${plural(n, 'row')}: --time cuts the rows into folds + 1 = ${blocks} blocks`,
    );
  }
  const sorted = sortByTime(order, column, 'time folds');
  const starts = runStarts(order, sorted);
  if (starts.length + 1 < blocks) {
    throw new InputError(
      `cannot make ${k} time folds: ${describeColumn(column)} has ${plural(starts.length + 1, 'distinct time')} and ` +
        `--time cuts the rows into folds + 1 = ${blocks} blocks of different times`,
    );
  }
  // numpy.array_split: the first n mod (k+1) blocks one row larger
  const base = Math.floor(n / blocks);
  const extra = n % blocks;
  const ideal: number[] = [];
  for (let b = 1; b < blocks; b++) ideal.push(b * base + Math.min(b, extra));
  const cuts = cutsBetweenTimes(ideal, starts);

  const block = new Uint32Array(n);
  let b = 0;
  for (let i = 0; i < n; i++) {
    while (b < cuts.length && i >= cuts[b]) b++;
    block[sorted[i]] = b;
  }
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    folds.push({
      fold: f,
      train: selectRows(rows, (p) => block[p] <= f),
      test: selectRows(rows, (p) => block[p] === f + 1),
    });
  }
  return folds;
}

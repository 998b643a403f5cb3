/**
 * A held-out test set: one train/test split of the rows.
 *
 * - Size: the test set has ⌈fraction · n⌉ rows (scikit-learn's train_test_split rounding, less
 *   floating-point noise: 0.07 · 100 = 7.000000000000001 gives 7 rows, not 8). Both sides must
 *   keep at least one row.
 * - Random (default): the positions shuffled with `seededRandom(seed)`; the first ones are the
 *   test set.
 * - Stratified (`labels`): each class of c rows gives ⌊c · t / n⌋ or ⌈c · t / n⌉ test rows (t the
 *   test size; largest remainders first, ties in a seeded order), drawn at random within the
 *   class, so the test set's class ratio is within one row of the whole.
 * - Most recent (`order`, a time per position): the test set is the latest rows by time. The
 *   cut between train and test never separates equal times (it moves forward past a tie, or back
 *   when the tie runs to the last row; see timeOrder.ts), so the test set may be a little
 *   smaller or larger than ⌈fraction · n⌉, and every train time is below every test time.
 *   A missing time is an InputError. No randomness (the seed is unused).
 */
import { InputError } from '../errors/errors';
import { seededRandom } from '../random/seededRandom';
import { checkTestFraction, plural } from './checkSplitOptions';
import { checkParallel, type Split } from './fold';
import { positionsByClass } from './positionsByClass';
import { selectRows } from './selectRows';
import { seededPermutation, shuffleInPlace } from './shuffle';
import { cutsBetweenTimes, describeColumn, runStarts, sortByTime } from './timeOrder';

export interface HoldoutOptions {
  /** A time per position: the test set is the most recent rows. */
  order?: Float64Array;
  /** The time column's name, for the error messages. */
  column?: string;
  /** A class per position: stratified random split. */
  labels?: Uint8Array;
}

export function holdout(rows: Uint32Array, fraction: number, seed: number, options: HoldoutOptions = {}): Split {
  const n = rows.length;
  const { order, labels, column } = options;
  checkTestFraction(fraction);
  if (order) checkParallel(rows, order, 'order');
  if (labels) checkParallel(rows, labels, 'labels');
  if (order && labels) throw new InputError('a holdout of the most recent rows cannot also be stratified');
  if (n < 2) throw new InputError(`a holdout needs at least 2 rows (got ${n})`);
  // less a relative 1e-12, so that 0.07 · 100 = 7.000000000000001 counts as 7
  const testSize = Math.ceil(fraction * n * (1 - 1e-12));
  if (testSize >= n) {
    throw new InputError(`a test fraction of ${fraction} leaves no training rows out of ${plural(n, 'row')}`);
  }

  const inTest = new Uint8Array(n);
  if (order) {
    const sorted = sortByTime(order, column, 'holdouts by time');
    const starts = runStarts(order, sorted);
    if (starts.length === 0) {
      throw new InputError(`${describeColumn(column)} has a single time: cannot hold out the most recent rows`);
    }
    const [cut] = cutsBetweenTimes([n - testSize], starts);
    for (let i = cut; i < n; i++) inTest[sorted[i]] = 1;
  } else if (labels) {
    const rng = seededRandom(seed);
    const classes = positionsByClass(labels);
    const take = classTestSizes(
      classes.map((c) => c.length),
      testSize,
      seededPermutation(classes.length, rng),
    );
    classes.forEach((positions, c) => {
      shuffleInPlace(positions, rng);
      for (let i = 0; i < take[c]; i++) inTest[positions[i]] = 1;
    });
  } else {
    const shuffled = seededPermutation(n, seededRandom(seed));
    for (let i = 0; i < testSize; i++) inTest[shuffled[i]] = 1;
  }
  return { train: selectRows(rows, (p) => inTest[p] === 0), test: selectRows(rows, (p) => inTest[p] === 1) };
}

/**
 * Test rows per class (largest remainder method): class c of counts[c] rows gets
 * ⌊counts[c] · t / n⌋, and the rows still missing from t go one each to the classes with the
 * largest remainders, ties by `tieRank` (lower first). Exact integer arithmetic.
 */
export function classTestSizes(counts: readonly number[], t: number, tieRank: Uint32Array): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  const take = counts.map((c) => Math.floor((c * t) / n));
  const remainder = counts.map((c) => (c * t) % n);
  let left = t - take.reduce((a, b) => a + b, 0);
  const byRemainder = counts.map((_, c) => c).sort((a, b) => remainder[b] - remainder[a] || tieRank[a] - tieRank[b]);
  for (const c of byRemainder) {
    if (left === 0) break;
    take[c]++;
    left--;
  }
  return take;
}

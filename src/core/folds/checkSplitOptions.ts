/**
 * Validation of the user's split options, with messages that name the option: the fold count
 * (a whole number, at least 2, at most the number of rows or groups to share out) and a
 * holdout's test fraction (strictly between 0 and 1).
 */
import { InputError } from '../errors/errors';

/** "1 row", "3 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Checks `--folds k` against the `available` units to share out, described by `units` as
 * "3 rows" or "3 groups of 'customer'" ("cannot make 5 folds from 3 groups of 'customer'").
 */
export function checkFoldCount(k: number, available: number, units: string): void {
  checkFoldNumber(k);
  if (k > available) throw new InputError(`cannot make ${k} folds from ${units}`);
}

/** `--folds k` on its own: a whole number, at least 2. */
export function checkFoldNumber(k: number): void {
  if (!Number.isInteger(k)) throw new InputError(`--folds must be a whole number (got ${k})`);
  if (k < 2) throw new InputError(`--folds must be at least 2 (got ${k})`);
}

export function checkTestFraction(fraction: number): void {
  if (!(fraction > 0 && fraction < 1)) {
    throw new InputError(`the test fraction must be between 0 and 1, both excluded (got ${fraction})`);
  }
}

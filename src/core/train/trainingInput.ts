/**
 * Checks shared by the linear trainers and calibrators: F feature columns of n finite values
 * (the recipe has imputed missing values before training), row weights that are finite,
 * non-negative and not all zero, and a finite non-negative l2. Returns the total weight Σw.
 */
import { InputError } from '../errors/errors';

export function checkColumns(what: string, columns: readonly Float64Array[], n: number): void {
  columns.forEach((column, j) => {
    if (column.length !== n) {
      throw new InputError(`${what}: feature ${j} has ${column.length} values, expected ${n} (one per row)`);
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(column[i])) {
        throw new InputError(`${what}: feature ${j} has a missing or non-finite value at row ${i} (impute it first)`);
      }
    }
  });
}

/** Σw over the rows (n when there are no weights). */
export function checkWeights(what: string, weights: Float64Array | undefined, n: number): number {
  if (!weights) {
    if (n === 0) throw new InputError(`${what}: no rows to train on`);
    return n;
  }
  if (weights.length !== n) throw new InputError(`${what}: ${weights.length} weights for ${n} rows`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) {
      throw new InputError(`${what}: the weight of row ${i} is ${w}; weights must be finite and non-negative`);
    }
    total += w;
  }
  if (!(total > 0)) throw new InputError(`${what}: every row has weight 0`);
  return total;
}

export function checkL2(what: string, l2: number): number {
  if (!(l2 >= 0) || !Number.isFinite(l2)) {
    throw new InputError(`${what}: l2 must be a finite number ≥ 0 (got ${l2})`);
  }
  return l2;
}

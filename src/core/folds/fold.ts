/**
 * The shapes of a row split. A fold is one train/test pair of cross-validation; a split is the
 * single train/test pair of a holdout. Both hold row indices: the entries of the row list the
 * split was made from (0..n−1 when that list is every row), each array ascending, train and test
 * disjoint.
 *
 * Every splitter takes `rows` plus per-position arrays (labels, groups, times): entry i of such
 * an array belongs to rows[i], so they have the length of `rows`.
 */
export interface Split {
  train: Uint32Array;
  test: Uint32Array;
}

export interface Fold extends Split {
  /** 0-based fold number. */
  fold: number;
}

/** 0..n−1, the row list of a whole table. */
export function allRows(n: number): Uint32Array {
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** Throws (a programming error, not the user's) when a per-position array does not match `rows`. */
export function checkParallel(rows: Uint32Array, values: ArrayLike<number>, what: string): void {
  if (values.length !== rows.length) {
    throw new Error(`${what} has ${values.length} entries for ${rows.length} rows`);
  }
}

/**
 * Builds the row arrays of a split from per-position choices: the rows at the positions
 * `keep` accepts, ascending by row index (the row list itself may be in any order).
 */
import type { Fold } from './fold';

export function selectRows(rows: Uint32Array, keep: (position: number) => boolean): Uint32Array {
  const n = rows.length;
  let count = 0;
  for (let p = 0; p < n; p++) if (keep(p)) count++;
  const out = new Uint32Array(count);
  let ascending = true;
  let k = 0;
  for (let p = 0; p < n; p++) {
    if (!keep(p)) continue;
    out[k] = rows[p];
    if (k > 0 && out[k] < out[k - 1]) ascending = false;
    k++;
  }
  return ascending ? out : out.sort();
}

/** The k folds of an assignment of every position to a test fold (0..k−1); train = the rest. */
export function foldsFromAssignment(rows: Uint32Array, assignment: Uint32Array, k: number): Fold[] {
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    folds.push({
      fold: f,
      train: selectRows(rows, (p) => assignment[p] !== f),
      test: selectRows(rows, (p) => assignment[p] === f),
    });
  }
  return folds;
}

/**
 * Plain k-fold cross-validation: the positions shuffled with `seededRandom(seed)` and cut into
 * k consecutive parts, the first n mod k of them one row larger (sizes differ by at most 1, as
 * scikit-learn's KFold). Fold f tests on part f and trains on the others, so every row is
 * tested exactly once.
 */
import { seededRandom } from '../random/seededRandom';
import { checkFoldCount, plural } from './checkSplitOptions';
import type { Fold } from './fold';
import { foldsFromAssignment } from './selectRows';
import { seededPermutation } from './shuffle';

export function kFold(rows: Uint32Array, k: number, seed: number): Fold[] {
  const n = rows.length;
  checkFoldCount(k, n, plural(n, 'row'));
  const order = seededPermutation(n, seededRandom(seed));
  const assignment = new Uint32Array(n);
  const base = Math.floor(n / k);
  const extra = n % k;
  let at = 0;
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    for (let i = 0; i < size; i++) assignment[order[at++]] = f;
  }
  return foldsFromAssignment(rows, assignment, k);
}

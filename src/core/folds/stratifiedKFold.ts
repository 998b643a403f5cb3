/**
 * Stratified k-fold cross-validation: the positions of each class (ascending class code) are
 * shuffled with `seededRandom(seed)` and dealt round-robin to the folds, the deal continuing
 * from class to class. So each fold holds ⌊c/k⌋ or ⌈c/k⌉ of a class of c rows (its class ratio
 * is within one row of the whole) and fold sizes differ by at most 1. Which fold the deal starts
 * at is a seeded permutation of the folds, so no fold is always the one given the extra rows.
 *
 * Every distinct label code is a class (a caller that codes missing labels, e.g. 255, gets them
 * stratified as a class of their own).
 */
import { seededRandom } from '../random/seededRandom';
import { checkFoldCount, plural } from './checkSplitOptions';
import { checkParallel, type Fold } from './fold';
import { positionsByClass } from './positionsByClass';
import { foldsFromAssignment } from './selectRows';
import { seededPermutation, shuffleInPlace } from './shuffle';

export function stratifiedKFold(rows: Uint32Array, labels: Uint8Array, k: number, seed: number): Fold[] {
  const n = rows.length;
  checkParallel(rows, labels, 'labels');
  checkFoldCount(k, n, plural(n, 'row'));
  const rng = seededRandom(seed);
  const byClass = positionsByClass(labels);
  const slots = seededPermutation(k, rng);
  const assignment = new Uint32Array(n);
  let dealt = 0;
  for (const positions of byClass) {
    shuffleInPlace(positions, rng);
    for (let i = 0; i < positions.length; i++) assignment[positions[i]] = slots[dealt++ % k];
  }
  return foldsFromAssignment(rows, assignment, k);
}

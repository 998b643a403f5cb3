/**
 * Group k-fold cross-validation: the rows of a group (same code in `groups`) always land in the
 * same fold. The groups are put in a seeded random order (`seededRandom(seed)`), then stably
 * sorted largest first (with labels, groups of equal size by their majority class, so that
 * similar groups are dealt out one after the other), and each is given to the fold where it
 * costs least:
 *
 * - without labels, the cost is the fold's row count (the fold with the fewest rows wins);
 * - with labels (best-effort stratification), the cost of adding a group of s rows, g_c of
 *   class c, to fold f is s·rows_f + Σ_c g_c·rows_{f,c}: the increase, up to terms equal for every
 *   fold, of Σ_f (rows_f − n/k)² + Σ_f Σ_c (rows_{f,c} − n_c/k)², so size balance and class
 *   balance are traded off through the same squared deviations.
 *
 * Ties go to the fold with fewer rows, then the lower fold number. An empty fold always costs 0,
 * so each fold gets at least one group. Without labels, fold sizes differ by at most the size of
 * the largest group. With labels and one row per group, fold sizes and class counts come out
 * within one row, as stratified k-fold (checked by brute force in the tests, not proven); with
 * larger groups, the class balance is best effort.
 *
 * Every group code is a group, including a code the caller uses for missing values (e.g. −1:
 * the rows with a missing group form one group).
 */
import { seededRandom } from '../random/seededRandom';
import { checkFoldCount, plural } from './checkSplitOptions';
import { checkParallel, type Fold } from './fold';
import { foldsFromAssignment } from './selectRows';
import { seededPermutation } from './shuffle';

export function groupKFold(
  rows: Uint32Array,
  groups: Int32Array,
  k: number,
  seed: number,
  labels?: Uint8Array,
  /** The group column's name, for the error message. */
  column?: string,
): Fold[] {
  const n = rows.length;
  checkParallel(rows, groups, 'groups');
  if (labels) checkParallel(rows, labels, 'labels');
  const { groupOf, start, members } = groupMembers(groups);
  const groupCount = start.length - 1;
  const units = plural(groupCount, 'group');
  checkFoldCount(k, groupCount, column === undefined ? units : `${units} of '${column}'`);

  const shuffled = Array.from(seededPermutation(groupCount, seededRandom(seed)));
  const main = labels ? majorityClass(labels, start, members) : null;
  const bySize = shuffled.sort(
    (a, b) => start[b + 1] - start[b] - (start[a + 1] - start[a]) || (main ? main[a] - main[b] : 0),
  );

  const foldRows = new Float64Array(k);
  const foldClassRows = labels ? new Float64Array(k * 256) : null;
  const foldOfGroup = new Uint32Array(groupCount);
  for (const g of bySize) {
    const from = start[g];
    const to = start[g + 1];
    const size = to - from;
    let best = 0;
    let bestCost = Infinity;
    for (let f = 0; f < k; f++) {
      let cost = size * foldRows[f];
      if (foldClassRows) {
        const offset = f * 256;
        for (let i = from; i < to; i++) cost += foldClassRows[offset + (labels as Uint8Array)[members[i]]];
      }
      if (cost < bestCost || (cost === bestCost && foldRows[f] < foldRows[best])) {
        best = f;
        bestCost = cost;
      }
    }
    foldOfGroup[g] = best;
    foldRows[best] += size;
    if (foldClassRows) {
      const offset = best * 256;
      for (let i = from; i < to; i++) foldClassRows[offset + (labels as Uint8Array)[members[i]]]++;
    }
  }

  const assignment = new Uint32Array(n);
  for (let p = 0; p < n; p++) assignment[p] = foldOfGroup[groupOf[p]];
  return foldsFromAssignment(rows, assignment, k);
}

/**
 * Groups numbered in order of first appearance: groupOf[p] per position, and the positions of
 * group g as members[start[g]..start[g+1]) (ascending).
 */
function groupMembers(groups: Int32Array): { groupOf: Uint32Array; start: Uint32Array; members: Uint32Array } {
  const n = groups.length;
  const index = new Map<number, number>();
  const groupOf = new Uint32Array(n);
  const sizes: number[] = [];
  for (let p = 0; p < n; p++) {
    let g = index.get(groups[p]);
    if (g === undefined) {
      g = sizes.length;
      index.set(groups[p], g);
      sizes.push(0);
    }
    groupOf[p] = g;
    sizes[g]++;
  }
  const start = new Uint32Array(sizes.length + 1);
  for (let g = 0; g < sizes.length; g++) start[g + 1] = start[g] + sizes[g];
  const fill = start.slice(0, sizes.length);
  const members = new Uint32Array(n);
  for (let p = 0; p < n; p++) members[fill[groupOf[p]]++] = p;
  return { groupOf, start, members };
}

/** The most frequent label of each group (the lowest code on ties). */
function majorityClass(labels: Uint8Array, start: Uint32Array, members: Uint32Array): Uint8Array {
  const out = new Uint8Array(start.length - 1);
  const counts = new Uint32Array(256);
  for (let g = 0; g < out.length; g++) {
    let best = 0;
    for (let i = start[g]; i < start[g + 1]; i++) {
      const c = labels[members[i]];
      counts[c]++;
      if (counts[c] > counts[best] || (counts[c] === counts[best] && c < best)) best = c;
    }
    for (let i = start[g]; i < start[g + 1]; i++) counts[labels[members[i]]] = 0;
    out[g] = best;
  }
  return out;
}

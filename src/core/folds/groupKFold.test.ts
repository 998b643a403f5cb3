/** Group k-fold: groups stay whole; sizes balanced; best-effort stratification with labels. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/errors';
import { allRows } from './fold';
import { groupKFold } from './groupKFold';
import { byRow, expectPartition, rngFor, someLabels, someRows, testFoldOf } from './testing/foldChecks';

/** Groups of random sizes: about `groupCount` codes (some may be unused), −1 included. */
function someGroups(n: number, groupCount: number, rng: ReturnType<typeof rngFor>): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(groupCount) * 3 - 1);
}

function largestGroup(groups: Int32Array): number {
  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  return Math.max(...sizes.values());
}

/** The largest |rows of class c in a fold − rows of class c / k| over classes and folds. */
function classDeviation(folds: ReturnType<typeof groupKFold>, rows: Uint32Array, labels: Uint8Array): number {
  const k = folds.length;
  const label = byRow(rows, labels);
  let worst = 0;
  for (const c of new Set(labels)) {
    const total = labels.filter((l) => l === c).length;
    for (const f of folds) {
      const inFold = Array.from(f.test).filter((r) => label.get(r) === c).length;
      worst = Math.max(worst, Math.abs(inFold - total / k));
    }
  }
  return worst;
}

describe('groupKFold', () => {
  it('partitions the rows, never splits a group, and balances sizes to within the largest group', () => {
    for (let n = 2; n <= 80; n += n < 20 ? 1 : 9) {
      for (const groupCount of [2, 5, 13, n]) {
        for (const withLabels of [false, true]) {
          const rng = rngFor(n * 100 + groupCount * 2 + Number(withLabels));
          const rows = someRows(n, rng, groupCount === 5);
          const groups = someGroups(n, groupCount, rng);
          const labels = withLabels ? someLabels(n, 3, rng) : undefined;
          const distinct = new Set(groups).size;
          for (let k = 2; k <= Math.min(distinct, 6); k++) {
            const folds = groupKFold(rows, groups, k, n + k, labels);
            expectPartition(folds, rows, k);
            const foldOf = testFoldOf(folds);
            const foldOfGroup = new Map<number, number>();
            rows.forEach((r, p) => {
              const g = groups[p];
              if (!foldOfGroup.has(g)) foldOfGroup.set(g, foldOf.get(r) as number);
              expect(foldOf.get(r)).toBe(foldOfGroup.get(g));
            });
            if (!labels) {
              const sizes = folds.map((f) => f.test.length);
              expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(largestGroup(groups));
            }
          }
        }
      }
    }
  });

  it('with one row per group, stratifies as stratified k-fold: sizes and class counts within one row', () => {
    for (let n = 2; n <= 120; n += n < 30 ? 1 : 11) {
      for (let k = 2; k <= Math.min(n, 8); k++) {
        const rng = rngFor(n * 10 + k);
        const rows = someRows(n, rng);
        const labels = someLabels(n, 1 + (n % 4), rng);
        const groups = Int32Array.from(rows, (r) => r * 2);
        const folds = groupKFold(rows, groups, k, n, labels);
        const sizes = folds.map((f) => f.test.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(classDeviation(folds, rows, labels)).toBeLessThan(1);
      }
    }
  });

  it('with labels, balances the classes far better than without (best effort with real groups)', () => {
    let stratified = 0;
    let plain = 0;
    for (let trial = 0; trial < 30; trial++) {
      const rng = rngFor(trial);
      const n = 600;
      const groups = someGroups(n, 80, rng);
      // the class depends on the group: some groups are mostly positive
      const positive = Array.from({ length: 240 }, () => rng.next() < 0.2);
      const labels = Uint8Array.from(groups, (g) => Number(rng.next() < (positive[g + 1] ? 0.8 : 0.05)));
      const rows = allRows(n);
      stratified += classDeviation(groupKFold(rows, groups, 5, trial, labels), rows, labels);
      plain += classDeviation(groupKFold(rows, groups, 5, trial), rows, labels);
    }
    expect(stratified).toBeLessThan(plain / 2);
  });

  it('keeps the rows with a missing group (one code) together', () => {
    const n = 30;
    const groups = Int32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1 : i));
    const folds = groupKFold(allRows(n), groups, 3, 1);
    const missingFolds = new Set(folds.filter((f) => f.test.some((r) => groups[r] === -1)).map((f) => f.fold));
    expect(missingFolds.size).toBe(1);
  });

  it('gives the same folds for the same seed and different folds for another seed', () => {
    const rng = rngFor(3);
    const groups = someGroups(100, 30, rng);
    const labels = someLabels(100, 2, rng);
    const rows = allRows(100);
    for (const l of [undefined, labels]) {
      expect(groupKFold(rows, groups, 4, 9, l)).toEqual(groupKFold(rows, groups, 4, 9, l));
      expect(groupKFold(rows, groups, 4, 9, l)).not.toEqual(groupKFold(rows, groups, 4, 10, l));
    }
  });

  it('rejects fewer groups than folds, naming the column', () => {
    const groups = Int32Array.from([4, 4, 7, 7, 9, 9]);
    const rows = allRows(6);
    expect(() => groupKFold(rows, groups, 5, 0, undefined, 'customer')).toThrow(
      new InputError("cannot make 5 folds from 3 groups of 'customer'"),
    );
    expect(() => groupKFold(rows, new Int32Array(6), 2, 0, undefined, 'customer')).toThrow(
      "cannot make 2 folds from 1 group of 'customer'",
    );
    expect(() => groupKFold(rows, groups, 4, 0)).toThrow('cannot make 4 folds from 3 groups');
    expect(() => groupKFold(rows, groups, 1, 0)).toThrow('--folds must be at least 2 (got 1)');
    expect(() => groupKFold(rows, groups, 2, 0, new Uint8Array(5))).toThrow('labels has 5 entries for 6 rows');
  });
});

/** k-fold: a seeded partition into k test parts of sizes within one row of each other. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/errors';
import { allRows } from './fold';
import { kFold } from './kFold';
import { expectPartition, rngFor, someRows, testFoldOf } from './testing/foldChecks';

describe('kFold', () => {
  it('partitions the rows into k folds whose sizes differ by at most one', () => {
    for (let n = 2; n <= 40; n++) {
      for (let k = 2; k <= Math.min(n, 9); k++) {
        const rng = rngFor(n * 100 + k);
        const rows = someRows(n, rng, k % 2 === 0);
        const folds = kFold(rows, k, n + k);
        expectPartition(folds, rows, k);
        const sizes = folds.map((f) => f.test.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBe(Math.floor(n / k));
        for (const f of folds) expect(f.train.length + f.test.length).toBe(n);
      }
    }
  });

  it('gives the same folds for the same seed and different folds for another seed', () => {
    const rows = allRows(50);
    expect(kFold(rows, 5, 42)).toEqual(kFold(rows, 5, 42));
    expect(kFold(rows, 5, 42)).not.toEqual(kFold(rows, 5, 43));
  });

  it('shuffles: over many seeds each row is tested in each fold about equally often', () => {
    const n = 12;
    const k = 3;
    const counts = Array.from({ length: n }, () => new Array<number>(k).fill(0));
    const seeds = 3000;
    for (let s = 0; s < seeds; s++) {
      for (const [row, fold] of testFoldOf(kFold(allRows(n), k, s))) counts[row][fold]++;
    }
    for (const perFold of counts) for (const c of perFold) expect(Math.abs(c / seeds - 1 / k)).toBeLessThan(0.04);
  });

  it('rejects fold counts that are not whole, below 2 or above the number of rows', () => {
    const rows = allRows(3);
    expect(() => kFold(rows, 1, 0)).toThrow(new InputError('--folds must be at least 2 (got 1)'));
    expect(() => kFold(rows, 2.5, 0)).toThrow(new InputError('--folds must be a whole number (got 2.5)'));
    expect(() => kFold(rows, NaN, 0)).toThrow('--folds must be a whole number (got NaN)');
    expect(() => kFold(rows, 5, 0)).toThrow(new InputError('cannot make 5 folds from 3 rows'));
    expect(() => kFold(allRows(1), 2, 0)).toThrow('cannot make 2 folds from 1 row');
    expect(() => kFold(rows, 5, 0)).toThrow(InputError);
  });
});

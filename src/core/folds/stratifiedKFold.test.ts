/** Stratified k-fold: every fold holds ⌊c/k⌋ or ⌈c/k⌉ rows of each class of c rows. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/errors';
import { allRows } from './fold';
import { stratifiedKFold } from './stratifiedKFold';
import { byRow, expectPartition, rngFor, someLabels, someRows } from './testing/foldChecks';

describe('stratifiedKFold', () => {
  it('partitions the rows, fold sizes within one, each class within one row of its share', () => {
    for (let n = 2; n <= 60; n += n < 20 ? 1 : 7) {
      for (let k = 2; k <= Math.min(n, 7); k++) {
        for (let classes = 1; classes <= 4; classes++) {
          const rng = rngFor(n * 1000 + k * 10 + classes);
          const rows = someRows(n, rng, classes === 2);
          const labels = someLabels(n, classes, rng);
          const folds = stratifiedKFold(rows, labels, k, n * k + classes);
          expectPartition(folds, rows, k);
          const sizes = folds.map((f) => f.test.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          const label = byRow(rows, labels);
          for (let c = 0; c < classes; c++) {
            const total = labels.filter((l) => l === c).length;
            for (const f of folds) {
              const inFold = Array.from(f.test).filter((r) => label.get(r) === c).length;
              expect(Math.abs(inFold - total / k)).toBeLessThan(1);
            }
          }
        }
      }
    }
  });

  it('treats every label code as a class (e.g. 255 for missing)', () => {
    const n = 40;
    const labels = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 255 : i % 2));
    const folds = stratifiedKFold(allRows(n), labels, 4, 1);
    for (const f of folds) expect(Array.from(f.test).filter((r) => labels[r] === 255).length).toBe(2);
  });

  it('gives the same folds for the same seed and different folds for another seed', () => {
    const rng = rngFor(5);
    const labels = someLabels(80, 3, rng);
    const rows = allRows(80);
    expect(stratifiedKFold(rows, labels, 5, 7)).toEqual(stratifiedKFold(rows, labels, 5, 7));
    expect(stratifiedKFold(rows, labels, 5, 7)).not.toEqual(stratifiedKFold(rows, labels, 5, 8));
  });

  it('rejects bad fold counts and labels that do not match the rows', () => {
    const labels = new Uint8Array(3);
    expect(() => stratifiedKFold(allRows(3), labels, 1, 0)).toThrow(new InputError('--folds must be at least 2 (got 1)'));
    expect(() => stratifiedKFold(allRows(3), labels, 4, 0)).toThrow(new InputError('cannot make 4 folds from 3 rows'));
    expect(() => stratifiedKFold(allRows(4), labels, 2, 0)).toThrow('labels has 3 entries for 4 rows');
  });
});

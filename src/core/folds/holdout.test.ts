/** Holdout: a random, stratified or most-recent test set of ⌈fraction · n⌉ rows. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/errors';
import { allRows } from './fold';
import { holdout } from './holdout';
import { byRow, expectSplitOf, rngFor, someLabels, someRows } from './testing/foldChecks';

const FRACTIONS = [0.05, 0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 0.7, 0.9];

/** The smallest t with t / n ≥ fraction (up to rounding error in fraction itself). */
function expectedTestSize(n: number, fraction: number): number {
  let t = 0;
  while (t / n < fraction - 1e-12) t++;
  return t;
}

describe('holdout', () => {
  it('random: a test set of ⌈fraction · n⌉ rows, the rest for training', () => {
    for (let n = 2; n <= 60; n++) {
      for (const fraction of FRACTIONS) {
        const rng = rngFor(n);
        const rows = someRows(n, rng, n % 2 === 0);
        const t = expectedTestSize(n, fraction);
        if (t >= n) {
          expect(() => holdout(rows, fraction, 1)).toThrow(InputError);
          continue;
        }
        const split = holdout(rows, fraction, n);
        expectSplitOf(split, rows);
        expect(split.test.length).toBe(t);
      }
    }
    expect(holdout(allRows(10), 0.7, 0).test.length).toBe(7);
    expect(holdout(allRows(100), 0.07, 0).test.length).toBe(7); // 0.07 · 100 = 7.000000000000001
    expect(holdout(allRows(10), 0.3, 0).test.length).toBe(3);
    expect(holdout(allRows(3), 0.1, 0).test.length).toBe(1);
  });

  it('random: over many seeds every row is held out about equally often', () => {
    const n = 10;
    const counts = new Array<number>(n).fill(0);
    const seeds = 4000;
    for (let s = 0; s < seeds; s++) for (const r of holdout(allRows(n), 0.3, s).test) counts[r]++;
    for (const c of counts) expect(Math.abs(c / seeds - 0.3)).toBeLessThan(0.03);
  });

  it('stratified: the test set holds each class within one row of its share', () => {
    for (let n = 2; n <= 80; n += n < 20 ? 1 : 7) {
      for (const fraction of FRACTIONS) {
        for (let classes = 1; classes <= 4; classes++) {
          const rng = rngFor(n * 10 + classes);
          const rows = someRows(n, rng, classes === 3);
          const labels = someLabels(n, classes, rng);
          const t = expectedTestSize(n, fraction);
          if (t >= n) continue;
          const split = holdout(rows, fraction, n, { labels });
          expectSplitOf(split, rows);
          expect(split.test.length).toBe(t);
          const label = byRow(rows, labels);
          for (let c = 0; c < classes; c++) {
            const total = labels.filter((l) => l === c).length;
            const held = Array.from(split.test).filter((r) => label.get(r) === c).length;
            expect(Math.abs(held - (total * t) / n)).toBeLessThan(1);
          }
        }
      }
    }
  });

  it('most recent: the test set is the latest rows, equal times never split', () => {
    for (let n = 2; n <= 60; n += n < 20 ? 1 : 6) {
      for (const ties of [false, true]) {
        for (const fraction of FRACTIONS) {
          const rng = rngFor(n * 3 + Number(ties));
          const rows = someRows(n, rng, ties);
          const order = Float64Array.from({ length: n }, (_, i) => (ties ? rng.int(Math.max(2, n >> 2)) : (i * 37) % n));
          if (new Set(order).size < 2) continue;
          const t = expectedTestSize(n, fraction);
          if (t >= n) continue;
          const split = holdout(rows, fraction, 0, { order, column: 'date' });
          expectSplitOf(split, rows);
          const time = byRow(rows, order);
          const trainTimes = Array.from(split.train, (r) => time.get(r) as number);
          const testTimes = Array.from(split.test, (r) => time.get(r) as number);
          expect(Math.max(...trainTimes)).toBeLessThan(Math.min(...testTimes));
          if (!ties) expect(split.test.length).toBe(t);
          else {
            // off the ideal size by less than the tied run the cut had to avoid
            const runs = new Map<number, number>();
            for (const v of order) runs.set(v, (runs.get(v) ?? 0) + 1);
            expect(Math.abs(split.test.length - t)).toBeLessThan(Math.max(...runs.values()));
          }
        }
      }
    }
  });

  it('gives the same split for the same seed and a different one for another seed', () => {
    const rows = allRows(60);
    const labels = someLabels(60, 2, rngFor(1));
    for (const options of [{}, { labels }]) {
      expect(holdout(rows, 0.25, 3, options)).toEqual(holdout(rows, 0.25, 3, options));
      expect(holdout(rows, 0.25, 3, options)).not.toEqual(holdout(rows, 0.25, 4, options));
    }
  });

  it('rejects bad fractions, too few rows, missing or single times, and recency with stratification', () => {
    const rows = allRows(10);
    for (const f of [0, 1, 1.5, -0.2, NaN]) {
      expect(() => holdout(rows, f, 0)).toThrow(
        new InputError(`the test fraction must be between 0 and 1, both excluded (got ${f})`),
      );
    }
    expect(() => holdout(allRows(1), 0.5, 0)).toThrow(new InputError('a holdout needs at least 2 rows (got 1)'));
    expect(() => holdout(rows, 0.95, 0)).toThrow(
      new InputError('a test fraction of 0.95 leaves no training rows out of 10 rows'),
    );
    const order = Float64Array.from({ length: 10 }, (_, i) => (i === 4 ? NaN : i));
    expect(() => holdout(rows, 0.2, 0, { order, column: 'date' })).toThrow(
      new InputError("column 'date' has 1 missing value; holdouts by time need a time for every row"),
    );
    expect(() => holdout(rows, 0.2, 0, { order: new Float64Array(10), column: 'date' })).toThrow(
      new InputError("column 'date' has a single time: cannot hold out the most recent rows"),
    );
    expect(() => holdout(rows, 0.2, 0, { order: new Float64Array(10), labels: new Uint8Array(10) })).toThrow(
      new InputError('a holdout of the most recent rows cannot also be stratified'),
    );
  });
});

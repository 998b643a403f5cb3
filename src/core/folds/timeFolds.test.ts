/** Time folds: k + 1 blocks in time order; fold f trains on blocks 0..f and tests on block f + 1. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/errors';
import { allRows } from './fold';
import { timeFolds } from './timeFolds';
import { byRow, expectAscending, expectSplitOf, rngFor, someRows } from './testing/foldChecks';

/** Times per position: distinct, or drawn from a few values (many ties). */
function someTimes(n: number, distinctValues: number | null, rng: ReturnType<typeof rngFor>): Float64Array {
  if (distinctValues === null) {
    const t = Float64Array.from({ length: n }, (_, i) => i * 1.5 - 7);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [t[i], t[j]] = [t[j], t[i]];
    }
    return t;
  }
  return Float64Array.from({ length: n }, () => rng.int(distinctValues) * 86_400_000);
}

const timesOf = (rows: Uint32Array, time: Map<number, number>) => Array.from(rows, (r) => time.get(r) as number);

describe('timeFolds', () => {
  it('cuts the time-sorted rows into k + 1 blocks; fold f trains on blocks 0..f, tests on block f + 1', () => {
    for (let n = 3; n <= 70; n += n < 25 ? 1 : 5) {
      for (const distinctValues of [null, 3, 8, n]) {
        const rng = rngFor(n * 10 + (distinctValues ?? 0));
        const rows = someRows(n, rng, distinctValues === 8);
        const order = someTimes(n, distinctValues, rng);
        const time = byRow(rows, order);
        const distinct = new Set(order).size;
        for (let k = 2; k + 1 <= Math.min(distinct, 8); k++) {
          const folds = timeFolds(rows, order, k, 'date');
          expect(folds.map((f) => f.fold)).toEqual(Array.from({ length: k }, (_, i) => i));
          const blocks = [folds[0].train, ...folds.map((f) => f.test)];
          for (const b of blocks) {
            expectAscending(b);
            expect(b.length).toBeGreaterThan(0);
          }
          // the blocks partition the rows, in time order, equal times never split
          const all = blocks.flatMap((b) => Array.from(b)).sort((a, b) => a - b);
          expect(all).toEqual(Array.from(rows).sort((a, b) => a - b));
          for (let b = 1; b < blocks.length; b++) {
            expect(Math.max(...timesOf(blocks[b - 1], time))).toBeLessThan(Math.min(...timesOf(blocks[b], time)));
          }
          for (const f of folds) {
            expectSplitOf(f, Uint32Array.from([...f.train, ...f.test]));
            // train = blocks 0..f exactly
            const expected = blocks.slice(0, f.fold + 1).flatMap((b) => Array.from(b)).sort((a, b) => a - b);
            expect(Array.from(f.train)).toEqual(expected);
          }
          // block 0 is never tested
          const tested = new Set(folds.flatMap((f) => Array.from(f.test)));
          for (const r of blocks[0]) expect(tested.has(r)).toBe(false);
          const sizes = blocks.map((b) => b.length);
          if (distinct === n) {
            // numpy.array_split sizes: within one, earlier blocks larger
            for (let b = 1; b < sizes.length; b++) expect(sizes[b - 1] - sizes[b]).toBeGreaterThanOrEqual(0);
            expect(sizes[0] - sizes[sizes.length - 1]).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });

  it('depends only on the times, not on the order of the row list (stable for ties)', () => {
    const rng = rngFor(11);
    const n = 50;
    const rows = allRows(n);
    const order = someTimes(n, 7, rng);
    const reversedRows = rows.slice().reverse();
    const reversedOrder = order.slice().reverse();
    const a = timeFolds(rows, order, 4, 'date');
    const b = timeFolds(reversedRows, reversedOrder, 4, 'date');
    expect(b).toEqual(a);
  });

  it('moves a cut back when the ties at the end leave too few times for the later blocks', () => {
    // 8 distinct times then 12 rows at one time: ideal cuts at 7 and 14 would both fall in the tie
    const order = Float64Array.from({ length: 20 }, (_, i) => Math.min(i, 8));
    const folds = timeFolds(allRows(20), order, 2, 'date');
    expect(Array.from(folds[0].train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(folds[0].test)).toEqual([7]);
    expect(folds[1].test.length).toBe(12);
  });

  it('rejects missing times, too few rows or distinct times, and bad fold counts', () => {
    const order = Float64Array.from([1, NaN, 3, NaN, 5, 6]);
    expect(() => timeFolds(allRows(6), order, 2, 'date')).toThrow(
      new InputError("column 'date' has 2 missing values; time folds need a time for every row"),
    );
    expect(() => timeFolds(allRows(3), Float64Array.from([1, NaN, 2]), 2)).toThrow(
      'the time column has 1 missing value; time folds need a time for every row',
    );
    expect(() => timeFolds(allRows(3), Float64Array.from([1, 2, 3]), 3, 'date')).toThrow(
      new InputError('cannot make 3 time folds from 3 rows: --time cuts the rows into folds + 1 = 4 blocks'),
    );
    expect(() => timeFolds(allRows(6), Float64Array.from([1, 1, 2, 2, 3, 3]), 3, 'date')).toThrow(
      new InputError(
        "cannot make 3 time folds: column 'date' has 3 distinct times and --time cuts the rows into folds + 1 = 4 blocks of different times",
      ),
    );
    expect(() => timeFolds(allRows(6), Float64Array.from([1, 2, 3, 4, 5, 6]), 1, 'date')).toThrow(
      '--folds must be at least 2 (got 1)',
    );
  });
});

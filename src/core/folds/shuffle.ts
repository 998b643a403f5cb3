/**
 * Seeded Fisher–Yates shuffles: every random order in the splitters comes from a
 * `seededRandom` generator, so the same seed gives the same folds on every platform.
 */
import type { SeededRandom } from '../random/seededRandom';

/** Shuffles `values` in place (Fisher–Yates, from the end) and returns it. */
export function shuffleInPlace(values: Uint32Array, rng: SeededRandom): Uint32Array {
  for (let i = values.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}

/** At most `n` of `rows`: a seeded sample without replacement, in row order (all of them when there are no more). */
export function seededSample(rows: Uint32Array, n: number, rng: SeededRandom): Uint32Array {
  if (rows.length <= n) return rows;
  const order = seededPermutation(rows.length, rng);
  return Uint32Array.from(order.subarray(0, n), (i) => rows[i]).sort();
}

/** A random permutation of 0..n−1. */
export function seededPermutation(n: number, rng: SeededRandom): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return shuffleInPlace(out, rng);
}

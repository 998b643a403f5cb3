import { describe, expect, it } from 'vitest';
import { sortFloat64 } from './sortFloat64';

/** A seeded generator of awkward doubles: negatives, ±0, tiny and huge magnitudes, repeats, ±Infinity. */
function awkward(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.05) out[i] = next() < 0.5 ? -0 : 0;
    else if (r < 0.07) out[i] = next() < 0.5 ? Infinity : -Infinity;
    else if (r < 0.3) out[i] = Math.round(next() * 20) - 10;
    else out[i] = (next() - 0.5) * Math.pow(10, Math.round(next() * 600) - 300);
  }
  return out;
}

describe('sortFloat64', () => {
  it.each([10, 5000, 200_000])('orders %i values as the comparison sort does', (n) => {
    const values = awkward(n, n);
    const expected = Array.from(values).sort((a, b) => a - b);
    const sorted = sortFloat64(values.slice());
    // −0 and 0 compare equal: compare as numbers
    expect(Array.from(sorted, (v) => (v === 0 ? 0 : v))).toEqual(expected.map((v) => (v === 0 ? 0 : v)));
  });
});

describe('sortFloat64 with an order', () => {
  it.each([100, 50_000])('applies the same stable permutation to the order (%i values)', (n) => {
    const values = awkward(n, 7 * n).map((v) => (v === 0 ? 0 : v)); // no −0: full stability expected
    const order = Uint32Array.from({ length: n }, (_, i) => i);
    const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    const sorted = sortFloat64(values.slice(), order);
    expect(Array.from(order)).toEqual(expected);
    expect(Array.from(sorted)).toEqual(expected.map((i) => values[i]));
  });
});

// Reference values: src/core/stats/fixtures/ks.json, written by
// scripts/fixtures/make_ks_fixtures.py with SciPy 1.10 / NumPy 1.24: scipy.stats.kstwo.sf/.cdf,
// scipy.special.smirnov and scipy.stats.ks_2samp(alternative='two-sided', method='asymp'). Each
// kstwo / smirnov row carries the name of the SciPy branch that computes its SF, so the
// tolerances below are per method and the coverage of every branch is checked.
//
// Tolerances (relative, for values ≥ 1e-300; exact zeros must be exact) are the tightest that
// hold with a small margin. The port repeats SciPy's operations in SciPy's order, so the closed
// forms and everything built on scipy.special.smirnov (double-double sums) agree to ≤ 1 ulp
// (observed 2.2e-16; 1e-15 is asserted, which still catches e.g. a dropped double-double
// correction term, 2.4e-14). The others:
//  * DMTW, n ≤ 140 (observed 2.5e-15): numpy's matmul (BLAS dgemm) sums in another order.
//  * 1 − Pelz–Good (6.1e-15): the CDF agrees to 1 ulp; SF = 1 − CDF ≥ 0.03 amplifies it.
//  * Pomeranz, n ≤ 140, 0.754693 < n·d² ≤ 4 (1.6e-12): after its 2^±128 rescaling SciPy
//    multiplies by n! with numpy *longdouble* constants (so in 80-bit precision) and its
//    convolutions go through BLAS ddot (another summation order). With float64 constants and an
//    in-order convolution, SciPy's own Python code gives results bit-identical to this port;
//    SF = 1 − CDF (≥ 6.7e-4 there) amplifies those last-bit CDF differences.
//  * CDFs (4.5e-13): DMTW at n = 100000 (the n!/nⁿ loop of 100000 products runs in longdouble in
//    SciPy after its first rescaling) and Ruben–Gambino exp(log(n!/nⁿ) + n·log(2nd − 1)) for
//    n > 140 (6e-14: one-ulp differences between V8's and glibc's log/exp near −460, amplified).
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/ks.json';
import { kstwoCdf, kstwoSf, ksTwoSample, smirnovSf } from './kolmogorovSmirnov';

type KstwoRow = [n: number, d: number, sf: number, cdf: number, regime: string];
type SmirnovRow = [n: number, d: number, sf: number, regime: string];

interface KsCase {
  name: string;
  a: number[];
  b: number[];
  statistic: number;
  pValue: number | null;
  n: number;
  regime: string;
}

interface HashedSample {
  size: number;
  multiplier: number;
  offset: number;
  shift: number;
}

interface GeneratedCase {
  a: HashedSample;
  b: HashedSample;
  statistic: number;
  pValue: number;
  n: number;
  regime: string;
}

const KSTWO = fixture.kstwo as unknown as KstwoRow[];
const SMIRNOV = fixture.smirnov as unknown as SmirnovRow[];
const KS_CASES = fixture.ks2samp as unknown as KsCase[];
const GENERATED = fixture.ks2sampGenerated as unknown as GeneratedCase[];

const REL = 1e-15; // closed forms and smirnov-based branches: a few ulps
const SF_TOLERANCE: Record<string, number> = {
  'n <= 140: DMTW': 2e-14,
  'n > 140: 1 - Pelz-Good': 5e-14,
  'n <= 140: Pomeranz': 1e-11,
};
const CDF_TOLERANCE = 1e-12;

function sfTolerance(regime: string): number {
  return SF_TOLERANCE[regime] ?? REL;
}

/** Relative error of `actual` against `expected` (0 when both are equal, ∞ on a NaN mismatch). */
function relativeError(actual: number, expected: number): number {
  if (actual === expected) return 0;
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Infinity;
  return Math.abs(actual - expected) / Math.abs(expected);
}

/**
 * |actual − expected| ≤ rel·|expected| for expected ≥ 1e-300; an expected 0 must be exactly 0;
 * below 1e-300 (subnormal range) one extra unit of the smallest subnormal is allowed.
 */
function expectProbability(actual: number, expected: number | null, rel: number, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNaN();
    return;
  }
  if (expected === 0 || expected >= 1e-300) {
    expect(relativeError(actual, expected), `${what}: got ${actual}, want ${expected}`).toBeLessThanOrEqual(rel);
    return;
  }
  expect(Math.abs(actual - expected), `${what}: got ${actual}, want ${expected}`).toBeLessThanOrEqual(
    rel * expected + 5e-324,
  );
}

function regimesOf(rows: readonly (readonly unknown[])[], column: number): Set<string> {
  return new Set(rows.map((r) => r[column] as string));
}

/** ((i · multiplier + offset) mod 2³²) / 2³² + shift, as numpy computes it in the fixture script. */
function hashedSample(s: HashedSample): Float64Array {
  const out = new Float64Array(s.size);
  for (let i = 0; i < s.size; i++) out[i] = ((i * s.multiplier + s.offset) % 4294967296) / 4294967296 + s.shift;
  return out;
}

describe('kstwoSf / kstwoCdf against scipy.stats.kstwo', () => {
  it('covers every branch of _kolmogn, and the n boundaries', () => {
    const regimes = regimesOf(KSTWO, 4);
    for (const r of [
      'support: sf = 1',
      'support: sf = 0',
      'Ruben-Gambino t <= 1',
      'Ruben-Gambino t >= n-1',
      'x >= 0.5: 2*smirnov',
      'n <= 140: DMTW',
      'n <= 140: Pomeranz',
      'n <= 140: 2*smirnov',
      'n > 140: nx^2 >= 370, sf = 0',
      'n > 140: 2*smirnov',
      'n > 140: 1 - DMTW',
      'n > 140: 1 - Pelz-Good',
    ]) {
      expect(regimes.has(r), r).toBe(true);
    }
    const ns = new Set(KSTWO.map((r) => r[0]));
    for (const n of [1, 2, 3, 5, 10, 50, 139, 140, 141, 500, 1000, 1012, 1013, 5000, 100000, 100001, 200000]) {
      expect(ns.has(n), `n = ${n}`).toBe(true);
    }
    // both sides of n = 100000 in the DMTW branch (n·d^1.5 ≤ 1.4) and Pelz–Good beyond it
    const at = (n: number, regime: string) => KSTWO.some((r) => r[0] === n && r[4] === regime);
    expect(at(100000, 'n > 140: 1 - DMTW')).toBe(true);
    expect(at(100000, 'n > 140: 1 - Pelz-Good')).toBe(true);
    expect(at(100001, 'n > 140: 1 - DMTW')).toBe(false);
    expect(at(100001, 'n > 140: 1 - Pelz-Good')).toBe(true);
    // p-values far in the tail
    expect(KSTWO.filter((r) => r[2] > 0 && r[2] < 1e-200).length).toBeGreaterThan(20);
  });

  it('sf', () => {
    for (const [n, d, sf, , regime] of KSTWO) {
      expectProbability(kstwoSf(n, d), sf, sfTolerance(regime), `kstwo.sf(${d}, ${n}) [${regime}]`);
    }
  });

  it('cdf', () => {
    // (the regime in the message is the SF's branch; for n > 140 the CDF never calls smirnov)
    for (const [n, d, , cdf, regime] of KSTWO) {
      expectProbability(kstwoCdf(n, d), cdf, CDF_TOLERANCE, `kstwo.cdf(${d}, ${n}) [${regime}]`);
    }
  });

  it('rejects a non-integer or non-positive n and NaN d', () => {
    expect(kstwoSf(0, 0.3)).toBeNaN();
    expect(kstwoSf(2.5, 0.3)).toBeNaN();
    expect(kstwoSf(10, NaN)).toBeNaN();
    expect(kstwoCdf(-1, 0.3)).toBeNaN();
  });
});

describe('smirnovSf against scipy.special.smirnov', () => {
  it('covers every branch of cephes _smirnov', () => {
    const regimes = regimesOf(SMIRNOV, 3);
    for (const r of [
      'n = 1',
      'x = 0',
      'x = 1',
      'x <= 1/n',
      'underflow: sf = 0',
      'x >= 1 - 1/n',
      'n > 1e6: approximation',
      'upper (Dwass) sum',
      'lower (Birnbaum-Tingey) sum',
    ]) {
      expect(regimes.has(r), r).toBe(true);
    }
    expect(SMIRNOV.some((r) => r[0] === 1000000 && r[3] === 'upper (Dwass) sum')).toBe(true);
  });

  it('sf', () => {
    for (const [n, d, sf, regime] of SMIRNOV) {
      expectProbability(smirnovSf(n, d), sf, REL, `smirnov(${n}, ${d}) [${regime}]`);
    }
  });

  it('is NaN outside its domain', () => {
    expect(smirnovSf(0, 0.5)).toBeNaN();
    expect(smirnovSf(5, -0.1)).toBeNaN();
    expect(smirnovSf(5, 1.1)).toBeNaN();
    expect(smirnovSf(5, NaN)).toBeNaN();
  });
});

describe('ksTwoSample against scipy.stats.ks_2samp (two-sided, asymp)', () => {
  it.each(KS_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const a = Float64Array.from(c.a);
    const b = Float64Array.from(c.b);
    const r = ksTwoSample(a, b);
    expect(r.statistic).toBe(c.statistic); // a difference of two count ratios: exact
    expectProbability(r.pValue, c.pValue, sfTolerance(c.regime), `p [${c.regime}, n = ${c.n}]`);
    // symmetric in the two samples, and the inputs are left untouched
    const swapped = ksTwoSample(b, a);
    expect(swapped.statistic).toBe(r.statistic);
    expect(Object.is(swapped.pValue, r.pValue) || swapped.pValue === r.pValue).toBe(true);
    expect(Array.from(a)).toEqual(c.a);
    expect(Array.from(b)).toEqual(c.b);
  });

  // speed is measured in bench/drift (npm run bench:drift), not asserted here
  it('large generated samples (up to 100,000 × 100,000)', () => {
    for (const g of GENERATED) {
      const a = hashedSample(g.a);
      const b = hashedSample(g.b);
      const r = ksTwoSample(a, b);
      expect(r.statistic).toBe(g.statistic);
      expectProbability(r.pValue, g.pValue, sfTolerance(g.regime), `p [${g.regime}, n = ${g.n}]`);
    }
  });

  it('throws for an empty sample', () => {
    expect(() => ksTwoSample(new Float64Array(0), Float64Array.from([1, 2]))).toThrow(/empty/);
    expect(() => ksTwoSample(Float64Array.from([1]), new Float64Array(0))).toThrow(/empty/);
  });
});

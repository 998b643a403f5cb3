/**
 * Kolmogorov–Smirnov distributions and the two-sample Kolmogorov–Smirnov test, ported step by
 * step from SciPy 1.10 so that the p-values agree with it to the last digits:
 *
 * - `smirnovSf(n, d)` = `scipy.special.smirnov(n, d)`: Pr(D⁺ₙ ≥ d), the one-sided one-sample
 *   statistic (Smirnov 1944; Birnbaum & Tingey 1951). Port of `_smirnov` in SciPy's
 *   scipy/special/cephes/kolmogorov.c (Paul van Mulbregt, "Computing the Cumulative Distribution
 *   Function and Quantiles of the One-sided Kolmogorov–Smirnov Statistic", arXiv:1802.06966):
 *   the Birnbaum–Tingey sum — or, for a few terms and small d, the Smirnov–Dwass upper sum —
 *   with every term carried in double-double arithmetic (the QD library's algorithms, SciPy's
 *   dd_real) and powers kept as (significand, binary exponent) pairs so nothing under- or
 *   overflows. Its special cases d ≤ 1/n, d ≥ 1 − 1/n, −2nd² < log(2⁻¹⁰⁷⁵) and n > 10⁶ are kept.
 * - `kstwoSf(n, d)` / `kstwoCdf(n, d)` = `scipy.stats.kstwo.sf(d, n)` / `.cdf(d, n)`: the
 *   two-sided one-sample statistic Dₙ. Port of `_kolmogn` in scipy/stats/_ksstats.py, which
 *   follows Simard & L'Ecuyer, "Computing the Two-Sided Kolmogorov–Smirnov Distribution"
 *   (J. Stat. Softw. 39(11), 2011): Ruben–Gambino closed forms for nd ≤ 1 and nd ≥ n − 1,
 *   2·smirnov for d ≥ 0.5, Durbin's matrix (Marsaglia, Tsang & Wang, J. Stat. Softw. 8(18), 2003),
 *   Pomeranz's recursion (CACM 17(12), 1974), and the Pelz–Good asymptotic series (JRSS B 38(2),
 *   1976), chosen by n, nd² and nd^1.5 exactly as SciPy does.
 * - `ksTwoSample(a, b)` = `scipy.stats.ks_2samp(a, b, alternative='two-sided', method='asymp')`:
 *   D = max |F_a − F_b| over the pooled points (numpy's searchsorted(side='right') / n
 *   arithmetic), p = kstwo.sf(D, round(mn / (m + n))) with numpy's round-half-to-even.
 *
 * Differences from SciPy, all in the last bits: SciPy keeps its 2^±128 rescaling constants as
 * numpy longdouble, so the final n!-multiplications of DMTW and Pomeranz run in 80-bit precision
 * once a rescaling has happened, and its matrix products / convolutions go through BLAS (another
 * summation order); here everything is float64 and summed in index order. The effect is ≤ 1e-12
 * relative on the CDF, and up to ~2e-12 on the Pomeranz SF where SF = 1 − CDF ≥ 6.7e-4 amplifies
 * it (see kolmogorovSmirnov.test.ts). The kolmogorov.c ported is the van Mulbregt version (SciPy
 * ≥ 1.1); its agreement with SciPy 1.10's compiled smirnov is ≤ 2 ulps on the test grid.
 *
 * Cost: the exact one-sided sum takes O(n) double-double terms (≈ 0.15 s at n = 10⁵, 1 s at
 * n = 10⁶, like SciPy's C), reached by kstwoSf for n > 140 when n·d² ≥ 2.2.
 */

import { sortFloat64 } from './sortFloat64';

// ---------------------------------------------------------------------------------------------
// float64 helpers: frexp / ldexp as in C
// ---------------------------------------------------------------------------------------------

const FLOAT = new Float64Array(1);
const WORDS = new Uint32Array(FLOAT.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const TWO_64 = 18446744073709551616; // 2^64
const DBL_EPSILON = 2.220446049250313e-16;

/** Powers of two 2^k for k = −1022 … 1023, exact. */
const POW2 = (() => {
  const table = new Float64Array(2046);
  table[1022] = 1;
  for (let k = 1; k <= 1023; k++) table[1022 + k] = table[1022 + k - 1] * 2;
  for (let k = 1; k <= 1022; k++) table[1022 - k] = table[1022 - k + 1] / 2;
  return table;
})();

function pow2(k: number): number {
  return POW2[k + 1022];
}

/** C `frexp`: x = mantissa · 2^exponent with 0.5 ≤ |mantissa| < 1 (0, ±∞ and NaN unchanged). */
function frexp(x: number): [mantissa: number, exponent: number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let scale = 0;
  let y = x;
  FLOAT[0] = y;
  if (((WORDS[HIGH_WORD] >>> 20) & 0x7ff) === 0) {
    y *= TWO_64; // subnormal: normalise first
    scale = -64;
    FLOAT[0] = y;
  }
  const biased = (WORDS[HIGH_WORD] >>> 20) & 0x7ff;
  WORDS[HIGH_WORD] = (WORDS[HIGH_WORD] & 0x800fffff) | (1022 << 20);
  return [FLOAT[0], biased - 1022 + scale];
}

/** C `ldexp` (musl's scalbn): x · 2^e with a single rounding, also into the subnormal range. */
function ldexp(x: number, e: number): number {
  let y = x;
  let n = e;
  if (n > 1023) {
    y *= pow2(1023);
    n -= 1023;
    if (n > 1023) {
      y *= pow2(1023);
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // keep the final exponent below −53 so the last multiplication rounds only once
    y *= pow2(-1022) * pow2(53);
    n += 1022 - 53;
    if (n < -1022) {
      y *= pow2(-1022) * pow2(53);
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * pow2(n);
}

function clipProbability(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p; // NaN passes through, as np.clip
}

// ---------------------------------------------------------------------------------------------
// Double-double arithmetic (SciPy's cephes/dd_idefs.h, dd_real_idefs.h, dd_real.c from QD 2.3)
// ---------------------------------------------------------------------------------------------

interface DD {
  readonly hi: number;
  readonly lo: number;
}

const DD_ZERO: DD = { hi: 0, lo: 0 };
const DD_ONE: DD = { hi: 1, lo: 0 };
const SPLITTER = 134217729; // 2^27 + 1
const SPLIT_THRESHOLD = 6.69692879491417e299; // 2^996

function dd(hi: number, lo: number): DD {
  return { hi, lo };
}

let errorTerm = 0; // second result of the error-free transformations below

/** fl(a + b), error in `errorTerm`; requires |a| ≥ |b|. */
function quickTwoSum(a: number, b: number): number {
  const s = a + b;
  errorTerm = b - (s - a);
  return s;
}

/** fl(a + b), error in `errorTerm`. */
function twoSum(a: number, b: number): number {
  const s = a + b;
  const c = s - a;
  const d = b - c;
  const e = s - c;
  errorTerm = a - e + d;
  return s;
}

let splitLow = 0;

/** Dekker's split of a into a 26-bit high part (returned) and the rest (`splitLow`). */
function twoSplit(a: number): number {
  if (a > SPLIT_THRESHOLD || a < -SPLIT_THRESHOLD) {
    const scaled = a * 3.7252902984619140625e-9; // 2^-28
    const temp = SPLITTER * scaled;
    const hi = temp - (temp - scaled);
    splitLow = (scaled - hi) * 268435456; // 2^28
    return hi * 268435456;
  }
  const temp = SPLITTER * a;
  const hi = temp - (temp - a);
  splitLow = a - hi;
  return hi;
}

/** fl(a · b), exact error in `errorTerm`. */
function twoProd(a: number, b: number): number {
  const p = a * b;
  const aHi = twoSplit(a);
  const aLo = splitLow;
  const bHi = twoSplit(b);
  const bLo = splitLow;
  const c = aHi * bHi - p;
  const d = c + aHi * bLo + aLo * bHi;
  errorTerm = d + aLo * bLo;
  return p;
}

/** dd_add_d_d */
function ddFromSum(a: number, b: number): DD {
  const s = twoSum(a, b);
  return dd(s, errorTerm);
}

/** dd_mul_d_d */
function ddFromProduct(a: number, b: number): DD {
  const p = twoProd(a, b);
  return dd(p, errorTerm);
}

/** dd_add (dd_ieee_add: Briggs–Kahan, IEEE-style error bound) */
function ddAdd(a: DD, b: DD): DD {
  let s1 = twoSum(a.hi, b.hi);
  let s2 = errorTerm;
  const t1 = twoSum(a.lo, b.lo);
  const t2 = errorTerm;
  s2 += t1;
  s1 = quickTwoSum(s1, s2);
  s2 = errorTerm + t2;
  s1 = quickTwoSum(s1, s2);
  return dd(s1, errorTerm);
}

function ddNeg(a: DD): DD {
  return dd(-a.hi, -a.lo);
}

/** dd_sub */
function ddSub(a: DD, b: DD): DD {
  return ddAdd(a, ddNeg(b));
}

/** dd_add_dd_d */
function ddAddDouble(a: DD, b: number): DD {
  const s1 = twoSum(a.hi, b);
  const s2 = errorTerm + a.lo;
  const s = quickTwoSum(s1, s2);
  return dd(s, errorTerm);
}

/** dd_sub_dd_d */
function ddSubDouble(a: DD, b: number): DD {
  const s1 = twoSum(a.hi, -b);
  const s2 = errorTerm + a.lo;
  const s = quickTwoSum(s1, s2);
  return dd(s, errorTerm);
}

/** dd_mul */
function ddMul(a: DD, b: DD): DD {
  const p1 = twoProd(a.hi, b.hi);
  const p2 = errorTerm + (a.hi * b.lo + a.lo * b.hi);
  const p = quickTwoSum(p1, p2);
  return dd(p, errorTerm);
}

/** dd_mul_dd_d (also dd_mul_d_dd: the same operations) */
function ddMulDouble(a: DD, b: number): DD {
  const p1 = twoProd(a.hi, b);
  const e1 = errorTerm;
  const p2 = twoProd(a.lo, b);
  const e2 = errorTerm;
  const p = quickTwoSum(p1, e2 + p2 + e1);
  return dd(p, errorTerm);
}

/** dd_div (dd_accurate_div) */
function ddDiv(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = ddSub(a, ddMulDouble(b, q1));
  const q2 = r.hi / b.hi;
  r = ddSub(r, ddMulDouble(b, q2));
  const q3 = r.hi / b.hi;
  const s = quickTwoSum(q1, q2);
  return ddAddDouble(dd(s, errorTerm), q3);
}

/** dd_div_d_d */
function ddFromQuotient(a: number, b: number): DD {
  return ddDiv(dd(a, 0), dd(b, 0));
}

/** dd_floor */
function ddFloor(a: DD): DD {
  const hi = Math.floor(a.hi);
  if (hi !== a.hi) return dd(hi, 0);
  const s = quickTwoSum(hi, Math.floor(a.lo));
  return dd(s, errorTerm);
}

/** dd_frexp: significand with 0.5 ≤ |hi| < 1 (or |hi| = 1 with hi·lo < 0) and the exponent. */
function ddFrexp(a: DD): [DD, number] {
  const [man0, exponent0] = frexp(a.hi);
  let man = man0;
  let exponent = exponent0;
  let b1 = ldexp(a.lo, -exponent);
  if (Math.abs(man) === 0.5 && man * b1 < 0) {
    man *= 2;
    b1 *= 2;
    exponent -= 1;
  }
  return [dd(man, b1), exponent];
}

function ddLdexp(a: DD, e: number): DD {
  return dd(ldexp(a.hi, e), ldexp(a.lo, e));
}

function ddInv(a: DD): DD {
  return ddDiv(DD_ONE, a);
}

// ---------------------------------------------------------------------------------------------
// scipy.special.smirnov — one-sided Kolmogorov–Smirnov survival function (kolmogorov.c)
// ---------------------------------------------------------------------------------------------

const SMIRNOV_MAX_COMPUTE_N = 1000000;
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
const MAX_EXPONENT = 960;
const MINLOG = -745.1332191019412; // cephes MINLOG (DENORMAL build): log(2^-1075)

/** pow_D: a^m in double-double, using pow() on the high word and a first-order correction. */
function ddPow(a: DD, m: number): DD {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return ddInv(ddPow(a, -m));
  }
  if (a.hi === 0) return DD_ZERO;
  const ans = Math.pow(a.hi, m);
  const r = a.lo / a.hi;
  let adj = m * r;
  if (Math.abs(adj) > 1e-8) {
    if (Math.abs(adj) < 1e-4) {
      adj += m * r * (((m - 1) / 2.0) * r); // first two terms of (1 + r)^m − 1
    } else {
      adj = Math.expm1(m * Math.log1p(r));
    }
  }
  return ddFromSum(ans, ans * adj);
}

/** kolmogorov.c nextPowerOf2 (despite its name: x·(1 + 2^-52), as SciPy computes it). */
function nextPowerOf2(x: number): number {
  const q = ldexp(x, 1 - 53);
  let l = Math.abs(q + x);
  if (l === 0) {
    l = Math.abs(x);
  } else {
    const lInt = Math.trunc(l);
    if (lInt === l) l = lInt;
  }
  return l;
}

/** pow2Scaled_D: a^m as a double-double significand and a binary exponent. */
function ddPowScaled(a: DD, m: number): [DD, number] {
  if (m <= 0) {
    if (m === 0) return [DD_ONE, 0];
    const [inverse, e1] = ddPowScaled(a, -m);
    const [ans, e2] = ddFrexp(ddInv(inverse));
    return [ans, -e1 + e2];
  }
  const [y, yE] = ddFrexp(a);
  if (m === 1) return [y, yE];
  let maxExpt = MAX_EXPONENT;
  // y^m may fall below 2^-960: find how many factors can be multiplied at once
  if ((m * (y.hi - 1)) / y.hi < -MAX_EXPONENT * Math.LN2) {
    const lg2y = Math.log(y.hi) / Math.LN2;
    const lgAns = m * lg2y;
    if (lgAns <= -MAX_EXPONENT) {
      maxExpt = Math.trunc(nextPowerOf2(-MAX_EXPONENT / lg2y + 1) / 2);
    }
  }
  if (m <= maxExpt) {
    const [ans, ansE] = ddFrexp(ddPow(y, m));
    return [ans, ansE + m * yE];
  }
  const q = Math.trunc(m / maxExpt);
  const r = m % maxExpt;
  // y^m = (y^maxExpt)^q · y^r
  const [y2r, y2rE] = ddPowScaled(y, r);
  const [y2m, y2mE] = ddPowScaled(y, maxExpt);
  const [y2mq, y2mqE0] = ddPowScaled(y2m, q);
  const [ans, ansE0] = ddFrexp(ddMul(y2r, y2mq));
  const y2mqE = y2mqE0 + y2mE * q;
  return [ans, ansE0 + y2mqE + y2rE + m * yE];
}

/** pow4_D: ((a + b) / (c + d))^m in double-double. */
function ddPowRatio(a: number, b: number, c: number, d: number, m: number): DD {
  if (m <= 0) {
    if (m === 0) return DD_ONE;
    return ddPowRatio(c, d, a, b, -m);
  }
  const numerator = ddFromSum(a, b);
  const denominator = ddFromSum(c, d);
  if (numerator.hi === 0) return denominator.hi === 0 ? dd(NaN, NaN) : DD_ZERO;
  if (denominator.hi === 0) return numerator.hi < 0 ? dd(-Infinity, -Infinity) : dd(Infinity, Infinity);
  return ddPow(ddDiv(numerator, denominator), m);
}

/** (1 + b)^m rounded to double (kolmogorov.c pow2). */
function powOnePlus(b: number, m: number): number {
  return ddPow(ddFromSum(1, b), m).hi;
}

interface SmirnovCoefficient {
  man: DD; // binomial coefficient C(n, j) = man · 2^expt
  expt: number;
}

/** updateBinomial: C(n, j + 1) = C(n, j) · (n − j) / (j + 1). */
function updateBinomial(c: SmirnovCoefficient, n: number, j: number): void {
  const ratio = ddFromQuotient(n - j, j + 1.0);
  const [man, expt] = ddFrexp(ddMul(c.man, ratio));
  c.expt += expt;
  c.man = man;
}

/** computeAv: A_v = C(n, v) · (1 − x − v/n)^(n−v) · (x + v/n)^(v−1). */
function smirnovTerm(n: number, x: number, v: number, c: SmirnovCoefficient): DD {
  const t2x = ddSubDouble(ddFromQuotient(n - v, n), x);
  const [t2, t2E] = ddPowScaled(t2x, n - v);
  const t1x = ddAddDouble(ddFromQuotient(v, n), x);
  const [t1, t1E] = ddPowScaled(t1x, v - 1);
  const ans = ddMul(ddMul(t1, t2), c.man);
  return ddLdexp(ans, c.expt + t1E + t2E);
}

/** modNX: floor(n·x) and its remainder, computed exactly in double-double. */
function splitNX(n: number, x: number): { nxFloor: number; alpha: number } {
  const nxD = ddFromProduct(n, x);
  const nxFloorD = ddFloor(nxD);
  let alpha = ddSub(nxD, nxFloorD).hi;
  let nxFloor = Math.trunc(nxFloorD.hi);
  if (alpha === 1) {
    nxFloor += 1;
    alpha = 0;
  }
  return { nxFloor, alpha };
}

/** The summation branch of `_smirnov`: the lower (Birnbaum–Tingey) or upper (Dwass) sum. */
function smirnovSum(n: number, x: number, nxFloor: number, alpha: number): number {
  let n1mxFloor = n - nxFloor - (alpha === 0 ? 0 : 1);
  let n1mxCeil = n - nxFloor;
  if (alpha === 0) {
    // the last term of either sum is excluded when n·x is an integer
    n1mxFloor -= 1;
    n1mxCeil += 1;
  }
  const nUpperTerms = n - n1mxCeil + 1;
  const useUpperSum =
    (nUpperTerms <= 1 && x < 0.5) ||
    (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  const start = useUpperSum ? n : 0;
  const step = useUpperSum ? -1 : 1;
  const nTerms = useUpperSum ? n - n1mxCeil + 1 : n1mxFloor + 1;
  const vmid = Math.trunc(n / 2);
  const binomial: SmirnovCoefficient = { man: DD_ONE, expt: 0 };

  let aj = useUpperSum ? ddPowRatio(1, x, 1, 0, n - 1) : ddDiv(ddPowRatio(1, -x, 1, 0, n), dd(x, 0));
  let ajSum = ddAdd(DD_ZERO, aj);
  updateBinomial(binomial, n, 0);
  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    aj = smirnovTerm(n, x, v, binomial);
    if (Number.isFinite(aj.hi) && aj.hi !== 0) ajSum = ddAdd(ajSum, aj);
    if (aj.hi !== 0) {
      // safe to stop early: the remaining terms cannot change the sum
      if (4 * (nTerms - j) * Math.abs(aj.hi) < DBL_EPSILON * ajSum.hi && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    updateBinomial(binomial, n, j);
  }
  const prob = ddMulDouble(ajSum, x).hi;
  return step < 0 ? 1 - prob : prob;
}

/**
 * scipy.special.smirnov(n, d): Pr(D⁺ₙ ≥ d) for the one-sided one-sample Kolmogorov–Smirnov
 * statistic D⁺ₙ = supₓ (Fₙ(x) − F(x)) of n observations (exact; n > 10⁶ uses the approximation
 * exp(−(6nd + 1)² / 18n), as SciPy does).
 */
export function smirnovSf(n: number, d: number): number {
  if (Number.isNaN(d)) return NaN;
  if (!(n > 0 && d >= 0.0 && d <= 1.0) || !Number.isInteger(n)) return NaN;
  if (n === 1) return 1 - d;
  if (d === 0.0) return 1.0;
  if (d === 1.0) return 0.0;
  const x = d;
  const { nxFloor, alpha } = splitNX(n, x);
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    // x ≤ 1/n: cdf = x (1 + x)^(n−1)
    return 1 - x * powOnePlus(x, n - 1);
  }
  if (-2 * n * x * x < MINLOG) return 0; // underflows
  if (nxFloor >= n - 1) return powOnePlus(-x, n); // x ≥ 1 − 1/n: (1 − x)^n
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 - -Math.expm1(logp);
  }
  return clipProbability(smirnovSum(n, x, nxFloor, alpha));
}

// ---------------------------------------------------------------------------------------------
// scipy.stats.kstwo — two-sided one-sample Kolmogorov–Smirnov distribution (_ksstats.py)
// ---------------------------------------------------------------------------------------------

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT2PI = Math.sqrt(2 * Math.PI);
const MIN_LOG = -708;
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;

/** Stirling coefficients B_2j / (2j (2j − 1)), j = 8 … 1 (highest degree first, as np.polyval). */
const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/** np.polyval: Horner's scheme starting from 0. */
function polyval(coeffs: readonly number[], x: number): number {
  let y = 0;
  for (const c of coeffs) y = y * x + c;
  return y;
}

/** log(n! / nⁿ) by Stirling's series with n·log(n) removed analytically. */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1.0 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polyval(STIRLING_COEFFS, rn / n);
}

/** numpy's pairwise summation (np.sum of a float64 vector: 0 + pairwise_sum). */
function numpySum(values: Float64Array | number[]): number {
  return 0 + pairwiseSum(values, 0, values.length);
}

function pairwiseSum(a: Float64Array | number[], offset: number, n: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[offset + i];
    return res;
  }
  if (n <= 128) {
    const r = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => a[offset + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (let j = 0; j < 8; j++) r[j] += a[offset + i + j];
    }
    let res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) res += a[offset + i];
    return res;
  }
  let n2 = Math.trunc(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, offset, n2) + pairwiseSum(a, offset + n2, n - n2);
}

/** Square matrix product C = A·B (row-major, m×m), summing over the inner index in order. */
function matMul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let l = 0; l < m; l++) s += a[i * m + l] * b[l * m + j];
      c[i * m + j] = s;
    }
  }
  return c;
}

/** Durbin's initial matrix H (MTW's form) for d = (k − h)/n. */
function durbinMatrix(k: number, h: number): Float64Array {
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1.0;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1.0 - Math.pow(h, j);
    w[j - 1] = fac;
    fac /= j; // may underflow: harmless
    v[j - 1] *= fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1.0 + tt) * fac;
  const hMatrix = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) hMatrix[r * m + i] = w[r - i + 1];
  }
  for (let r = 0; r < m; r++) hMatrix[r * m] = v[r];
  for (let c = 0; c < m; c++) hMatrix[(m - 1) * m + c] = v[m - 1 - c];
  return hMatrix;
}

/** _kolmogn_DMTW: Pr(Dₙ ≤ d) by Durbin's matrix algorithm (Marsaglia–Tsang–Wang). */
function kolmognDurbin(n: number, d: number): number {
  if (d >= 1.0) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const centre = (k - 1) * m + (k - 1);
  let hMatrix: Float64Array = durbinMatrix(k, h);
  let hPower: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) hPower[i * m + i] = 1;
  let nn = n;
  let expnt = 0; // scaling of hPower
  let hExpnt = 0; // scaling of hMatrix
  while (nn > 0) {
    if (nn % 2) {
      hPower = matMul(hPower, hMatrix, m);
      expnt += hExpnt;
    }
    hMatrix = matMul(hMatrix, hMatrix, m);
    hExpnt *= 2;
    if (Math.abs(hMatrix[centre]) > EP128) {
      for (let i = 0; i < m * m; i++) hMatrix[i] /= EP128;
      hExpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = hPower[centre];
  // multiply by n!/nⁿ
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return clipProbability(p);
}

/** _pomeranz_compute_j1j2: the non-zero range of row i of Pomeranz's recursion. */
function pomeranzRange(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** (c/n)^m / m! for m = 0 … count − 1. */
function scaledPowers(c: number, count: number): Float64Array {
  const out = new Float64Array(count);
  out[0] = 1.0;
  for (let m = 1; m < count; m++) out[m] = (out[m - 1] * c) / m;
  return out;
}

/** _kolmogn_Pomeranz: Pr(Dₙ ≤ x) by Pomeranz's recursion. */
function kolmognPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1.0 * (t - ll);
  const g = Math.min(f, 1.0 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = scaledPowers(g / n, npwrs);
  const twogpower = scaledPowers((2 * g) / n, npwrs);
  const onem2gpower = scaledPowers((1 - 2 * g) / n, npwrs);
  let expnt = 0;
  let v0 = new Float64Array(npwrs);
  let v1 = new Float64Array(npwrs);
  v1[0] = 1;
  let v0s = 0;
  let v1s = 0;
  let [j1, j2] = pomeranzRange(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [v0, v1] = [v1, v0];
    [v0s, v1s] = [v1s, v0s];
    v1.fill(0);
    [j1, j2] = pomeranzRange(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      convolveInto(v1, v0, k1 - v0s, ln2, pwrs, j1 - k1, j2 - j1 + 1);
      let max = -Infinity;
      for (let q = 0; q < npwrs; q++) if (v1[q] > max) max = v1[q];
      if (max > 0 && max < EM128) {
        for (let q = 0; q < npwrs; q++) v1[q] *= EP128;
        expnt -= E128;
      }
      v1s = v0s + j1 - k1;
    }
  }
  let ans = v1[n - v1s];
  // multiply by n!
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return clipProbability(ans);
}

/**
 * out[0 … count) = np.convolve(src[from : from + len], pwrs[:len])[first : first + count], with
 * numpy's slice truncation at the array ends and its dot-product order (ascending index of the
 * longer operand).
 */
function convolveInto(
  out: Float64Array,
  src: Float64Array,
  from: number,
  len: number,
  pwrs: Float64Array,
  first: number,
  count: number,
): void {
  let a = src.subarray(from, Math.min(from + len, src.length));
  let b = pwrs.subarray(0, Math.min(len, pwrs.length));
  if (b.length > a.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  for (let o = 0; o < count; o++) {
    const q = first + o;
    if (q < 0 || q > la + lb - 2) continue;
    let s = 0;
    for (let i = Math.max(0, q - lb + 1); i <= Math.min(q, la - 1); i++) s += a[i] * b[q - i];
    out[o] = s;
  }
}

/** _kolmogn_PelzGood: the Pelz–Good approximation to Pr(Dₙ ≤ x). */
function kolmognPelzGood(n: number, x: number, cdf: boolean): number {
  if (x <= 0.0) return cdf ? 0 : 1;
  if (x >= 1.0) return cdf ? 1 : 0;
  const z = Math.sqrt(n) * x;
  const zsquared = Math.pow(z, 2);
  const zthree = Math.pow(z, 3);
  const zfour = Math.pow(z, 4);
  const zsix = Math.pow(z, 6);
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < MIN_LOG) return cdf ? 0 : 1; // z below ~0.0417
  let q = Math.exp(qlog);

  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * Math.pow(z, 8);

  const k = [0, 0, 0, 0];
  // Horner scheme for Σ c_i q^(i²) over odd i
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let kk = maxk; kk > 0; kk--) {
    const m = 2 * kk - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = Math.pow(q, 8 * kk);
    const coeffs = [
      1.0,
      k1a + k1b * msquared,
      k2a + k2b * msquared + k2c * mfour,
      k3a + k3b * msquared + k3c * mfour + k3d * msix,
    ];
    for (let i = 0; i < 4; i++) k[i] = k[i] * qpower + coeffs[i];
  }
  const divisors = [z, 6 * zfour, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)];
  for (let i = 0; i < 4; i++) k[i] = (k[i] * q * SQRT2PI) / divisors[i];

  // the other sums, over all integers: K₂ gets (π²k²) q^(k²), K₃ (3π²k²z² − π⁴k⁴) q^(k²)
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  const sqrt3z = SQRT3 * z;
  const k2terms: number[] = [];
  const k3terms: number[] = [];
  for (let kk = maxk; kk > 0; kk--) {
    const ksquared = kk ** 2;
    const kspi = Math.PI * kk;
    const qpwer = Math.pow(q, ksquared);
    k2terms.push(ksquared * qpwer);
    k3terms.push((sqrt3z + kspi) * (sqrt3z - kspi) * ksquared * qpwer);
  }
  let k2extra = numpySum(k2terms);
  k2extra *= (PI_SQUARED * SQRT2PI) / (-36 * zthree);
  k[2] += k2extra;
  let k3extra = numpySum(k3terms);
  k3extra *= (PI_SQUARED * SQRT2PI) / (216 * zsix);
  k[3] += k3extra;
  for (let i = 1; i < 4; i++) k[i] /= Math.pow(n * 1.0, i / 2.0);

  if (!cdf) {
    for (let i = 0; i < 4; i++) k[i] *= -1;
    k[0] += 1;
  }
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += k[i];
  return sum;
}

function selectAndClip(cdfProb: number, sfProb: number, cdf: boolean): number {
  return clipProbability(cdf ? cdfProb : sfProb);
}

/** Ruben–Gambino: Pr(Dₙ ≤ x) = n!/nⁿ (2nx − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n. */
function rubenGambinoLow(n: number, t: number): number {
  if (n <= 140) {
    let prob = 1;
    for (let i = 1; i <= n; i++) prob *= i * (1.0 / n) * (2 * t - 1);
    return prob;
  }
  return Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
}

/** _kolmogn: the CDF (or SF) of Dₙ with SciPy's (Simard–L'Ecuyer) choice of method. */
function kolmogn(n: number, x: number, cdf: boolean): number {
  if (x >= 1.0) return selectAndClip(1.0, 0.0, cdf);
  if (x <= 0.0) return selectAndClip(0.0, 1.0, cdf);
  const t = n * x;
  if (t <= 1.0) {
    if (t <= 0.5) return selectAndClip(0.0, 1.0, cdf);
    const prob = rubenGambinoLow(n, t);
    return selectAndClip(prob, 1.0 - prob, cdf);
  }
  if (t >= n - 1) {
    const prob = 2 * Math.pow(1.0 - x, n);
    return selectAndClip(1 - prob, prob, cdf);
  }
  if (x >= 0.5) {
    const prob = 2 * smirnovSf(n, x);
    return selectAndClip(1.0 - prob, prob, cdf);
  }
  const nxsquared = t * x;
  if (n <= 140) {
    let prob: number;
    if (nxsquared <= 0.754693) {
      prob = kolmognDurbin(n, x);
    } else if (nxsquared <= 4) {
      prob = kolmognPomeranz(n, x);
    } else {
      const sf = 2 * smirnovSf(n, x);
      return selectAndClip(1.0 - sf, sf, cdf);
    }
    return selectAndClip(prob, 1.0 - prob, cdf);
  }
  if (!cdf) {
    if (nxsquared >= 370.0) return 0.0;
    if (nxsquared >= 2.2) return clipProbability(2 * smirnovSf(n, x));
  }
  let cdfProb: number;
  if (nxsquared >= 18.0) {
    cdfProb = 1.0;
  } else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
    cdfProb = kolmognDurbin(n, x);
  } else {
    cdfProb = kolmognPelzGood(n, x, true);
  }
  return selectAndClip(cdfProb, 1.0 - cdfProb, cdf);
}

/** scipy.stats.kstwo's support handling around _kolmogn (rv_continuous.sf / .cdf). */
function kstwo(n: number, d: number, cdf: boolean): number {
  if (!(n >= 1 && Number.isInteger(n)) || Number.isNaN(d)) return NaN;
  if (d <= 0.5 / n) return cdf ? 0 : 1;
  if (d >= 1) return cdf ? 1 : 0;
  return kolmogn(n, d, cdf);
}

/**
 * scipy.stats.kstwo.sf(d, n): Pr(Dₙ > d) for the two-sided one-sample Kolmogorov–Smirnov
 * statistic Dₙ = supₓ |Fₙ(x) − F(x)| of n observations. NaN unless n is a positive integer.
 */
export function kstwoSf(n: number, d: number): number {
  return kstwo(n, d, false);
}

/** scipy.stats.kstwo.cdf(d, n): Pr(Dₙ ≤ d). */
export function kstwoCdf(n: number, d: number): number {
  return kstwo(n, d, true);
}

// ---------------------------------------------------------------------------------------------
// scipy.stats.ks_2samp(a, b, alternative='two-sided', method='asymp')
// ---------------------------------------------------------------------------------------------

export interface KsTwoSampleResult {
  /** D = max over the pooled values of |F_a(x) − F_b(x)|. */
  statistic: number;
  /** kstwo.sf(D, round(mn / (m + n))); NaN when both samples have one value (SciPy's n = 0). */
  pValue: number;
}

/** np.round: round half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function sortedCopy(values: Float64Array): Float64Array {
  return sortFloat64(Float64Array.from(values));
}

/**
 * The largest |F_a − F_b| over the pooled values, each empirical CDF being
 * (number of values ≤ x) / size, evaluated with numpy's arithmetic: count / n, then difference.
 */
function maxCdfDistance(a: Float64Array, b: Float64Array): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxS = 0;
  let minS = 0;
  while (i < n1 || j < n2) {
    const x = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    while (i < n1 && a[i] === x) i++;
    while (j < n2 && b[j] === x) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
  }
  return -minS > maxS ? -minS : maxS;
}

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, asymptotic p-value: exactly
 * scipy.stats.ks_2samp(a, b, alternative='two-sided', method='asymp') of SciPy 1.10.
 * The samples must not contain NaN; an empty sample throws.
 */
export function ksTwoSample(a: Float64Array, b: Float64Array): KsTwoSampleResult {
  const n1 = a.length;
  const n2 = b.length;
  if (Math.min(n1, n2) === 0) throw new Error('Data passed to ks_2samp must not be empty');
  const statistic = maxCdfDistance(sortedCopy(a), sortedCopy(b));
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  const pValue = clipProbability(kstwoSf(roundHalfEven(en), statistic));
  return { statistic, pValue };
}

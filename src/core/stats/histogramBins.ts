/**
 * Histogram bin edges: how many bins (Freedman–Diaconis, Sturges when the IQR is 0, clamped to
 * [10, 60]) and "nice" edges — multiples of 1, 2, 2.5 or 5 × 10^k for numbers, of calendar-ish
 * units (seconds … days, then nice numbers of days) for datetimes in ms since the epoch (UTC).
 * Edges are computed as integer multiples of the step so that e.g. 0.1-steps print as 0.3, not
 * 0.30000000000000004.
 */

export const MIN_BINS = 10;
export const MAX_BINS = 60;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY,
];

/** Bin count from the sample size, its range and IQR (Freedman–Diaconis, else Sturges), clamped. */
export function binCount(n: number, range: number, iqr: number): number {
  let k: number;
  if (iqr > 0 && range > 0) {
    const h = (2 * iqr) / Math.cbrt(n);
    k = Math.ceil(range / h);
  } else {
    k = Math.ceil(Math.log2(Math.max(n, 1))) + 1;
  }
  return Math.min(MAX_BINS, Math.max(MIN_BINS, k));
}

/** A step as mantissa × 10^exponent (mantissa an integer). */
interface Step {
  mantissa: number;
  exponent: number;
}

function stepValue(s: Step): number {
  return s.exponent >= 0 ? s.mantissa * Math.pow(10, s.exponent) : s.mantissa / Math.pow(10, -s.exponent);
}

/** k-th multiple of the step, correctly rounded from the exact decimal when the exponent is negative. */
function multiple(k: number, s: Step): number {
  return s.exponent >= 0 ? k * s.mantissa * Math.pow(10, s.exponent) : (k * s.mantissa) / Math.pow(10, -s.exponent);
}

/** Nice steps {1, 2, 2.5, 5} × 10^k within a factor of ~10 of `raw`. */
function decimalSteps(raw: number): Step[] {
  const e0 = Math.floor(Math.log10(raw));
  const out: Step[] = [];
  for (let e = e0 - 1; e <= e0 + 1; e++) {
    out.push({ mantissa: 1, exponent: e }, { mantissa: 2, exponent: e }, { mantissa: 25, exponent: e - 1 }, { mantissa: 5, exponent: e });
  }
  return out;
}

function candidateSteps(raw: number, kind: EdgeKind): Step[] {
  if (kind === 'datetime' && raw >= SECOND / 2) {
    const days = decimalSteps(raw / DAY)
      .map((d) => stepValue(d) * DAY)
      .filter((ms) => ms >= DAY && Number.isInteger(ms));
    return [...TIME_STEPS, ...days].map((ms) => ({ mantissa: ms, exponent: 0 }));
  }
  const steps = decimalSteps(raw);
  return kind === 'integer' ? steps.filter((s) => Number.isInteger(stepValue(s)) && stepValue(s) >= 1) : steps;
}

function span(min: number, max: number, step: Step): { lo: number; hi: number } {
  const width = stepValue(step);
  let lo = Math.floor(min / width);
  while (multiple(lo, step) > min) lo--;
  while (multiple(lo + 1, step) <= min) lo++;
  let hi = Math.ceil(max / width);
  while (multiple(hi, step) < max) hi++;
  while (hi - 1 > lo && multiple(hi - 1, step) >= max) hi--;
  if (hi <= lo) hi = lo + 1;
  return { lo, hi };
}

/**
 * - 'number': nice decimal steps;
 * - 'integer' (every value an integer): one bin per integer, [v − ½, v + ½), when at most
 *   MAX_BINS integers are spanned, else nice integer steps;
 * - 'datetime': ms since the epoch, steps of whole time units.
 */
export type EdgeKind = 'number' | 'integer' | 'datetime';

/**
 * Edges (ascending, length = bins + 1) covering [min, max] (min < max) with a nice step whose
 * bin count is closest to `target` (preferring counts within [MIN_BINS, MAX_BINS]).
 */
export function niceEdges(min: number, max: number, target: number, kind: EdgeKind = 'number'): number[] {
  if (kind === 'integer' && max - min + 1 <= MAX_BINS) {
    const edges: number[] = [];
    for (let v = min; v <= max + 1; v++) edges.push(v - 0.5);
    return edges;
  }
  const raw = (max - min) / target;
  let best: { step: Step; lo: number; hi: number; score: number } | null = null;
  for (const step of candidateSteps(raw, kind)) {
    const { lo, hi } = span(min, max, step);
    const count = hi - lo;
    const outside = count < Math.min(MIN_BINS, target) || count > Math.max(MAX_BINS, target) ? 1 : 0;
    const score = outside * 100 + Math.abs(Math.log(count / target));
    if (!best || score < best.score) best = { step, lo, hi, score };
  }
  const { step, lo, hi } = best!;
  const edges: number[] = [];
  for (let k = lo; k <= hi; k++) edges.push(multiple(k, step));
  return edges;
}

/** Index of the bin [e_i, e_{i+1}) holding x (the last bin is closed); x within [e_0, e_last]. */
export function binIndex(edges: readonly number[], x: number, width: number): number {
  const last = edges.length - 2;
  let i = Math.floor((x - edges[0]) / width);
  if (i < 0) i = 0;
  else if (i > last) i = last;
  while (i > 0 && x < edges[i]) i--;
  while (i < last && x >= edges[i + 1]) i++;
  return i;
}

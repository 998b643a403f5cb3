/**
 * 95 % percentile bootstrap confidence intervals: `resamples` resamples of the rows with
 * replacement (drawn with a seeded generator), the statistic computed on each through
 * whole-number row weights, and the 2.5th and 97.5th percentiles (numpy-linear) of the defined
 * values. A metric undefined in every resample gets null.
 *
 * `bootstrapCi` runs to completion (CLI, tests); `bootstrapCiAsync` gives the event loop a turn
 * every few resamples and stops when its signal is aborted (the worker), with identical results.
 */
import { CancelledError } from '../errors/errors';
import { seededRandom } from '../random/seededRandom';
import { quantileSorted } from '../stats/quantile';

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
  level?: number;
}

type Intervals<K extends string> = Record<K, [number, number] | null>;

/** Resamples between two pauses of the async variant. */
const RESAMPLES_PER_TURN = 25;

export function bootstrapCi<K extends string>(
  n: number,
  names: readonly K[],
  statistic: (weights: Uint32Array) => Record<K, number | null>,
  options: BootstrapOptions = {},
): Intervals<K> {
  const run = resampling(n, names, statistic, options);
  let step = run.next();
  while (!step.done) step = run.next();
  return step.value;
}

export async function bootstrapCiAsync<K extends string>(
  n: number,
  names: readonly K[],
  statistic: (weights: Uint32Array) => Record<K, number | null>,
  options: BootstrapOptions & { pause: () => Promise<void>; signal?: AbortSignal },
): Promise<Intervals<K>> {
  const run = resampling(n, names, statistic, options);
  let step = run.next();
  while (!step.done) {
    await options.pause();
    if (options.signal?.aborted) throw new CancelledError();
    step = run.next();
  }
  return step.value;
}

/** The resampling itself, yielding the number of resamples done every few resamples (for progress). */
export function* resampling<K extends string>(
  n: number,
  names: readonly K[],
  statistic: (weights: Uint32Array) => Record<K, number | null>,
  options: BootstrapOptions,
): Generator<number, Intervals<K>> {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const rng = seededRandom(options.seed ?? 0);
  const weights = new Uint32Array(n);
  const samples = names.map(() => [] as number[]);
  for (let b = 0; b < resamples; b++) {
    if (b > 0 && b % RESAMPLES_PER_TURN === 0) yield b;
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.int(n)]++;
    const value = statistic(weights);
    names.forEach((name, k) => {
      const v = value[name];
      if (v !== null && Number.isFinite(v)) samples[k].push(v);
    });
  }
  const alpha = (1 - level) / 2;
  const out = {} as Intervals<K>;
  names.forEach((name, k) => {
    const sorted = Float64Array.from(samples[k]).sort();
    out[name] = sorted.length === 0 ? null : [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)];
  });
  return out;
}

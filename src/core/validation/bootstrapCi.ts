/**
 * 95 % percentile bootstrap confidence intervals: `resamples` resamples of the rows with
 * replacement (drawn with a seeded generator), the statistic computed on each through
 * whole-number row weights, and the 2.5th and 97.5th percentiles (numpy-linear) of the defined
 * values. A metric undefined in every resample gets null.
 */
import { seededRandom } from '../random/seededRandom';
import { quantileSorted } from '../stats/quantile';

export function bootstrapCi<K extends string>(
  n: number,
  names: readonly K[],
  statistic: (weights: Uint32Array) => Record<K, number | null>,
  options: { resamples?: number; seed?: number; level?: number } = {},
): Record<K, [number, number] | null> {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const rng = seededRandom(options.seed ?? 0);
  const weights = new Uint32Array(n);
  const samples = names.map(() => [] as number[]);
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[rng.int(n)]++;
    const value = statistic(weights);
    names.forEach((name, k) => {
      const v = value[name];
      if (v !== null && Number.isFinite(v)) samples[k].push(v);
    });
  }
  const alpha = (1 - level) / 2;
  const out = {} as Record<K, [number, number] | null>;
  names.forEach((name, k) => {
    const sorted = Float64Array.from(samples[k]).sort();
    out[name] = sorted.length === 0 ? null : [quantileSorted(sorted, alpha), quantileSorted(sorted, 1 - alpha)];
  });
  return out;
}

/**
 * Champion vs challenger on the same rows ("Introducing MLOps", chapter 7): both models' scores on
 * the same evaluation rows, and for each metric the difference challenger − champion with a 95%
 * paired bootstrap interval — every resample draws the same rows for both models (1,000
 * resamples, seeded), so the interval reflects the models' difference, not the sampling of two
 * separate test sets. `pBetter` is the share of resamples in which the challenger is better.
 * The challenger "really beats" the champion on a metric when the whole interval is on its side.
 */
import { binaryMetrics, scoreOrder } from '../validation/binaryMetrics';
import { bootstrapCi } from '../validation/bootstrapCi';
import { regressionMetrics } from '../validation/regressionMetrics';

export interface MetricDifference {
  metric: string;
  champion: number | null;
  challenger: number | null;
  difference: number | null;
  ci: [number, number] | null;
  /** Whether a larger value is better (AUC) or a smaller one (log loss, RMSE). */
  higherIsBetter: boolean;
  /** Share of resamples where the challenger is better. */
  pBetter: number | null;
  verdict: 'challenger better' | 'champion better' | 'no clear difference' | 'undefined';
}

export type PairedTarget = { task: 'classification'; label: Uint8Array; threshold: number } | { task: 'regression'; value: Float64Array };

const CLASSIFICATION = [
  ['auc', true],
  ['accuracy', true],
  ['logLoss', false],
  ['brier', false],
  ['f1', true],
] as const;
const REGRESSION = [
  ['rmse', false],
  ['mae', false],
  ['r2', true],
] as const;

export function pairedComparison(target: PairedTarget, champion: Float64Array, challenger: Float64Array, options: { resamples?: number; seed?: number } = {}): MetricDifference[] {
  const n = champion.length;
  if (challenger.length !== n) throw new RangeError('both models must score the same rows');
  const names = target.task === 'classification' ? CLASSIFICATION : REGRESSION;
  const orderA = target.task === 'classification' ? scoreOrder(champion) : null;
  const orderB = target.task === 'classification' ? scoreOrder(challenger) : null;
  const metricsOf = (scores: Float64Array, order: Uint32Array | null, weights?: Uint32Array): Record<string, number | null> =>
    target.task === 'classification'
      ? (binaryMetrics(target.label, scores, target.threshold, order!, weights) as unknown as Record<string, number | null>)
      : (regressionMetrics(target.value, scores, weights) as unknown as Record<string, number | null>);
  const a = metricsOf(champion, orderA);
  const b = metricsOf(challenger, orderB);
  const keys = names.map(([k]) => k);
  const better = new Map<string, number>(keys.map((k) => [k, 0]));
  const counted = new Map<string, number>(keys.map((k) => [k, 0]));
  const ci = bootstrapCi(
    n,
    keys,
    (weights) => {
      const ra = metricsOf(champion, orderA, weights);
      const rb = metricsOf(challenger, orderB, weights);
      const out: Record<string, number | null> = {};
      for (const [k, higher] of names) {
        const va = ra[k];
        const vb = rb[k];
        if (va === null || vb === null || !Number.isFinite(va) || !Number.isFinite(vb)) {
          out[k] = null;
          continue;
        }
        out[k] = vb - va;
        counted.set(k, counted.get(k)! + 1);
        if (higher ? vb > va : vb < va) better.set(k, better.get(k)! + 1);
      }
      return out;
    },
    { resamples: options.resamples ?? 1000, seed: options.seed ?? 42 },
  );
  return names.map(([metric, higherIsBetter]) => {
    const va = a[metric];
    const vb = b[metric];
    const interval = ci[metric];
    const difference = va === null || vb === null ? null : vb - va;
    let verdict: MetricDifference['verdict'] = 'undefined';
    if (interval) {
      const challengerSide = higherIsBetter ? interval[0] > 0 : interval[1] < 0;
      const championSide = higherIsBetter ? interval[1] < 0 : interval[0] > 0;
      verdict = challengerSide ? 'challenger better' : championSide ? 'champion better' : 'no clear difference';
    }
    const c = counted.get(metric)!;
    return { metric, champion: va, challenger: vb, difference, ci: interval, higherIsBetter, pBetter: c ? better.get(metric)! / c : null, verdict };
  });
}

/**
 * Paired comparison: a model against itself differs by exactly 0 in every resample; a challenger
 * whose scores follow the labels much better wins with the whole interval above 0 (AUC) or below
 * 0 (log loss); the point differences are the metrics' differences; reproducible from the seed.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom';
import { binaryMetrics, scoreOrder } from '../validation/binaryMetrics';
import { regressionMetrics } from '../validation/regressionMetrics';
import { pairedComparison } from './pairedComparison';

const rng = seededRandom(5);
const n = 400;
const label = Uint8Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
const weak = Float64Array.from(label, (y) => Math.min(0.99, Math.max(0.01, 0.4 + 0.1 * y + 0.35 * (rng.next() - 0.5))));
const strong = Float64Array.from(label, (y) => Math.min(0.99, Math.max(0.01, 0.2 + 0.6 * y + 0.3 * (rng.next() - 0.5))));

describe('paired comparison', () => {
  it('a model against itself: zero difference in every resample', () => {
    const same = pairedComparison({ task: 'classification', label, threshold: 0.5 }, weak, weak, { resamples: 200 });
    for (const m of same) {
      expect(m.difference).toBe(0);
      expect(m.ci).toEqual([0, 0]);
      expect(m.pBetter).toBe(0);
      expect(m.verdict).toBe('no clear difference');
    }
  });

  it('a much better challenger wins on AUC and log loss; point differences are the metrics’ differences', () => {
    const result = pairedComparison({ task: 'classification', label, threshold: 0.5 }, weak, strong, { resamples: 300, seed: 1 });
    const auc = result.find((m) => m.metric === 'auc')!;
    const a = binaryMetrics(label, weak, 0.5, scoreOrder(weak));
    const b = binaryMetrics(label, strong, 0.5, scoreOrder(strong));
    expect(auc.champion).toBe(a.auc);
    expect(auc.challenger).toBe(b.auc);
    expect(auc.difference).toBe(b.auc! - a.auc!);
    expect(auc.ci![0]).toBeGreaterThan(0);
    expect(auc.verdict).toBe('challenger better');
    expect(auc.pBetter).toBe(1);
    const logLoss = result.find((m) => m.metric === 'logLoss')!;
    expect(logLoss.higherIsBetter).toBe(false);
    expect(logLoss.ci![1]).toBeLessThan(0);
    expect(logLoss.verdict).toBe('challenger better');
    // swapped roles: the champion is better
    expect(pairedComparison({ task: 'classification', label, threshold: 0.5 }, strong, weak, { resamples: 300, seed: 1 }).find((m) => m.metric === 'auc')!.verdict).toBe('champion better');
    expect(pairedComparison({ task: 'classification', label, threshold: 0.5 }, weak, strong, { resamples: 300, seed: 1 })).toEqual(result);
  });

  it('regression: RMSE, MAE and R² differences', () => {
    const y = Float64Array.from({ length: 200 }, (_, i) => i / 10);
    const close = Float64Array.from(y, (v) => v + 0.1 * (rng.next() - 0.5));
    const far = Float64Array.from(y, (v) => v + 3 * (rng.next() - 0.5));
    const result = pairedComparison({ task: 'regression', value: y }, far, close, { resamples: 200 });
    const rmse = result.find((m) => m.metric === 'rmse')!;
    expect(rmse.difference).toBeCloseTo(regressionMetrics(y, close).rmse - regressionMetrics(y, far).rmse, 12);
    expect(rmse.verdict).toBe('challenger better');
    expect(result.find((m) => m.metric === 'r2')!.verdict).toBe('challenger better');
  });
});

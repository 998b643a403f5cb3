/**
 * Regression metrics as scikit-learn defines them: root of mean_squared_error,
 * mean_absolute_error and r2_score (with its force_finite default: 1 when the target is constant
 * and predicted exactly, else 0). Optional whole-number `weights` serve the bootstrap.
 */
export interface RegressionMetrics {
  rmse: number;
  mae: number;
  r2: number;
  n: number;
}

export const REGRESSION_METRIC_NAMES = ['rmse', 'mae', 'r2'] as const;

export function regressionMetrics(y: Float64Array, prediction: Float64Array, weights?: Uint32Array): RegressionMetrics {
  const n = y.length;
  let total = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    sumY += w * y[i];
  }
  const meanY = sumY / total;
  let se = 0;
  let ae = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const d = y[i] - prediction[i];
    se += w * d * d;
    ae += w * Math.abs(d);
    const t = y[i] - meanY;
    ssTot += w * t * t;
  }
  const r2 = ssTot === 0 ? (se === 0 ? 1 : 0) : 1 - se / ssTot;
  return { rmse: Math.sqrt(se / total), mae: ae / total, r2, n: total };
}

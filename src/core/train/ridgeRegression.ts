/**
 * Ridge regression, the `linear` model of `glassbox train`: it minimizes the weighted MEAN
 * squared error plus ½·l2·‖w‖² (intercept not penalised),
 *
 *   (1/(2Σw)) Σ wᵢ·(yᵢ − b − xᵢ·w)² + ½·l2·‖w‖²,
 *
 * in closed form (Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §3.4.1):
 * centre X and y by their weighted means x̄, ȳ, solve (X̄ᵀWX̄/Σw + l2·I)·w = X̄ᵀW·ȳc/Σw by
 * Cholesky, then b = ȳ − x̄·w. Multiplying the objective by 2Σw shows that this is
 * scikit-learn's Ridge(alpha = l2·Σw, fit_intercept=True) — alpha = l2·n for unit weights.
 *
 * l2 = 0 is ordinary least squares; collinear features then have no unique solution and are
 * refused (InputError) rather than given arbitrary coefficients.
 */
import { InputError } from '../errors/errors';
import { choleskyFactor, choleskySolve } from './cholesky';
import { type LinearModel, linearPredictor } from './linearModel';
import { checkColumns, checkL2, checkWeights } from './trainingInput';

export interface RidgeOptions {
  /** Penalty ½·l2·‖w‖² on the mean squared error / 2 (default 1, the contract's default). */
  l2?: number;
  /** Row weights ≥ 0 (whole numbers act as repeated rows). */
  weights?: Float64Array;
}

const WHAT = 'ridge regression';

/** columns: F feature columns, each of length n, no missing values; y: n finite targets. */
export function fitRidge(columns: readonly Float64Array[], y: Float64Array, options: RidgeOptions = {}): LinearModel {
  const n = y.length;
  checkColumns(WHAT, columns, n);
  const l2 = checkL2(WHAT, options.l2 ?? 1);
  const weights = options.weights;
  const total = checkWeights(WHAT, weights, n);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new InputError(`${WHAT}: the target of row ${i} is missing or not finite`);
  }
  const features = columns.length;
  const weightedMean = (x: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (weights ? weights[i] : 1) * x[i];
    return sum / total;
  };
  const yMean = weightedMean(y);
  const xMeans = columns.map(weightedMean);

  // Centred columns scaled by √(wᵢ/Σw): then the Gram matrix is X̄ᵀWX̄/Σw.
  const scaled = columns.map((x, j) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.sqrt((weights ? weights[i] : 1) / total) * (x[i] - xMeans[j]);
    return out;
  });
  const yScaled = new Float64Array(n);
  for (let i = 0; i < n; i++) yScaled[i] = Math.sqrt((weights ? weights[i] : 1) / total) * (y[i] - yMean);

  const gram = new Float64Array(features * features);
  const rhs = new Float64Array(features);
  for (let j = 0; j < features; j++) {
    const xj = scaled[j];
    let r = 0;
    for (let i = 0; i < n; i++) r += xj[i] * yScaled[i];
    rhs[j] = r;
    for (let k = j; k < features; k++) {
      const xk = scaled[k];
      let g = 0;
      for (let i = 0; i < n; i++) g += xj[i] * xk[i];
      if (k === j) g += l2;
      gram[j * features + k] = g;
      gram[k * features + j] = g;
    }
  }
  const factor = choleskyFactor(gram, features);
  if (!factor) {
    throw new InputError(
      `${WHAT}: the features are collinear (or constant), so the coefficients are not determined; use l2 > 0 (got ${l2})`,
    );
  }
  const coefficients = choleskySolve(factor, features, rhs);
  let intercept = yMean;
  for (let j = 0; j < features; j++) intercept -= xMeans[j] * coefficients[j];
  return { intercept, coefficients };
}

/** b + xᵢ·w for every row. */
export function predictRidge(model: LinearModel, columns: readonly Float64Array[], rowCount?: number): Float64Array {
  return linearPredictor(model, columns, rowCount);
}

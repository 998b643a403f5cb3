/**
 * L2-penalised logistic regression, the `logistic` model of `glassbox train`: it minimizes the
 * weighted MEAN log loss plus ½·l2·‖w‖² (intercept not penalised),
 *
 *   (1/Σw) Σ wᵢ·logloss(yᵢ, σ(b + xᵢ·w)) + ½·l2·‖w‖²,
 *
 * by Newton's method (`crossEntropyNewton.ts`). This is scikit-learn's
 * LogisticRegression(penalty='l2', C = 1/(Σw·l2), fit_intercept=True), whose objective is
 * C·Σ wᵢ·logloss + ½‖w‖² (the same up to the factor C·Σw); l2 = 0 is the unpenalised fit, which
 * has no solution for separable classes (then `converged` is false).
 */
import { InputError } from '../errors/errors';
import { minimizeCrossEntropy } from './crossEntropyNewton';
import { type LinearModel, linearPredictor } from './linearModel';
import { checkColumns, checkL2, checkWeights } from './trainingInput';

export interface LogisticOptions {
  /** Penalty ½·l2·‖w‖² on the mean loss (default 1, the contract's default). */
  l2?: number;
  /** Row weights ≥ 0 (whole numbers act as repeated rows). */
  weights?: Float64Array;
  /** Newton iterations (default 100; a regular problem needs fewer than 15). */
  maxIterations?: number;
  /**
   * Convergence threshold on max|∇objective| (default 1e-10), the derivative in wⱼ taken per
   * unit of max(1, maxᵢ|xᵢⱼ|) (see crossEntropyNewton.ts).
   */
  tolerance?: number;
}

export interface LogisticFit extends LinearModel {
  iterations: number;
  converged: boolean;
}

const WHAT = 'logistic regression';

/** columns: F feature columns, each of length n, no missing values; y: 1 = positive, 0 = negative. */
export function fitLogistic(columns: readonly Float64Array[], y: Uint8Array, options: LogisticOptions = {}): LogisticFit {
  const n = y.length;
  checkColumns(WHAT, columns, n);
  const l2 = checkL2(WHAT, options.l2 ?? 1);
  const total = checkWeights(WHAT, options.weights, n);
  let positive = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new InputError(`${WHAT}: the target of row ${i} is ${y[i]}, expected 0 or 1`);
    if (y[i] === 1) positive += options.weights ? options.weights[i] : 1;
  }
  if (positive === 0 || positive === total) {
    throw new InputError(`${WHAT}: the target has only one class (${positive === 0 ? 'no positive' : 'no negative'} rows)`);
  }
  const solution = minimizeCrossEntropy({
    columns,
    targets: y,
    weights: options.weights,
    l2,
    maxIterations: options.maxIterations ?? 100,
    tolerance: options.tolerance ?? 1e-10,
  });
  return {
    intercept: solution.beta[0],
    coefficients: solution.beta.slice(1),
    iterations: solution.iterations,
    converged: solution.converged,
  };
}

/** P(positive) = σ(b + xᵢ·w) for every row. */
export function predictLogistic(model: LinearModel, columns: readonly Float64Array[], rowCount?: number): Float64Array {
  const z = linearPredictor(model, columns, rowCount);
  for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]);
  return z;
}

/** σ(z) = 1/(1 + e⁻ᶻ), computed without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Newton's method (iteratively reweighted least squares; Hastie, Tibshirani & Friedman, The
 * Elements of Statistical Learning, §4.4.1) for the L2-penalised, weighted MEAN binary
 * cross-entropy
 *
 *   f(b, w) = (1/Σv) Σ vᵢ·[softplus(zᵢ) − uᵢ·zᵢ] + ½·l2·‖w‖²,   zᵢ = b + xᵢ·w,
 *
 * where softplus(z) − u·z = −u·ln σ(z) − (1 − u)·ln(1 − σ(z)) is the log loss of P = σ(z)
 * against a target u ∈ [0, 1]: 0/1 labels for logistic regression, Platt's smoothed targets for
 * calibration. The intercept b is not penalised.
 *
 * Each iteration solves the (F+1)×(F+1) Newton system H·Δ = −∇f by Cholesky (adding μ·I when H
 * is singular, as Levenberg–Marquardt) and backtracks by step halving until Armijo's condition
 * holds. The objective *change* is computed row by row from σ(zᵢ) and the margin change with
 * log1p/expm1 (no difference of two rounded objectives), so the line search stays meaningful
 * down to gradients near machine precision.
 *
 * Converged ⇔ max|∇f| ≤ tolerance, the Newton step is negligible (≤ 1e-6·(1 + max|β|)) and H is
 * positive definite, with ∂f/∂wⱼ divided and wⱼ, Δwⱼ multiplied by sⱼ = max(1, maxᵢ|xᵢⱼ|): the
 * gradient's round-off grows with the feature's magnitude (a raw feature of size 1e7 cannot
 * reach 1e-10), and wⱼ·sⱼ is the size of the feature's contribution to the margin. That last full
 * step is then taken too: in Newton's quadratic region the error left is about the square of
 * the one it removes. Without a unique minimum — l2 = 0 with separable classes (the
 * coefficients grow without bound while the gradient vanishes, so the steps stay large) or with
 * collinear features (H singular) — it reports false.
 */
import { choleskyFactor, choleskySolve } from './cholesky';

export interface CrossEntropyProblem {
  /** F feature columns, each of length n, finite. */
  columns: readonly Float64Array[];
  /** Targets uᵢ ∈ [0, 1]. */
  targets: ArrayLike<number>;
  /** Row weights vᵢ ≥ 0 (default 1). */
  weights?: Float64Array;
  l2: number;
  maxIterations: number;
  /** On max|∇f| (the mean objective's gradient; ∂f/∂wⱼ divided by sⱼ = max(1, maxᵢ|xᵢⱼ|)). */
  tolerance: number;
}

export interface CrossEntropySolution {
  /** [b, w₁ … w_F] */
  beta: Float64Array;
  iterations: number;
  converged: boolean;
  /** max|∇f| (scaled as `tolerance`) at the last point tested (before a converged fit's final step). */
  gradientMaxNorm: number;
}

const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;
const STEP_TOLERANCE = 1e-6;
const MAX_DAMPINGS = 40;

export function minimizeCrossEntropy(problem: CrossEntropyProblem): CrossEntropySolution {
  const { columns, targets: u, weights: v, l2, maxIterations, tolerance } = problem;
  const n = u.length;
  const features = columns.length;
  const m = features + 1;

  let totalWeight = 0;
  let totalTarget = 0;
  for (let i = 0; i < n; i++) {
    const wi = v ? v[i] : 1;
    totalWeight += wi;
    totalTarget += wi * u[i];
  }
  const meanTarget = totalTarget / totalWeight;
  const beta = new Float64Array(m);
  // Start from the intercept-only model's optimum (exact when every coefficient is 0).
  if (meanTarget > 0 && meanTarget < 1) beta[0] = Math.log(meanTarget / (1 - meanTarget));

  const z = new Float64Array(n).fill(beta[0]);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  const residual = new Float64Array(n);
  const curvature = new Float64Array(n);
  const scratch = new Float64Array(n);
  const dz = new Float64Array(n);
  const gradientScale = Float64Array.from({ length: m }, (_, j) => (j === 0 ? 1 : Math.max(1, maxAbs(columns[j - 1]))));
  const gradient = new Float64Array(m);
  const hessian = new Float64Array(m * m);
  const damped = new Float64Array(m * m);

  let iterations = 0;
  let converged = false;
  let gradientMaxNorm = Infinity;
  for (;;) {
    // σ(z) and 1 − σ(z) without cancellation; p − u = (1 − u)·p − u·q; curvature p·q.
    for (let i = 0; i < n; i++) {
      const zi = z[i];
      const e = Math.exp(-Math.abs(zi));
      const big = 1 / (1 + e);
      const small = e / (1 + e);
      p[i] = zi >= 0 ? big : small;
      q[i] = zi >= 0 ? small : big;
      const wi = (v ? v[i] : 1) / totalWeight;
      residual[i] = wi * ((1 - u[i]) * p[i] - u[i] * q[i]);
      curvature[i] = wi * p[i] * q[i];
    }
    fillGradientHessian(columns, beta, l2, residual, curvature, scratch, gradient, hessian);
    gradientMaxNorm = 0;
    for (let j = 0; j < m; j++) gradientMaxNorm = Math.max(gradientMaxNorm, Math.abs(gradient[j]) / gradientScale[j]);

    const factor = choleskyFactor(hessian, m);
    const step = factor ? choleskySolve(factor, m, gradient) : dampedSolve(hessian, damped, m, gradient);
    if (!step) break;
    let stepMax = 0;
    let betaMax = 0;
    for (let j = 0; j < m; j++) {
      step[j] = -step[j];
      stepMax = Math.max(stepMax, Math.abs(step[j]) * gradientScale[j]);
      betaMax = Math.max(betaMax, Math.abs(beta[j]) * gradientScale[j]);
    }
    if (gradientMaxNorm <= tolerance && stepMax <= STEP_TOLERANCE * (1 + betaMax)) {
      // A singular Hessian here means a flat valley of minima (collinear features, l2 = 0).
      converged = factor !== null;
      // Deep in Newton's quadratic region: the last full step costs nothing and squares the error.
      if (converged) for (let j = 0; j < m; j++) beta[j] += step[j];
      break;
    }
    if (iterations >= maxIterations) break;

    // Backtracking line search on the exact objective change.
    let slope = 0;
    for (let j = 0; j < m; j++) slope += gradient[j] * step[j];
    if (!(slope < 0)) break;
    dz.fill(step[0]);
    for (let j = 0; j < features; j++) {
      const x = columns[j];
      const d = step[j + 1];
      for (let i = 0; i < n; i++) dz[i] += d * x[i];
    }
    let penaltyCross = 0;
    let penaltyStep = 0;
    for (let j = 1; j < m; j++) {
      penaltyCross += beta[j] * step[j];
      penaltyStep += step[j] * step[j];
    }
    let t = 1;
    let accepted = false;
    for (let h = 0; h <= MAX_HALVINGS; h++, t /= 2) {
      let change = 0;
      for (let i = 0; i < n; i++) {
        const wi = v ? v[i] : 1;
        if (wi !== 0) change += wi * lossChange(z[i], t * dz[i], u[i], p[i], q[i]);
      }
      change = change / totalWeight + l2 * (t * penaltyCross + 0.5 * t * t * penaltyStep);
      if (change <= ARMIJO * t * slope) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    for (let j = 0; j < m; j++) beta[j] += t * step[j];
    for (let i = 0; i < n; i++) z[i] += t * dz[i];
    iterations++;
  }
  return { beta, iterations, converged, gradientMaxNorm };
}

/** ∇f and the Hessian (upper triangle mirrored) at the current point. */
function fillGradientHessian(
  columns: readonly Float64Array[],
  beta: Float64Array,
  l2: number,
  residual: Float64Array,
  curvature: Float64Array,
  scratch: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const n = residual.length;
  const m = columns.length + 1;
  const column = (j: number) => (j === 0 ? null : columns[j - 1]);
  for (let j = 0; j < m; j++) {
    const xj = column(j);
    let g = 0;
    if (xj) {
      for (let i = 0; i < n; i++) {
        g += residual[i] * xj[i];
        scratch[i] = curvature[i] * xj[i];
      }
      g += l2 * beta[j];
    } else {
      for (let i = 0; i < n; i++) {
        g += residual[i];
        scratch[i] = curvature[i];
      }
    }
    gradient[j] = g;
    for (let k = j; k < m; k++) {
      const xk = column(k);
      let h = 0;
      if (xk) for (let i = 0; i < n; i++) h += scratch[i] * xk[i];
      else for (let i = 0; i < n; i++) h += scratch[i];
      if (k === j && k > 0) h += l2;
      hessian[j * m + k] = h;
      hessian[k * m + j] = h;
    }
  }
}

function maxAbs(x: Float64Array): number {
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]));
  return max;
}

/** Solve (H + μ·I)·x = g with the smallest μ = 10ᵏ·1e-12·max(1, max Hⱼⱼ) that factorizes. */
function dampedSolve(hessian: Float64Array, damped: Float64Array, m: number, gradient: Float64Array): Float64Array | null {
  let scale = 1;
  for (let j = 0; j < m; j++) scale = Math.max(scale, hessian[j * m + j]);
  let mu = 1e-12 * scale;
  for (let attempt = 0; attempt < MAX_DAMPINGS; attempt++, mu *= 10) {
    damped.set(hessian);
    for (let j = 0; j < m; j++) damped[j * m + j] += mu;
    const factor = choleskyFactor(damped, m);
    if (factor) return choleskySolve(factor, m, gradient);
  }
  return null;
}

/**
 * ℓ(z + d) − ℓ(z) for ℓ(z) = softplus(z) − u·z, given p = σ(z) and q = 1 − σ(z):
 * softplus(z + d) − softplus(z) = ln(1 + p·(eᵈ − 1)) = d + ln(1 + q·(e⁻ᵈ − 1)).
 */
function lossChange(z: number, d: number, u: number, p: number, q: number): number {
  if (d >= 0) {
    if (d < 700) return Math.log1p(p * Math.expm1(d)) - u * d;
  } else if (d > -700) {
    return Math.log1p(q * Math.expm1(-d)) + (1 - u) * d;
  }
  return softplus(z + d) - softplus(z) - u * d;
}

function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Cholesky factorization A = L·Lᵀ of a symmetric positive-definite matrix and the solve of
 * A·x = b with it (forward then back substitution) — Golub & Van Loan, Matrix Computations,
 * algorithm 4.2.1 (the "gaxpy" Cholesky). Matrices are dense, row-major, n × n.
 *
 * A pivot that is not positive, or that is tiny next to its diagonal entry (dₖ ≤ ρ·Aₖₖ: column k
 * is, to ρ, a combination of the previous columns — a scale-free collinearity test), means
 * "not positive definite": the factorization returns null and the caller decides (damp, refuse).
 */

/** Default ρ: about 100 machine epsilons (the matrix's condition number would exceed ~1e14). */
export const DEFAULT_RELATIVE_PIVOT = 1e-14;

/** The lower-triangular factor L (row-major, upper part zero), or null when A is not positive definite. */
export function choleskyFactor(a: Float64Array, n: number, relativePivot = DEFAULT_RELATIVE_PIVOT): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j];
    for (let k = 0; k < j; k++) d -= l[rowJ + k] * l[rowJ + k];
    if (!(d > relativePivot * a[rowJ + j]) || !(d > 0)) return null;
    const pivot = Math.sqrt(d);
    l[rowJ + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let sum = a[rowI + j];
      for (let k = 0; k < j; k++) sum -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = sum / pivot;
    }
  }
  return l;
}

/** x with L·Lᵀ·x = b, for L from `choleskyFactor`. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = x[i];
    for (let k = 0; k < i; k++) sum -= l[row + k] * x[k];
    x[i] = sum / l[row + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i] * x[k];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

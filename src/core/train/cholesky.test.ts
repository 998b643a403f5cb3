import { describe, expect, it } from 'vitest';
import { choleskyFactor, choleskySolve } from './cholesky';

describe('cholesky', () => {
  it('factors and solves a positive-definite system', () => {
    // A = L·Lᵀ with L = [[2,0,0],[1,3,0],[-1,0.5,1]]
    const a = Float64Array.from([4, 2, -2, 2, 10, 0.5, -2, 0.5, 2.25]);
    const l = choleskyFactor(a, 3)!;
    expect(Array.from(l)).toEqual([2, 0, 0, 1, 3, 0, -1, 0.5, 1]);
    const x = Float64Array.from([1, -2, 0.5]);
    const b = [0, 1, 2].map((i) => a[3 * i] * x[0] + a[3 * i + 1] * x[1] + a[3 * i + 2] * x[2]);
    Array.from(choleskySolve(l, 3, b)).forEach((v, i) => expect(v).toBeCloseTo(x[i], 14));
  });

  it('refuses singular, indefinite and numerically collinear matrices', () => {
    expect(choleskyFactor(Float64Array.from([1, 1, 1, 1]), 2)).toBeNull();
    expect(choleskyFactor(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
    expect(choleskyFactor(Float64Array.from([0]), 1)).toBeNull();
    // Gram matrix of the columns (1, 1) and (1, 1 + e): second pivot e²/2 next to a diagonal of ~2
    const gram = (e: number) => Float64Array.from([2, 2 + e, 2 + e, 2 + 2 * e + e * e]);
    expect(choleskyFactor(gram(1e-8), 2)).toBeNull();
    expect(choleskyFactor(gram(1e-5), 2)).not.toBeNull();
  });

  it('handles the empty system', () => {
    expect(choleskySolve(choleskyFactor(new Float64Array(0), 0)!, 0, []).length).toBe(0);
  });
});

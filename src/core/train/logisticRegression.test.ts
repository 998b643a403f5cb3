/** Logistic regression against scikit-learn (fixtures/linear.json, make_linear_fixtures.py). */
import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from './logisticRegression';
import {
  dataset,
  datasets,
  expectClose,
  logisticGradient,
  maxAbs,
  repeatRows,
} from './testing/linearFixtures';

describe('fitLogistic vs scikit-learn', () => {
  for (const d of datasets) {
    for (const ref of d.logistic) {
      describe(`${d.name}, l2 = ${ref.l2}`, () => {
        const fit = fitLogistic(d.columns, d.y, { l2: ref.l2, weights: d.weights });

        it('converges in a few Newton steps', () => {
          expect(fit.converged).toBe(true);
          expect(fit.iterations).toBeLessThan(20);
        });

        it('matches newton-cholesky (the optimum) to 1e-9', () => {
          const exact = ref.newtonCholesky;
          expectClose([fit.intercept, ...fit.coefficients], [exact.intercept, ...exact.coefficients], 1e-9);
          expectClose(predictLogistic(fit, d.columns), exact.probabilities, 1e-10);
        });

        it('is within lbfgs’s own error of lbfgs, with a smaller gradient', () => {
          // lbfgs stops on scipy's ftol (see the fixture script): off by up to ~1e-3 here.
          const lbfgs = ref.lbfgs;
          expectClose([fit.intercept, ...fit.coefficients], [lbfgs.intercept, ...lbfgs.coefficients], 1e-3);
          const ours = maxAbs(logisticGradient(d.columns, d.y, d.weights, ref.l2, fit.intercept, fit.coefficients));
          expect(ours).toBeLessThan(lbfgs.gradientMaxNorm);
        });

        it('has a zero gradient at the solution (computed independently)', () => {
          const g = logisticGradient(d.columns, d.y, d.weights, ref.l2, fit.intercept, fit.coefficients);
          expect(maxAbs(g)).toBeLessThan(1e-10);
        });
      });
    }
  }
});

describe('fitLogistic', () => {
  it('treats whole-number weights as repeated rows', () => {
    const d = dataset('integer');
    const weights = d.weights!;
    const weighted = fitLogistic(d.columns, d.y, { l2: 0.01, weights });
    const repeated = fitLogistic(
      d.columns.map((c) => repeatRows(c, weights)),
      repeatRows(d.y, weights),
      { l2: 0.01 },
    );
    expectClose([weighted.intercept, ...weighted.coefficients], [repeated.intercept, ...repeated.coefficients], 1e-11);
  });

  it('is deterministic', () => {
    const d = dataset('imbalanced');
    const a = fitLogistic(d.columns, d.y, { l2: 0.01 });
    const b = fitLogistic(d.columns, d.y, { l2: 0.01 });
    expect(b).toEqual(a);
    expect(Array.from(b.coefficients)).toEqual(Array.from(a.coefficients));
  });

  it('reports no convergence for separable classes without a penalty', () => {
    const d = dataset('separable');
    const fit = fitLogistic(d.columns, d.y, { l2: 0 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(100);
    // the classes are separated and the coefficients grow along the separating direction
    const p = predictLogistic(fit, d.columns);
    d.y.forEach((y, i) => expect(y === 1 ? p[i] > 0.5 : p[i] < 0.5).toBe(true));
    expect(maxAbs(fit.coefficients)).toBeGreaterThan(100);
  });

  it('converges without a penalty when the classes overlap', () => {
    const d = dataset('weighted');
    const fit = fitLogistic(d.columns, d.y, { l2: 0, weights: d.weights });
    expect(fit.converged).toBe(true);
    expect(maxAbs(logisticGradient(d.columns, d.y, d.weights, 0, fit.intercept, fit.coefficients))).toBeLessThan(1e-10);
  });

  it('converges on raw features of large magnitude (the same fit as after rescaling)', () => {
    const d = dataset('imbalanced');
    const raw = d.columns.map((x, j) => (j === 2 ? Float64Array.from(x, (v) => v * 1e5 + 1e7) : x));
    const fit = fitLogistic(raw, d.y, { l2: 0 });
    const reference = fitLogistic(d.columns, d.y, { l2: 0 });
    expect(fit.converged && reference.converged).toBe(true);
    expectClose(predictLogistic(fit, raw), predictLogistic(reference, d.columns), 1e-9);
    expect(fit.coefficients[2] * 1e5).toBeCloseTo(reference.coefficients[2], 9);
  });

  it('reports no convergence for collinear features without a penalty, but still fits', () => {
    const d = dataset('weighted');
    const columns = [d.columns[0], Float64Array.from(d.columns[0], (v) => -2 * v), d.columns[1]];
    const fit = fitLogistic(columns, d.y, { l2: 0, weights: d.weights });
    expect(fit.converged).toBe(false);
    expect(maxAbs(logisticGradient(columns, d.y, d.weights, 0, fit.intercept, fit.coefficients))).toBeLessThan(1e-10);
  });

  it('fits the intercept alone without features', () => {
    const y = Uint8Array.from([1, 0, 0, 1, 0]);
    const fit = fitLogistic([], y);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(2 / 3), 14);
    expect(Array.from(predictLogistic(fit, [], 2))).toEqual([0.4, 0.4].map((v) => expect.closeTo(v, 14)));
  });

  it('refuses unusable input', () => {
    const x = [Float64Array.from([1, 2, 3])];
    expect(() => fitLogistic(x, Uint8Array.from([1, 1, 1]))).toThrow(/only one class/);
    expect(() => fitLogistic(x, Uint8Array.from([1, 0, 1]), { weights: Float64Array.from([1, 0, 1]) })).toThrow(/only one class/);
    expect(() => fitLogistic([Float64Array.from([1, NaN, 3])], Uint8Array.from([1, 0, 1]))).toThrow(/row 1/);
    expect(() => fitLogistic(x, Uint8Array.from([1, 0]))).toThrow(/expected 2/);
    expect(() => fitLogistic(x, Uint8Array.from([1, 0, 2]))).toThrow(/expected 0 or 1/);
    expect(() => fitLogistic(x, Uint8Array.from([1, 0, 1]), { l2: -1 })).toThrow(/l2/);
    expect(() => fitLogistic(x, Uint8Array.from([1, 0, 1]), { weights: Float64Array.from([1, -1, 1]) })).toThrow(/weight/);
  });
});

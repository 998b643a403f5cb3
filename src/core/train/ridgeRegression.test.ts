/** Ridge regression against scikit-learn's Ridge (fixtures/linear.json, make_linear_fixtures.py). */
import { describe, expect, it } from 'vitest';
import { fitRidge, predictRidge } from './ridgeRegression';
import { dataset, datasets, expectClose, maxAbs, repeatRows, ridgeGradient } from './testing/linearFixtures';

describe('fitRidge vs scikit-learn Ridge(alpha = l2·Σw)', () => {
  for (const d of datasets) {
    for (const ref of d.ridge) {
      it(`${d.name}, l2 = ${ref.l2}`, () => {
        const fit = fitRidge(d.columns, d.yreg, { l2: ref.l2, weights: d.weights });
        expectClose([fit.intercept, ...fit.coefficients], [ref.intercept, ...ref.coefficients], 1e-10);
        expectClose(predictRidge(fit, d.columns), ref.predictions, 1e-10);
        const g = ridgeGradient(d.columns, d.yreg, d.weights, ref.l2, fit.intercept, fit.coefficients);
        expect(maxAbs(g)).toBeLessThan(1e-10);
      });
    }
  }
});

describe('fitRidge', () => {
  it('treats whole-number weights as repeated rows', () => {
    const d = dataset('integer');
    const weights = d.weights!;
    const weighted = fitRidge(d.columns, d.yreg, { l2: 0.01, weights });
    const repeated = fitRidge(
      d.columns.map((c) => repeatRows(c, weights)),
      repeatRows(d.yreg, weights),
      { l2: 0.01 },
    );
    expectClose([weighted.intercept, ...weighted.coefficients], [repeated.intercept, ...repeated.coefficients], 1e-12);
  });

  it('is ordinary least squares with l2 = 0', () => {
    const d = dataset('imbalanced');
    const fit = fitRidge(d.columns, d.yreg, { l2: 0 });
    expect(maxAbs(ridgeGradient(d.columns, d.yreg, undefined, 0, fit.intercept, fit.coefficients))).toBeLessThan(1e-10);
    // an exact linear relation is recovered
    const x = [Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([0, 1, 0, 1, 1])];
    const y = Float64Array.from(x[0], (v, i) => 2 - 3 * v + 0.5 * x[1][i]);
    const exact = fitRidge(x, y, { l2: 0 });
    expectClose([exact.intercept, ...exact.coefficients], [2, -3, 0.5], 1e-13);
  });

  it('is deterministic', () => {
    const d = dataset('weighted');
    const a = fitRidge(d.columns, d.yreg, { weights: d.weights });
    const b = fitRidge(d.columns, d.yreg, { weights: d.weights });
    expect(b.intercept).toBe(a.intercept);
    expect(Array.from(b.coefficients)).toEqual(Array.from(a.coefficients));
  });

  it('gives a constant feature no weight when penalised and refuses collinear features without a penalty', () => {
    const x = [Float64Array.from([1, 2, 3, 4]), Float64Array.from([7, 7, 7, 7])];
    const y = Float64Array.from([1, 3, 2, 5]);
    expect(fitRidge(x, y, { l2: 0.1 }).coefficients[1]).toBe(0);
    expect(() => fitRidge(x, y, { l2: 0 })).toThrow(/collinear/);
    const twice = [x[0], Float64Array.from(x[0], (v) => 2 * v + 1)];
    expect(() => fitRidge(twice, y, { l2: 0 })).toThrow(/collinear/);
  });

  it('fits the (weighted) mean without features', () => {
    const y = Float64Array.from([1, 2, 6]);
    expect(fitRidge([], y).intercept).toBe(3);
    expect(fitRidge([], y, { weights: Float64Array.from([1, 1, 0]) }).intercept).toBe(1.5);
    expect(Array.from(predictRidge({ intercept: 3, coefficients: new Float64Array(0) }, [], 2))).toEqual([3, 3]);
  });
});

/** Platt and isotonic calibration against scikit-learn (fixtures/calibration.json). */
import { describe, expect, it } from 'vitest';
import { applyIsotonic, applyPlatt, fitIsotonic, fitPlatt, type PlattModel } from './calibration';
import { calibrationCases, expectClose, repeatRows } from './testing/linearFixtures';

/** sklearn's _sigmoid_calibration objective Σ wᵢ·logloss(Tᵢ, P(sᵢ)) and its gradient in (a, b). */
function plattObjective(model: PlattModel, scores: Float64Array, y: Uint8Array, weights?: Float64Array) {
  let prior0 = 0;
  let prior1 = 0;
  y.forEach((v, i) => (v > 0 ? (prior1 += weights ? weights[i] : 1) : (prior0 += weights ? weights[i] : 1)));
  let value = 0;
  let da = 0;
  let db = 0;
  scores.forEach((s, i) => {
    const w = weights ? weights[i] : 1;
    const t = y[i] > 0 ? (prior1 + 1) / (prior1 + 2) : 1 / (prior0 + 2);
    const z = model.a * s + model.b;
    const p = 1 / (1 + Math.exp(z));
    value -= w * (t * Math.log(p) + (1 - t) * Math.log(1 - p));
    da += w * (t - p) * s;
    db += w * (t - p);
  });
  return { value, gradient: [da, db] };
}

describe('fitPlatt vs sklearn.calibration._sigmoid_calibration', () => {
  for (const c of calibrationCases) {
    it(c.name, () => {
      const model = fitPlatt(c.scores, c.y, c.weights);
      // the exact minimiser of sklearn's objective
      expectClose([model.a, model.b], [c.platt.exact.a, c.platt.exact.b], 1e-9);
      expectClose(applyPlatt(model, c.scores), c.platt.probabilities, 1e-10);
      // sklearn's own answer stops at a BFGS gradient of 1e-5 on the summed loss
      expectClose([model.a, model.b], [c.platt.sklearn.a, c.platt.sklearn.b], 2e-6);
      // (their objective values agree to round-off: compare the gradients instead)
      const ours = plattObjective(model, c.scores, c.y, c.weights);
      const theirs = plattObjective(c.platt.sklearn, c.scores, c.y, c.weights);
      expect(ours.value).toBeCloseTo(theirs.value, 9);
      expect(Math.max(...ours.gradient.map(Math.abs))).toBeLessThan(1e-9);
      expect(Math.max(...theirs.gradient.map(Math.abs))).toBeGreaterThan(1e-8);
    });
  }

  it('treats whole-number weights as repeated rows and is deterministic', () => {
    const c = calibrationCases.find((k) => k.name === 'margin')!;
    const weights = Float64Array.from(c.scores, (_, i) => i % 4);
    const weighted = fitPlatt(c.scores, c.y, weights);
    const repeated = fitPlatt(repeatRows(c.scores, weights), repeatRows(c.y, weights));
    expectClose([weighted.a, weighted.b], [repeated.a, repeated.b], 1e-11);
    expect(fitPlatt(c.scores, c.y, weights)).toEqual(weighted);
  });

  it('has a finite answer for a single class (the targets are smoothed)', () => {
    const model = fitPlatt(Float64Array.from([0.1, 0.4, 0.8]), Uint8Array.from([1, 1, 1]));
    expect(Number.isFinite(model.a) && Number.isFinite(model.b)).toBe(true);
    applyPlatt(model, Float64Array.from([0.1, 0.4, 0.8])).forEach((p) => expect(p).toBeCloseTo(4 / 5, 9));
  });
});

describe('fitIsotonic vs sklearn IsotonicRegression(out_of_bounds="clip")', () => {
  for (const c of calibrationCases) {
    it(c.name, () => {
      const model = fitIsotonic(c.scores, c.y, c.weights);
      expectClose(model.x, c.isotonic.x, 0);
      expectClose(model.y, c.isotonic.y, 1e-15);
      expectClose(applyIsotonic(model, Float64Array.from(c.isotonic.grid)), c.isotonic.predictions, 1e-15);
      expectClose(applyIsotonic(model, c.scores), c.isotonic.fitted, 1e-15);
    });
  }

  it('pools ties, drops zero weights and flat interior points', () => {
    const scores = Float64Array.from([3, 1, 2, 2, 4, 5, 9]);
    const y = Float64Array.from([0.5, 0, 1, 0, 1, 1, 0]);
    const model = fitIsotonic(scores, y, Float64Array.from([1, 1, 1, 1, 1, 1, 0]));
    expect(Array.from(model.x)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(model.y)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(applyIsotonic(model, Float64Array.from([0, 1.5, 2.5, 3.5, 6, NaN])))).toEqual([0, 0.25, 0.5, 0.75, 1, NaN]);
  });

  it('treats whole-number weights as repeated rows and is deterministic', () => {
    const c = calibrationCases.find((k) => k.name === 'ties')!;
    const weights = Float64Array.from(c.scores, (_, i) => (i * 7) % 3);
    const weighted = fitIsotonic(c.scores, c.y, weights);
    const repeated = fitIsotonic(repeatRows(c.scores, weights), repeatRows(c.y, weights));
    expect(Array.from(weighted.x)).toEqual(Array.from(repeated.x));
    expectClose(weighted.y, repeated.y, 1e-15);
    expect(fitIsotonic(c.scores, c.y, weights)).toEqual(weighted);
  });

  it('is constant for a single distinct score', () => {
    const model = fitIsotonic(Float64Array.from([2, 2, 2]), Uint8Array.from([1, 0, 0]));
    expect(Array.from(applyIsotonic(model, Float64Array.from([-1, 2, 5])))).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});

describe('calibration input', () => {
  it('refuses missing scores and mismatched lengths', () => {
    expect(() => fitPlatt(Float64Array.from([0.1, NaN]), Uint8Array.from([0, 1]))).toThrow(/score of row 1/);
    expect(() => fitIsotonic(Float64Array.from([0.1, 0.2]), Uint8Array.from([0]))).toThrow(/1 targets for 2 scores/);
    expect(() => fitIsotonic(Float64Array.from([0.1]), Uint8Array.from([1]), Float64Array.from([0]))).toThrow(/weight 0/);
  });
});

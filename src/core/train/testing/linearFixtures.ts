/**
 * Test helper: the scikit-learn references written by scripts/fixtures/make_linear_fixtures.py
 * (see its docstring for the source of each number) as typed arrays, the objectives' gradients
 * computed independently of the trainers, and a tolerant comparison.
 */
import { expect } from 'vitest';
import calibration from '../fixtures/calibration.json';
import linear from '../fixtures/linear.json';

export interface LinearDataset {
  name: string;
  columns: Float64Array[];
  y: Uint8Array;
  yreg: Float64Array;
  weights: Float64Array | undefined;
  logistic: (typeof linear.datasets)[number]['logistic'];
  ridge: (typeof linear.datasets)[number]['ridge'];
}

export const datasets: LinearDataset[] = linear.datasets.map((d) => ({
  name: d.name,
  columns: d.columns.map((c) => Float64Array.from(c)),
  y: Uint8Array.from(d.y),
  yreg: Float64Array.from(d.yreg),
  weights: d.weights ? Float64Array.from(d.weights) : undefined,
  logistic: d.logistic,
  ridge: d.ridge,
}));

export function dataset(name: string): LinearDataset {
  const found = datasets.find((d) => d.name === name);
  if (!found) throw new Error(`no fixture dataset ${name}`);
  return found;
}

export const calibrationCases = calibration.cases.map((c) => ({
  ...c,
  scores: Float64Array.from(c.scores),
  y: Uint8Array.from(c.y),
  weights: c.weights ? Float64Array.from(c.weights) : undefined,
}));

/** |actual − expected| ≤ tolerance·max(1, |expected|), element by element. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const gap = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
    worst = Math.max(worst, gap);
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
  return worst;
}

/** Rows repeated by their whole-number weights. */
export function repeatRows<T extends Float64Array | Uint8Array>(values: T, weights: Float64Array): T {
  const out: number[] = [];
  values.forEach((v, i) => {
    for (let k = 0; k < weights[i]; k++) out.push(v);
  });
  return (values instanceof Uint8Array ? Uint8Array.from(out) : Float64Array.from(out)) as T;
}

function weightOf(weights: Float64Array | undefined, i: number) {
  return weights ? weights[i] : 1;
}

/** ∇ of a weighted mean loss with residual r(z, y) = ∂loss/∂z, plus ½·l2·‖w‖², plainly: [∂b, ∂w₁, …]. */
function meanLossGradient(
  columns: Float64Array[],
  y: ArrayLike<number>,
  weights: Float64Array | undefined,
  l2: number,
  intercept: number,
  coefficients: ArrayLike<number>,
  residual: (z: number, y: number) => number,
): number[] {
  const g = new Array<number>(columns.length + 1).fill(0);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    let z = intercept;
    columns.forEach((x, j) => (z += coefficients[j] * x[i]));
    const r = weightOf(weights, i) * residual(z, y[i]);
    total += weightOf(weights, i);
    g[0] += r;
    columns.forEach((x, j) => (g[j + 1] += r * x[i]));
  }
  return g.map((v, j) => v / total + (j > 0 ? l2 * coefficients[j - 1] : 0));
}

/** ∇ of (1/Σw) Σ wᵢ logloss(yᵢ, σ(b + xᵢ·w)) + ½·l2·‖w‖². */
export function logisticGradient(columns: Float64Array[], y: Uint8Array, weights: Float64Array | undefined, l2: number, intercept: number, coefficients: ArrayLike<number>): number[] {
  return meanLossGradient(columns, y, weights, l2, intercept, coefficients, (z, t) => 1 / (1 + Math.exp(-z)) - t);
}

/** ∇ of (1/(2Σw)) Σ wᵢ (yᵢ − b − xᵢ·w)² + ½·l2·‖w‖². */
export function ridgeGradient(columns: Float64Array[], y: Float64Array, weights: Float64Array | undefined, l2: number, intercept: number, coefficients: ArrayLike<number>): number[] {
  return meanLossGradient(columns, y, weights, l2, intercept, coefficients, (z, t) => z - t);
}

export function maxAbs(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}

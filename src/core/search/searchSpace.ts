/**
 * What a hyper-parameter search explores: per parameter a range [low, high], on a log scale or
 * not, whole numbers or not. A random search draws each parameter independently (uniform on its
 * scale, seeded; fractions kept to 3 significant digits) — Bergstra & Bengio (2012); a grid search takes `points` evenly spaced values of
 * each range (on its scale; whole-number ranges rounded, repeats dropped) and every combination,
 * in order (the last parameter varies fastest), as scikit-learn's ParameterGrid.
 */
import { InputError } from '../errors/errors';
import type { ModelKind, TrainParams } from '../pipeline/trainParams';
import type { SeededRandom } from '../random/seededRandom';

export interface SearchDimension {
  name: keyof TrainParams;
  low: number;
  high: number;
  log?: boolean;
  integer?: boolean;
}

export const GRID_POINTS = 3;

/** The default ranges per model kind: the parameters that matter most, around the contract's defaults. */
export const DEFAULT_SPACES: Record<ModelKind, SearchDimension[]> = {
  logistic: [{ name: 'l2', low: 0.001, high: 100, log: true }],
  linear: [{ name: 'l2', low: 0.001, high: 100, log: true }],
  tree: [
    { name: 'maxDepth', low: 2, high: 12, integer: true },
    { name: 'minSamplesLeaf', low: 1, high: 100, log: true, integer: true },
  ],
  forest: [
    { name: 'maxDepth', low: 4, high: 20, integer: true },
    { name: 'minSamplesLeaf', low: 1, high: 20, log: true, integer: true },
    { name: 'colsampleByTree', low: 0.1, high: 0.8 },
  ],
  gbdt: [
    { name: 'learningRate', low: 0.02, high: 0.3, log: true },
    { name: 'maxDepth', low: 2, high: 8, integer: true },
    { name: 'minSamplesLeaf', low: 5, high: 100, log: true, integer: true },
    { name: 'subsample', low: 0.5, high: 1 },
  ],
};

export function checkSpace(space: readonly SearchDimension[]): void {
  if (space.length === 0) throw new InputError('the search needs at least one parameter to vary');
  const seen = new Set<string>();
  for (const d of space) {
    if (seen.has(d.name)) throw new InputError(`the search varies '${d.name}' twice`);
    seen.add(d.name);
    if (!(Number.isFinite(d.low) && Number.isFinite(d.high) && d.low <= d.high)) throw new InputError(`search range of '${d.name}': low must be a number ≤ high (got ${d.low} … ${d.high})`);
    if (d.log && !(d.low > 0)) throw new InputError(`search range of '${d.name}': a log scale needs low > 0`);
  }
}

/** The value at position u ∈ [0, 1] of the range; fractional values to 3 significant digits (readable, and typed back exactly). */
function onScale(d: SearchDimension, u: number): number {
  const v = d.log ? Math.exp(Math.log(d.low) + u * (Math.log(d.high) - Math.log(d.low))) : d.low + u * (d.high - d.low);
  if (d.integer) return Math.min(Math.round(d.high), Math.max(Math.round(d.low), Math.round(v)));
  return Math.min(d.high, Math.max(d.low, Number(v.toPrecision(3))));
}

/** One random draw of every parameter. */
export function randomParams(space: readonly SearchDimension[], rng: SeededRandom): TrainParams {
  const out: TrainParams = {};
  for (const d of space) out[d.name] = onScale(d, rng.next());
  return out;
}

/** The values a grid takes for one parameter. */
export function gridValues(d: SearchDimension, points = GRID_POINTS): number[] {
  if (d.low === d.high) return [d.integer ? Math.round(d.low) : d.low];
  const values: number[] = [];
  for (let k = 0; k < points; k++) {
    const v = onScale(d, points === 1 ? 0.5 : k / (points - 1));
    if (!values.includes(v)) values.push(v);
  }
  return values;
}

/** Every combination of the grid's values (the last parameter varies fastest). */
export function gridParams(space: readonly SearchDimension[], points = GRID_POINTS): TrainParams[] {
  let combos: TrainParams[] = [{}];
  for (const d of space) {
    const values = gridValues(d, points);
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [d.name]: v })));
  }
  return combos;
}

/**
 * `bin`: a numeric column as a bin index 0..b−1. Edges from the training values (missing left
 * out): `quantile` — numpy-linear quantiles at np.linspace(0, 1, b + 1), i.e. np.quantile(x,
 * np.linspace(0, 1, b + 1)); `uniform` — np.linspace(min, max, b + 1). The edges are rounded to
 * float32 (the precision the model file holds and its inputs arrive in) and equal edges merged,
 * so a column with few distinct values gets fewer bins. The index is the number of inner edges
 * ≤ the value (np.digitize(x, inner edges), right-closed: a value on an edge goes to the upper
 * bin); values beyond the training range go to the first or last bin; missing stays missing.
 * (scikit-learn's KBinsDiscretizer takes percentiles at np.linspace(0, 100, b + 1), drops bins
 * narrower than 1e-8 and adds a small tolerance before np.digitize; the edges can differ in
 * the last bits.)
 */
import { InputError } from '../../errors/errors';
import { quantileSorted } from '../../stats/quantile';
import { applyNumericOp } from '../operations';
import { DEFAULT_BINS, type RecipeStep } from '../recipe';
import { mapValues, sortedPresent } from './trainingValues';
import { requireNumeric, withOp, type NumericWorking, type StepContext, type WorkingColumn } from './workingColumn';

type BinStep = Extract<RecipeStep, { step: 'bin' }>;

export function fitBin(step: BinStep, column: WorkingColumn, ctx: StepContext): NumericWorking {
  const c = requireNumeric(column, ctx, 'bin needs numbers');
  const sorted = sortedPresent(c.values);
  if (sorted.length === 0) throw new InputError(`${ctx.where}: column '${c.fitted.name}' has no values in the training rows`);
  const edges = mergedEdges(binEdges(sorted, step.bins ?? DEFAULT_BINS, step.strategy ?? 'quantile'));
  const op = { op: 'bin', edges: edges.slice(1, -1) } as const;
  return withOp(c, op, mapValues(c.values, (v) => applyNumericOp(op, v)));
}

/** The b + 1 edges (float64) from ascending non-missing training values. */
export function binEdges(sorted: Float64Array, bins: number, strategy: 'quantile' | 'uniform'): number[] {
  const start = strategy === 'quantile' ? 0 : sorted[0];
  const stop = strategy === 'quantile' ? 1 : sorted[sorted.length - 1];
  const step = (stop - start) / bins;
  // np.linspace: i · step + start, the last point exactly `stop`
  const points = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? stop : i * step + start));
  return strategy === 'quantile' ? points.map((q) => quantileSorted(sorted, q)) : points;
}

/** Edges rounded to float32, equal ones merged. */
export function mergedEdges(edges: readonly number[]): number[] {
  const out: number[] = [];
  for (const e of edges) {
    const f = Math.fround(e);
    if (out.length === 0 || f > out[out.length - 1]) out.push(f);
  }
  return out;
}

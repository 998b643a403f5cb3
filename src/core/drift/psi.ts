/**
 * Population stability index (shared/spec/cli.md, "drift"): proportions of the reference and the
 * current rows in the same bins, each floored at 1e-4, PSI = Σ (c − r) · ln(c / r).
 * - numeric: edges = unique(numpy.quantile(reference non-missing, k / bins for k = 1 … bins − 1))
 *   (linear), bins (−∞, e1], (e1, e2], …, (e_last, +∞) — a value on an edge goes to the lower bin
 *   (numpy.searchsorted(edges, x, 'left')); proportions of the non-missing values;
 * - categorical: one bin per category seen on either side, missing values their own category;
 *   proportions of all rows.
 */
import { lowerBound } from '../stats/lowerBound';
import { quantileSorted } from '../stats/quantile';

export const PSI_FLOOR = 1e-4;

/** PSI of two aligned count vectors (null when a side has no rows). */
export function psiFromCounts(reference: ArrayLike<number>, current: ArrayLike<number>): number | null {
  let nr = 0;
  let nc = 0;
  for (let k = 0; k < reference.length; k++) {
    nr += reference[k];
    nc += current[k];
  }
  if (nr === 0 || nc === 0) return null;
  let psi = 0;
  for (let k = 0; k < reference.length; k++) {
    const r = Math.max(reference[k] / nr, PSI_FLOOR);
    const c = Math.max(current[k] / nc, PSI_FLOOR);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/** The reference's quantile edges (sorted, non-missing reference values). */
export function psiEdges(sortedReference: Float64Array, bins: number): number[] {
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const q = quantileSorted(sortedReference, k / bins);
    if (edges.length === 0 || q !== edges[edges.length - 1]) edges.push(q);
  }
  return edges;
}

export function binCounts(values: Float64Array, edges: readonly number[]): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) counts[lowerBound(edges, values[i])]++;
  return counts;
}

/** Numeric PSI of non-missing values; `sortedReference` ascending. */
export function numericPsi(sortedReference: Float64Array, current: Float64Array, bins: number): number | null {
  if (sortedReference.length === 0 || current.length === 0) return null;
  const edges = psiEdges(sortedReference, bins);
  return psiFromCounts(binCounts(sortedReference, edges), binCounts(current, edges));
}

/** Categorical PSI over the union of the categories (labels, missing included). */
export function categoricalPsi(reference: ReadonlyMap<string, number>, current: ReadonlyMap<string, number>): number | null {
  const categories = [...new Set([...reference.keys(), ...current.keys()])];
  return psiFromCounts(
    categories.map((c) => reference.get(c) ?? 0),
    categories.map((c) => current.get(c) ?? 0),
  );
}

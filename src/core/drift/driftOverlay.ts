/**
 * A column's two distributions on common ground, for an overlaid chart: numbers and dates on the
 * same histogram edges over both sides (nice edges, about 30 bins), each side as shares of its
 * non-missing values; categories as shares of all rows for the most frequent categories over both
 * sides (15), the rest summed as "(other)", missing values as "(missing)".
 */
import type { Column } from '../data/table';
import { binIndex, niceEdges } from '../stats/histogramBins';
import { categoryCounts, numbersOf, sideSize, type DriftSide } from './driftSide';

export const OVERLAY_BINS = 30;
export const OVERLAY_CATEGORIES = 15;
export const OTHER_CATEGORY = '(other)';

export type Overlay =
  | { kind: 'histogram'; type: 'numeric' | 'datetime'; bins: { start: number; end: number; reference: number; current: number }[] }
  | { kind: 'categories'; categories: { label: string; reference: number; current: number }[] };

export function driftOverlay(name: string, reference: DriftSide, current: DriftSide): Overlay {
  const ref = reference.table.columns.find((c) => c.name === name)!;
  const cur = current.table.columns.find((c) => c.name === name)!;
  if ((ref.type === 'numeric' && cur.type === 'numeric') || (ref.type === 'datetime' && cur.type === 'datetime')) {
    const a = numbersOf(reference, ref as Column & { values: Float64Array });
    const b = numbersOf(current, cur as Column & { values: Float64Array });
    let min = Infinity;
    let max = -Infinity;
    for (const values of [a, b]) {
      for (const v of values) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    if (!(min <= max)) return { kind: 'histogram', type: ref.type, bins: [] };
    if (min === max) return { kind: 'histogram', type: ref.type, bins: [{ start: min - 0.5, end: max + 0.5, reference: a.length ? 1 : 0, current: b.length ? 1 : 0 }] };
    const edges = niceEdges(min, max, OVERLAY_BINS, ref.type === 'datetime' ? 'datetime' : 'number');
    const width = edges[1] - edges[0];
    const count = (values: Float64Array) => {
      const counts = new Float64Array(edges.length - 1);
      for (const v of values) counts[binIndex(edges, v, width)]++;
      return counts;
    };
    const ca = count(a);
    const cb = count(b);
    return {
      kind: 'histogram',
      type: ref.type,
      bins: Array.from(ca, (_, k) => ({ start: edges[k], end: edges[k + 1], reference: a.length ? ca[k] / a.length : 0, current: b.length ? cb[k] / b.length : 0 })),
    };
  }
  const a = categoryCounts(reference, ref);
  const b = categoryCounts(current, cur);
  const na = sideSize(reference);
  const nb = sideSize(current);
  const all = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => (a.get(y) ?? 0) + (b.get(y) ?? 0) - ((a.get(x) ?? 0) + (b.get(x) ?? 0)));
  const shown = all.slice(0, OVERLAY_CATEGORIES);
  const categories = shown.map((label) => ({ label, reference: na ? (a.get(label) ?? 0) / na : 0, current: nb ? (b.get(label) ?? 0) / nb : 0 }));
  if (all.length > shown.length) {
    const rest = all.slice(OVERLAY_CATEGORIES);
    categories.push({
      label: OTHER_CATEGORY,
      reference: na ? rest.reduce((s, l) => s + (a.get(l) ?? 0), 0) / na : 0,
      current: nb ? rest.reduce((s, l) => s + (b.get(l) ?? 0), 0) / nb : 0,
    });
  }
  return { kind: 'categories', categories };
}

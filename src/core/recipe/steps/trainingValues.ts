/** Summaries of training values that several steps fit from. */

/** The non-missing values, ascending. */
export function sortedPresent(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v)).sort();
}

/** Mean by summing in sorted order (as the values come); numpy's pairwise sum agrees to ~1e-15 relative. */
export function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Most frequent value of sorted numbers; ties go to the smallest (scikit-learn's most_frequent). */
export function mode(sorted: Float64Array): number {
  let best = sorted[0];
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

/** Count of each non-missing category, in order of first appearance. */
export function countValues(values: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Most frequent category; ties go to the smallest (scikit-learn's most_frequent). Null when all are missing. */
export function categoricalMode(values: readonly (string | null)[]): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, c] of countValues(values)) {
    if (c > bestCount || (c === bestCount && best !== null && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** Applies `f` to every value (a new array). */
export function mapValues(values: Float64Array, f: (v: number) => number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = f(values[i]);
  return out;
}

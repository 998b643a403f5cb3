/**
 * Ranking raw columns for feature selection: by mutual information with the target (the target
 * analysis) or by the size of their coefficients in the last training. A model's features are
 * named after their column (`income`, `income__missing`, `region=North`, `region=other`; see
 * core/recipe/fittedRecipe.ts), so each coefficient can be traced back to its column.
 */

export interface ColumnScore {
  column: string;
  /** MI in nats, or the largest |coefficient| among the column's features. */
  value: number;
  /** The feature that gave the value (coefficient ranking). */
  feature?: string;
}

/** The raw column a feature derives from, or null when it matches none of `columns`. */
export function columnOfFeature(feature: string, columns: readonly string[]): string | null {
  const names = new Set(columns);
  if (names.has(feature)) return feature;
  if (feature.endsWith('__missing') && names.has(feature.slice(0, -'__missing'.length))) return feature.slice(0, -'__missing'.length);
  // `<column>=<category>`: the longest column name that prefixes the feature with "=" (names may hold "=").
  let best: string | null = null;
  for (const c of columns) if (feature.startsWith(`${c}=`) && (best === null || c.length > best.length)) best = c;
  return best;
}

/** Columns by the largest |coefficient| of their features, largest first (ties keep the features' order). */
export function coefficientRanking(features: readonly string[], coefficients: readonly number[], columns: readonly string[]): ColumnScore[] {
  const byColumn = new Map<string, ColumnScore>();
  features.forEach((f, i) => {
    const column = columnOfFeature(f, columns);
    if (column === null) return;
    const value = Math.abs(coefficients[i] ?? 0);
    const cur = byColumn.get(column);
    if (!cur || value > cur.value) byColumn.set(column, { column, value, feature: f });
  });
  return [...byColumn.values()].sort((a, b) => b.value - a.value);
}

/**
 * The exclusion list that keeps the top `k` ranked columns: every other column of the dataset
 * except the target (columns absent from the ranking are excluded too).
 */
export function excludeAllButTop(ranking: readonly ColumnScore[], k: number, columns: readonly string[], target: string | null): string[] {
  const keep = new Set(ranking.slice(0, Math.max(0, Math.floor(k))).map((r) => r.column));
  return columns.filter((c) => c !== target && !keep.has(c));
}

/** Features sorted by |coefficient|, largest first (stable). */
export function sortedCoefficients(features: readonly string[], coefficients: readonly number[]): { feature: string; coefficient: number }[] {
  return features.map((feature, i) => ({ feature, coefficient: coefficients[i] })).sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient));
}

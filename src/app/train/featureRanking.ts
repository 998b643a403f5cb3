/**
 * Ranking raw columns for feature selection: by mutual information with the target (the target
 * analysis) or by a quick model's permutation importance (core/explain/permutationImportance.ts,
 * computed per raw column, so every feature a recipe derives from a column counts for it).
 */

export interface ColumnScore {
  column: string;
  /** MI in nats, or the mean drop in score when the column is shuffled. */
  value: number;
  /** The standard deviation of the drops over the shuffles (permutation importance). */
  spread?: number;
}

/** Columns by their permutation importance (already largest first), with the spread over the shuffles. */
export function importanceRanking(columns: readonly { column: string; mean: number; std: number }[]): ColumnScore[] {
  return columns.map((c) => ({ column: c.column, value: c.mean, spread: c.std }));
}

/**
 * The exclusion list that keeps the top `k` ranked columns among those not excluded already
 * (an excluded column, e.g. a leaky one, stays out): every other column of the dataset except
 * the target (columns absent from the ranking are excluded too).
 */
export function excludeAllButTop(ranking: readonly ColumnScore[], k: number, columns: readonly string[], target: string | null, excluded: readonly string[] = []): string[] {
  const out = new Set(excluded);
  const keep = new Set(
    ranking
      .filter((r) => !out.has(r.column))
      .slice(0, Math.max(0, Math.floor(k)))
      .map((r) => r.column),
  );
  return columns.filter((c) => c !== target && !keep.has(c));
}

/** Features sorted by |coefficient|, largest first (stable). */
export function sortedCoefficients(features: readonly string[], coefficients: readonly number[]): { feature: string; coefficient: number }[] {
  return features.map((feature, i) => ({ feature, coefficient: coefficients[i] })).sort((a, b) => Math.abs(b.coefficient) - Math.abs(a.coefficient));
}

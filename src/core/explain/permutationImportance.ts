/**
 * Permutation importance of raw columns, as scikit-learn's `permutation_importance` defines it
 * (Breiman 2001; sklearn.inspection): the score s on some rows, then for each column j and each
 * repeat k the score s_kj with column j's values shuffled among those rows; importance_j =
 * s − mean_k s_kj, with the standard deviation over the repeats (numpy's std, ddof = 0). The
 * score is ROC AUC for classifiers and R² for regressors (scikit-learn's r2_score). A raw column
 * is shuffled as a whole, so every feature a recipe derives from it (indicators, one-hot
 * columns, date parts, a ratio with another column) moves together.
 *
 * Shuffles come from one seeded stream (columns in the given order, repeats in turn), so the same
 * seed gives the same numbers; scikit-learn's own random stream differs, so its values differ
 * by the shuffles' chance alone.
 */
import type { Column, Table } from '../data/table';
import { CancelledError } from '../errors/errors';
import { seededPermutation } from '../folds/shuffle';
import { seededRandom } from '../random/seededRandom';
import { binaryMetrics, scoreOrder } from '../validation/binaryMetrics';
import { regressionMetrics } from '../validation/regressionMetrics';

export type ImportanceTarget = { task: 'classification'; label: Uint8Array } | { task: 'regression'; value: Float64Array };

export interface PermutationImportanceOptions {
  /** Shuffles per column (scikit-learn's n_repeats, default 5). */
  repeats?: number;
  seed?: number;
  /** Between columns: lets a worker answer messages and report progress. */
  pause?: () => Promise<void>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ColumnImportance {
  column: string;
  /** s − mean of the shuffled scores. */
  mean: number;
  /** Standard deviation of the drops over the repeats (ddof = 0). */
  std: number;
  /** The drop s − s_k of each repeat. */
  drops: number[];
}

export interface PermutationImportance {
  metric: 'auc' | 'r2';
  /** The score with no column shuffled. */
  baseline: number;
  /** Largest mean first (ties in the given column order). */
  columns: ColumnImportance[];
  rows: number;
  repeats: number;
  seed: number;
}

export const DEFAULT_REPEATS = 5;

/**
 * `predict(table, rows)` scores `rows` of a table (P(positive) or the value; in memory or through
 * the Scorer, so it may be async); `target` is aligned
 * with `rows`. Only `columns` are shuffled.
 */
export async function permutationImportance(
  predict: (table: Table, rows: Uint32Array) => Float64Array | Promise<Float64Array>,
  table: Table,
  rows: Uint32Array,
  columns: readonly string[],
  target: ImportanceTarget,
  options: PermutationImportanceOptions = {},
): Promise<PermutationImportance> {
  const repeats = options.repeats ?? DEFAULT_REPEATS;
  const seed = options.seed ?? 42;
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`repeats must be a whole number ≥ 1 (got ${repeats})`);
  const score = scorer(target);
  const baseline = score(await predict(table, rows));
  const rng = seededRandom(seed);
  const out: ColumnImportance[] = [];
  for (let c = 0; c < columns.length; c++) {
    if (options.signal?.aborted) throw new CancelledError();
    const index = table.columns.findIndex((col) => col.name === columns[c]);
    if (index < 0) throw new RangeError(`no column '${columns[c]}'`);
    const drops: number[] = [];
    for (let k = 0; k < repeats; k++) {
      const permutation = seededPermutation(rows.length, rng);
      const shuffled: Table = { rowCount: table.rowCount, columns: table.columns.map((col, j) => (j === index ? shuffledColumn(col, rows, permutation) : col)) };
      drops.push(baseline - score(await predict(shuffled, rows)));
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const std = Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / repeats);
    out.push({ column: columns[c], mean, std, drops });
    options.onProgress?.(c + 1, columns.length);
    await options.pause?.();
  }
  out.sort((a, b) => b.mean - a.mean);
  return { metric: target.task === 'classification' ? 'auc' : 'r2', baseline, columns: out, rows: rows.length, repeats, seed };
}

/** The column with row rows[i] holding the value of row rows[permutation[i]]; other rows unchanged. */
export function shuffledColumn(column: Column, rows: Uint32Array, permutation: Uint32Array): Column {
  const shuffle = <T extends Float64Array | Uint8Array | Int32Array>(source: T): T => {
    const out = source.slice() as T;
    for (let i = 0; i < rows.length; i++) out[rows[i]] = source[rows[permutation[i]]];
    return out;
  };
  switch (column.type) {
    case 'categorical':
    case 'text':
      return { ...column, codes: shuffle(column.codes) };
    case 'boolean':
      return { ...column, values: shuffle(column.values) };
    case 'numeric':
    case 'datetime':
      return { ...column, values: shuffle(column.values) };
  }
}

function scorer(target: ImportanceTarget): (scores: Float64Array) => number {
  if (target.task === 'classification') {
    return (scores) => binaryMetrics(target.label, scores, 0.5, scoreOrder(scores)).auc ?? Number.NaN;
  }
  return (scores) => regressionMetrics(target.value, scores).r2;
}

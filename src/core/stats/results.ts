/**
 * Result shapes of the exploratory statistics. Plain JSON-able data: the worker sends them to
 * the UI, the CLI prints them, and chart specs are built from them (pre-aggregated, never raw rows).
 */
import type { ColumnType } from '../data/table';

/** One column of `glassbox profile` (see shared/spec/cli.md). */
export interface ColumnProfile {
  name: string;
  type: ColumnType;
  count: number;
  missing: number;
  distinct: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  q25: number | null;
  median: number | null;
  q75: number | null;
  max: number | null;
  top: { value: number | boolean | string; count: number }[];
}

/** The exact output of `glassbox profile`. */
export interface ProfileResult {
  rows: number;
  columns: ColumnProfile[];
}

/** Pre-binned histogram for numeric and datetime columns (bins are [start, end), last is closed). */
export interface Histogram {
  kind: 'histogram';
  column: string;
  type: 'numeric' | 'datetime';
  bins: { start: number; end: number; count: number }[];
  missing: number;
}

/** Most frequent categories; the remainder is summed into `otherCount`. */
export interface TopCategories {
  kind: 'categories';
  column: string;
  type: ColumnType;
  categories: { value: string; count: number }[];
  otherCount: number;
  missing: number;
}

export type Distribution = Histogram | TopCategories;

/** Tukey's IQR rule: outliers lie below q25 − k·IQR or above q75 + k·IQR (k = 1.5). */
export interface OutlierCounts {
  lowerFence: number;
  upperFence: number;
  low: number;
  high: number;
}

export interface MissingnessResult {
  rows: number;
  columns: { name: string; missing: number; fraction: number }[];
  /**
   * Co-occurrence over the columns that have missing values: `counts[i][j]` = rows where both
   * `names[i]` and `names[j]` are missing (diagonal = the column's own missing count).
   */
  cooccurrence: { names: string[]; counts: number[][] };
  /**
   * Most common patterns of missingness (up to 10, most frequent first, ties by first
   * appearance): which columns are missing together, and how often. Rows without any missing
   * value are not a pattern; they are counted in `completeRows`.
   */
  patterns: { columns: string[]; count: number }[];
  /** Rows without any missing value. */
  completeRows: number;
}

export type CorrelationMethod = 'pearson' | 'spearman' | 'cramersV';

export interface CorrelationMatrix {
  method: CorrelationMethod;
  names: string[];
  /** Symmetric; null where undefined (constant column, fewer than 2 complete pairs). */
  values: (number | null)[][];
  /** Pairwise complete observations used for each cell. */
  n: number[][];
}

export interface TargetBreakdownRow {
  /** Category value, or the bin label for numeric columns (e.g. "[20, 30)"). */
  label: string;
  count: number;
  /** Target rate (share of positive class) for classification; target mean for regression. */
  value: number | null;
  /** Bin bounds for numeric columns. */
  start?: number;
  end?: number;
}

export interface TargetColumnAnalysis {
  column: string;
  type: ColumnType;
  /** Mutual information with the target in nats (discretised: numeric columns binned). */
  mutualInformation: number;
  rows: TargetBreakdownRow[];
}

export interface TargetAnalysisResult {
  target: string;
  task: 'classification' | 'regression';
  /** For classification: the positive class and the overall rate. For regression: the mean. */
  positive: string | null;
  overall: number;
  n: number;
  /** Ranked by mutual information, strongest first. */
  columns: TargetColumnAnalysis[];
}

export interface GroupComparison {
  column: string;
  test: 'welch-t' | 'mann-whitney' | 'chi-squared';
  statistic: number;
  pValue: number;
  /** Degrees of freedom (Welch–Satterthwaite for t; (r−1)(c−1) for chi-squared). */
  df: number | null;
  a: { n: number; mean: number | null; median: number | null };
  b: { n: number; mean: number | null; median: number | null };
  /** For categorical columns: counts per category in each group. */
  table?: { value: string; a: number; b: number }[];
}

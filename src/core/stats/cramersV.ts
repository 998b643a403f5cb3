/**
 * Cramér's V between two categorical views, bias-uncorrected:
 * V = √(χ² / (n·(min(r, c) − 1))), χ² from the contingency table without Yates' correction
 * (chiSquared.ts), rows with a missing value on either side left out, empty categories dropped.
 * Undefined (null) when either side has fewer than 2 observed categories.
 */
import type { RowSelection } from '../data/table';
import { chiSquaredTest } from './chiSquared';
import type { CategoryView } from './columnViews';
import { type Contingency, contingency } from './contingency';
import type { PairCorrelation } from './pearson';

export function cramersV(a: CategoryView, b: CategoryView, rows?: RowSelection): PairCorrelation {
  return cramersVFromTable(contingency(a.codes, a.labels.length, b.codes, b.labels.length, rows));
}

export function cramersVFromTable(table: Contingency): PairCorrelation {
  const chi = chiSquaredTest(table);
  const k = Math.min(chi.rows, chi.cols);
  if (chi.n === 0 || k < 2) return { r: null, n: chi.n };
  return { r: Math.min(1, Math.sqrt(chi.statistic / (chi.n * (k - 1)))), n: chi.n };
}

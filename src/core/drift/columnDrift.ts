/**
 * Drift of one column between the reference and the current side (shared/spec/cli.md, "drift"):
 * - numbers and dates: the two-sample KS test on the non-missing values
 *   (scipy.stats.ks_2samp(method='asymp')), PSI over the reference's quantile bins, and — numbers
 *   only — the Wasserstein distance (scipy.stats.wasserstein_distance); the effect size is the
 *   KS statistic D (the largest gap between the two CDFs);
 * - categories (and booleans, text, or a column whose type differs between the sides): the
 *   chi-squared test of the categories × {reference, current} table with missing values as a
 *   category (scipy.stats.chi2_contingency(correction=False)), categorical PSI, no Wasserstein;
 *   the effect size is Cramér's V of that table.
 * Severity follows the PSI (driftThresholds.ts).
 */
import type { Column, ColumnType } from '../data/table';
import { chiSquaredTest } from '../stats/chiSquared';
import { ksTwoSample } from '../stats/kolmogorovSmirnov';
import { categoricalPsi, numericPsi } from './psi';
import { categoryCounts, numbersOf, sideSize, type DriftSide } from './driftSide';
import { psiSeverity, type Severity } from './driftThresholds';
import { wassersteinDistance } from './wasserstein';

export interface ColumnDrift {
  name: string;
  type: ColumnType;
  test: 'ks' | 'chi2';
  statistic: number | null;
  pValue: number | null;
  psi: number | null;
  wasserstein: number | null;
  /** KS D for numbers and dates, Cramér's V for categories. */
  effectSize: number | null;
  severity: Severity;
  missing: { reference: number; current: number };
}

export function columnDrift(name: string, reference: DriftSide, current: DriftSide, bins: number): ColumnDrift {
  const ref = reference.table.columns.find((c) => c.name === name)!;
  const cur = current.table.columns.find((c) => c.name === name)!;
  const numeric = (ref.type === 'numeric' && cur.type === 'numeric') || (ref.type === 'datetime' && cur.type === 'datetime');
  if (numeric) {
    const a = numbersOf(reference, ref as Column & { values: Float64Array });
    const b = numbersOf(current, cur as Column & { values: Float64Array });
    const ks = a.length && b.length ? ksTwoSample(a, b) : null;
    const psi = numericPsi(a.slice().sort(), b, bins);
    return {
      name,
      type: ref.type,
      test: 'ks',
      statistic: ks?.statistic ?? null,
      // SciPy's asymptotic p-value is undefined (NaN) for two single values
      pValue: ks && Number.isFinite(ks.pValue) ? ks.pValue : null,
      psi,
      wasserstein: ref.type === 'numeric' ? wassersteinDistance(a, b) : null,
      effectSize: ks?.statistic ?? null,
      severity: psiSeverity(psi),
      missing: { reference: sideSize(reference) - a.length, current: sideSize(current) - b.length },
    };
  }
  const a = categoryCounts(reference, ref);
  const b = categoryCounts(current, cur);
  const categories = [...new Set([...a.keys(), ...b.keys()])];
  const counts = new Float64Array(categories.length * 2);
  categories.forEach((c, k) => {
    counts[k * 2] = a.get(c) ?? 0;
    counts[k * 2 + 1] = b.get(c) ?? 0;
  });
  const n = sideSize(reference) + sideSize(current);
  const test = chiSquaredTest({ rows: categories.length, cols: 2, counts, n });
  const k = Math.min(test.rows, test.cols);
  const psi = categoricalPsi(a, b);
  return {
    name,
    type: ref.type === cur.type ? ref.type : 'categorical',
    test: 'chi2',
    statistic: test.n ? test.statistic : null,
    pValue: test.n ? test.pValue : null,
    psi,
    wasserstein: null,
    effectSize: test.n && k >= 2 ? Math.min(1, Math.sqrt(test.statistic / (test.n * (k - 1)))) : null,
    severity: psiSeverity(psi),
    missing: { reference: a.get('(missing)') ?? 0, current: b.get('(missing)') ?? 0 },
  };
}

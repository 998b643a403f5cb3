/**
 * Column drift against SciPy / NumPy / pandas (scripts/fixtures/make_drift_fixtures.py): the KS
 * test, PSI over the reference's quantile bins and the Wasserstein distance for numbers (with
 * missing values and with heavy ties), the chi-squared test, Cramér's V and categorical PSI for a
 * category column with a new category and missing values on the current side — for 10 and 4 bins.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import type { Table } from '../data/table';
import { columnDrift } from './columnDrift';
import { driftOverlay } from './driftOverlay';
import fixture from './fixtures/drift.json';
import { psiSeverity } from './driftThresholds';

const NAMES = ['shifted', 'same', 'ties', 'grade'] as const;

type Side = Record<(typeof NAMES)[number], (number | string | null)[]>;

function tableOf(side: Side): Table {
  const n = side.shifted.length;
  return withColumnType(
    buildTable(
      NAMES,
      NAMES.map((name) => rawFromValues(side[name])),
      n,
    ),
    'grade',
    'categorical',
  );
}

const reference = { table: tableOf(fixture.reference), rows: null };
const current = { table: tableOf(fixture.current), rows: null };

describe.each(['10', '4'] as const)('column drift with %s bins', (bins) => {
  const expected = fixture.expected[bins];
  it.each(['shifted', 'same', 'ties'] as const)('numeric column %s: KS, PSI, Wasserstein', (name) => {
    const got = columnDrift(name, reference, current, Number(bins));
    const ref = expected[name];
    expect(got.test).toBe('ks');
    expect(got.statistic).toBe(ref.statistic);
    expect(got.pValue!).toBeCloseTo(ref.pValue, 12);
    expect(Math.abs(got.pValue! - ref.pValue) / ref.pValue).toBeLessThan(1e-9);
    expect(got.psi!).toBeCloseTo(ref.psi, 12);
    expect(got.wasserstein!).toBeCloseTo(ref.wasserstein, 12);
    expect(got.effectSize).toBe(got.statistic);
    expect(got.severity).toBe(psiSeverity(ref.psi));
  });

  it('categorical column: chi-squared with missing as a category, Cramér’s V, PSI', () => {
    const got = columnDrift('grade', reference, current, Number(bins));
    const ref = expected.grade;
    expect(got.test).toBe('chi2');
    expect(got.statistic!).toBeCloseTo(ref.statistic, 9);
    expect(Math.abs(got.pValue! - ref.pValue) / ref.pValue).toBeLessThan(1e-9);
    expect(got.psi!).toBeCloseTo(ref.psi, 12);
    expect(got.wasserstein).toBeNull();
    expect(got.effectSize!).toBeCloseTo(ref.cramersV, 12);
    expect(got.missing).toEqual({ reference: 0, current: 25 });
  });
});

describe('column drift on row sets of one table', () => {
  it('equals the drift of two tables holding the same rows', () => {
    const n = fixture.reference.shifted.length;
    const m = fixture.current.shifted.length;
    const both = tableOf({
      shifted: [...fixture.reference.shifted, ...fixture.current.shifted],
      same: [...fixture.reference.same, ...fixture.current.same],
      ties: [...fixture.reference.ties, ...fixture.current.ties],
      grade: [...fixture.reference.grade, ...fixture.current.grade],
    });
    const a = { table: both, rows: Uint32Array.from({ length: n }, (_, i) => i) };
    const b = { table: both, rows: Uint32Array.from({ length: m }, (_, i) => n + i) };
    for (const name of NAMES) expect(columnDrift(name, a, b, 10)).toEqual(columnDrift(name, reference, current, 10));
  });
});

describe('edge cases and overlays', () => {
  it('one value on each side: the statistic, and no p-value (SciPy gives NaN)', () => {
    const one = (v: number) => ({ table: buildTable(['x'], [rawFromValues([v])], 1), rows: null });
    const got = columnDrift('x', one(1), one(2), 10);
    expect(got.statistic).toBe(1);
    expect(got.pValue).toBeNull();
  });

  it('overlays: each side’s shares sum to 1 on common bins; categories keep missing as its own', () => {
    const numeric = driftOverlay('shifted', reference, current);
    expect(numeric.kind).toBe('histogram');
    if (numeric.kind !== 'histogram') return;
    expect(numeric.bins.reduce((s, b) => s + b.reference, 0)).toBeCloseTo(1, 12);
    expect(numeric.bins.reduce((s, b) => s + b.current, 0)).toBeCloseTo(1, 12);
    const grade = driftOverlay('grade', reference, current);
    if (grade.kind !== 'categories') throw new Error('expected categories');
    expect(grade.categories.map((c) => c.label).sort()).toEqual(['(missing)', 'A', 'B', 'C', 'D']);
    expect(grade.categories.find((c) => c.label === 'D')!.reference).toBe(0);
    expect(grade.categories.reduce((s, c) => s + c.current, 0)).toBeCloseTo(1, 12);
  });
});

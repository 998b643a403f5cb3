/**
 * The drift report of `glassbox drift` and of the app's Drift step (shared/spec/cli.md, "drift"):
 * per compared column the test, PSI, Wasserstein distance, effect size and severity
 * (columnDrift.ts), the domain classifier (domainClassifier.ts), a plain-language summary and the
 * thresholds used. Columns: `columns`, else every column the two sides share (reference order).
 */
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { StepControl } from '../progress/steps';
import { columnDrift, type ColumnDrift } from './columnDrift';
import { domainClassifier, type DomainClassifier } from './domainClassifier';
import { sideSize, type DriftSide } from './driftSide';
import { driftSummary } from './driftSummary';
import { DRIFT_THRESHOLDS } from './driftThresholds';

export interface DriftOptions {
  columns?: readonly string[];
  bins?: number;
  seed?: number;
  /** Leave the domain classifier out (it trains five GBDTs). */
  skipClassifier?: boolean;
}

export interface DriftReport {
  columns: ColumnDrift[];
  domainClassifier: DomainClassifier | null;
  rows: { reference: number; current: number };
  summary: string[];
  thresholds: typeof DRIFT_THRESHOLDS;
}

/** The compared columns: the requested ones (present on both sides), else every shared column. */
export function comparedColumns(reference: Table, current: Table, requested?: readonly string[]): string[] {
  const inCurrent = new Set(current.columns.map((c) => c.name));
  if (requested && requested.length) {
    for (const name of requested) {
      if (!reference.columns.some((c) => c.name === name)) throw new InputError(`column '${name}' not found in the reference data`);
      if (!inCurrent.has(name)) throw new InputError(`column '${name}' not found in the current data`);
    }
    return [...requested];
  }
  const shared = reference.columns.map((c) => c.name).filter((name) => inCurrent.has(name));
  if (shared.length === 0) throw new InputError('the reference and current data share no column names: nothing to compare');
  return shared;
}

export async function driftReport(reference: DriftSide, current: DriftSide, options: DriftOptions, control: StepControl): Promise<DriftReport> {
  const bins = options.bins ?? 10;
  if (!(Number.isInteger(bins) && bins >= 2)) throw new InputError(`--bins must be a whole number ≥ 2 (got ${bins})`);
  const rows = { reference: sideSize(reference), current: sideSize(current) };
  if (rows.reference === 0) throw new InputError('the reference data has no rows');
  if (rows.current === 0) throw new InputError('the current data has no rows');
  const names = comparedColumns(reference.table, current.table, options.columns);
  const columns = names.map((name) => columnDrift(name, reference, current, bins));
  const domain = options.skipClassifier ? null : await domainClassifier(reference, current, names, options.seed ?? 0, control);
  return { columns, domainClassifier: domain, rows, summary: driftSummary(columns, domain, rows), thresholds: DRIFT_THRESHOLDS };
}

/** The JSON `glassbox drift` writes (and the worker's report gives): contract fields first. */
export function driftJson(report: DriftReport) {
  return {
    columns: report.columns.map(({ name, type, test, statistic, pValue, psi, wasserstein, effectSize, severity, missing }) => ({ name, type, test, statistic, pValue, psi, wasserstein, effectSize, severity, missing })),
    domainClassifier: report.domainClassifier,
    rows: report.rows,
    summary: report.summary,
    thresholds: report.thresholds,
  };
}

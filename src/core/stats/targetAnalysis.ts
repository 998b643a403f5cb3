/**
 * How every column relates to a target: a breakdown of the target rate (classification) or
 * mean (regression) per category or per numeric bin, and the mutual information with the
 * target, columns ranked by mutual information (strongest first; ties keep table order).
 *
 * Task (shared/spec/cli.md, "Tasks"): classification when the target has exactly two distinct
 * non-missing values in scope, regression for a numeric target with more; a categorical, text
 * or boolean target with 3+ classes is an InputError naming the classes (binarize it first);
 * a datetime target, a target with a single value or no value is an InputError.
 * Positive class: `opts.positive` when given (it must be one of the two classes); else `1` for
 * {0, 1}, `true` for booleans; else the less frequent class (on a tie, the class that appears
 * second). Class labels are the values as text (numbers in JavaScript's shortest form).
 *
 * Rows whose target is missing are left out of everything (`n` counts the rest). Groups:
 * - numeric and datetime columns: quantileBins.ts (≤ 10 distinct values → one group per value,
 *   else ~10 quantile bins), plus "(missing)";
 * - categorical, boolean and text columns: the 20 most frequent values (ties: first
 *   appearance), "(other)" for the rest, "(missing)".
 * Mutual information (nats, sklearn.metrics.mutual_info_score) is computed on exactly these
 * groups against the target's classes (classification) or its quantile bins (regression).
 */
import type { Column, RowSelection, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { categoryView } from './columnViews';
import { compensatedSum } from './moments';
import { mutualInformation } from './mutualInformation';
import { quantileBins } from './quantileBins';
import type { TargetAnalysisResult, TargetBreakdownRow, TargetColumnAnalysis } from './results';
import { codeCounts, topCodes } from './valueCounts';

export interface TargetAnalysisOptions {
  /** The positive class label (classification only; ignored for regression). */
  positive?: string;
  /** Number of quantile bins for numeric columns (default 10). */
  bins?: number;
  /** Categories listed per column before "(other)" (default 20). */
  top?: number;
}

export const OTHER_LABEL = '(other)';
export const MISSING_LABEL = '(missing)';
const MAX_CLASSES_NAMED = 10;

interface Target {
  task: 'classification' | 'regression';
  positive: string | null;
  /** Rows analysed (target present), as row indices. */
  rows: Uint32Array;
  /** Per analysed row: 1/0 (classification) or the value (regression). */
  y: Float64Array;
  /** Codes for mutual information. */
  codes: Int32Array;
  classes: number;
}

export function targetAnalysis(
  table: Table,
  targetName: string,
  rows?: RowSelection,
  opts: TargetAnalysisOptions = {},
): TargetAnalysisResult {
  const column = table.columns.find((c) => c.name === targetName);
  if (!column) throw new InputError(`target column '${targetName}' not found`);
  const target = resolveTarget(column, rows ?? allRows(table.rowCount), opts);
  const n = target.rows.length;
  const overall = compensatedSum(target.y) / n;
  const columns: TargetColumnAnalysis[] = [];
  for (const c of table.columns) {
    if (c === column) continue;
    columns.push(analyseColumn(c, target, opts));
  }
  // stable sort keeps table order among equal values
  columns.sort((a, b) => b.mutualInformation - a.mutualInformation);
  return { target: targetName, task: target.task, positive: target.positive, overall, n, columns };
}

function allRows(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function resolveTarget(column: Column, rows: Uint32Array, opts: TargetAnalysisOptions): Target {
  if (column.type === 'datetime') {
    throw new InputError(`target '${column.name}' is a datetime column; choose a numeric, boolean or categorical target`);
  }
  if (column.type === 'numeric') {
    const v = column.values;
    const kept: number[] = [];
    // the first three distinct values (three are enough to know it is not binary)
    const distinct = new Map<number, { count: number; first: number }>();
    for (let i = 0; i < rows.length; i++) {
      const x = v[rows[i]];
      if (x !== x) continue;
      kept.push(rows[i]);
      const key = x === 0 ? 0 : x; // −0 → 0
      const d = distinct.get(key);
      if (d) d.count++;
      else if (distinct.size < 3) distinct.set(key, { count: 1, first: kept.length - 1 });
    }
    const targetRows = Uint32Array.from(kept);
    if (distinct.size < 2) throw singleClass(column, [...distinct.keys()].map(String));
    if (distinct.size > 2) {
      const y = Float64Array.from(targetRows, (r) => v[r]);
      const bins = quantileBins(y);
      return { task: 'regression', positive: null, rows: targetRows, y, codes: bins.codes, classes: bins.bounds.length };
    }
    const classes = [...distinct.entries()].map(([value, s]) => ({ label: String(value), value, ...s }));
    const isBinary01 = classes.every((c) => c.value === 0 || c.value === 1);
    const positive = pickPositive(column, classes, opts.positive, isBinary01 ? '1' : undefined);
    const pv = classes.find((c) => c.label === positive)!.value;
    const y = Float64Array.from(targetRows, (r) => (v[r] === pv ? 1 : 0));
    return { task: 'classification', positive, rows: targetRows, y, codes: Int32Array.from(y), classes: 2 };
  }
  // boolean, categorical, text
  const view = categoryView(column)!;
  const { counts, first } = codeCounts(view.codes, view.labels.length, rows);
  const present = topCodes(counts, first, view.labels.length).sort((a, b) => first[a] - first[b]);
  const labels = present.map((c) => view.labels[c]);
  if (present.length < 2) throw singleClass(column, labels);
  if (present.length > 2) {
    const named = labels.slice(0, MAX_CLASSES_NAMED).map((l) => `'${l}'`).join(', ');
    const more = labels.length > MAX_CLASSES_NAMED ? `, … (${labels.length} classes)` : '';
    throw new InputError(
      `target '${column.name}' has ${labels.length} classes (${named}${more}); only binary classification is supported — binarize it first, e.g. ${column.name} = '${labels[0]}'`,
    );
  }
  const classes = present.map((c) => ({ label: view.labels[c], count: counts[c], first: first[c] }));
  const positive = pickPositive(column, classes, opts.positive, column.type === 'boolean' ? 'true' : undefined);
  const pc = present[labels.indexOf(positive)];
  const kept: number[] = [];
  for (let i = 0; i < rows.length; i++) if (view.codes[rows[i]] >= 0) kept.push(rows[i]);
  const targetRows = Uint32Array.from(kept);
  const y = Float64Array.from(targetRows, (r) => (view.codes[r] === pc ? 1 : 0));
  return { task: 'classification', positive, rows: targetRows, y, codes: Int32Array.from(y), classes: 2 };
}

function pickPositive(
  column: Column,
  classes: { label: string; count: number; first: number }[],
  requested: string | undefined,
  conventional: string | undefined,
): string {
  if (requested !== undefined) {
    const hit = classes.find((c) => c.label === requested || (column.type === 'numeric' && Number(requested) === Number(c.label)));
    if (!hit) {
      throw new InputError(
        `positive class '${requested}' is not a value of target '${column.name}' (its classes are ${classes.map((c) => `'${c.label}'`).join(' and ')})`,
      );
    }
    return hit.label;
  }
  if (conventional !== undefined) return conventional;
  const [a, b] = [...classes].sort((x, y) => x.first - y.first);
  return a.count < b.count ? a.label : b.label;
}

function singleClass(column: Column, labels: string[]): InputError {
  return new InputError(
    labels.length === 0
      ? `target '${column.name}' has no non-missing values in the rows in scope`
      : `target '${column.name}' has a single value ('${labels[0]}') in the rows in scope; nothing to analyse`,
  );
}

interface Groups {
  /** Per analysed row. */
  codes: Int32Array;
  rows: TargetBreakdownRow[];
}

function analyseColumn(column: Column, target: Target, opts: TargetAnalysisOptions): TargetColumnAnalysis {
  const groups = column.type === 'numeric' || column.type === 'datetime' ? numericGroups(column, target, opts) : categoryGroups(column, target, opts);
  const k = groups.rows.length;
  const sums = new Float64Array(k);
  const comp = new Float64Array(k);
  const counts = new Float64Array(k);
  const { y } = target;
  for (let i = 0; i < groups.codes.length; i++) {
    const g = groups.codes[i];
    counts[g]++;
    // Neumaier summation per group (regression means over up to 1e6 rows)
    const v = y[i];
    const s = sums[g];
    const t = s + v;
    comp[g] += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    sums[g] = t;
  }
  groups.rows.forEach((row, g) => {
    row.count = counts[g];
    row.value = counts[g] > 0 ? (sums[g] + comp[g]) / counts[g] : null;
  });
  const mi = mutualInformation(groups.codes, k, target.codes, target.classes);
  return { column: column.name, type: column.type, mutualInformation: mi, rows: groups.rows };
}

function numericGroups(column: Column & { values: Float64Array }, target: Target, opts: TargetAnalysisOptions): Groups {
  const bins = quantileBins(column.values, target.rows, opts.bins);
  const format = column.type === 'datetime' ? formatDatetime : formatNumber;
  const rows: TargetBreakdownRow[] = bins.bounds.map((b, i) => ({
    label:
      bins.kind === 'values'
        ? format(b.start)
        : `${i === 0 ? '[' : '('}${format(b.start)}, ${format(b.end)}]`,
    count: 0,
    value: null,
    start: b.start,
    end: b.end,
  }));
  const codes = bins.codes;
  if (bins.missing > 0) {
    const m = rows.length;
    rows.push({ label: MISSING_LABEL, count: 0, value: null });
    for (let i = 0; i < codes.length; i++) if (codes[i] < 0) codes[i] = m;
  }
  return { codes, rows };
}

function categoryGroups(column: Column, target: Target, opts: TargetAnalysisOptions): Groups {
  const view = categoryView(column)!;
  const { counts, first, missing } = codeCounts(view.codes, view.labels.length, target.rows);
  let distinct = 0;
  for (let c = 0; c < counts.length; c++) if (counts[c] > 0) distinct++;
  const top = topCodes(counts, first, opts.top ?? 20);
  const group = new Int32Array(view.labels.length).fill(top.length); // default: (other)
  top.forEach((c, g) => (group[c] = g));
  const rows: TargetBreakdownRow[] = top.map((c) => ({ label: view.labels[c], count: 0, value: null }));
  const hasOther = distinct > top.length;
  if (hasOther) rows.push({ label: OTHER_LABEL, count: 0, value: null });
  const missingGroup = rows.length;
  if (missing > 0) rows.push({ label: MISSING_LABEL, count: 0, value: null });
  const codes = new Int32Array(target.rows.length);
  for (let i = 0; i < codes.length; i++) {
    const c = view.codes[target.rows[i]];
    codes[i] = c < 0 ? missingGroup : group[c];
  }
  return { codes, rows };
}

/** Up to 6 significant digits, shortest form. */
function formatNumber(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** ISO 8601 UTC, the date alone at midnight. */
function formatDatetime(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

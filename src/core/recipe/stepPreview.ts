/**
 * What one recipe step does to one column, on the training rows, as training fits it: the
 * column's values just before the step and what the step made of them (fitRecipe.ts
 * `traceStep`), summarised for a before/after view — count, missing, mean, standard deviation
 * (ddof = 1, as pandas), min, max and a histogram for numbers; the most frequent values for
 * categories; the share of each one-hot feature — with the parameters the step fitted.
 * targetEncode's values are the out-of-fold encodings training sees.
 */
import type { Table } from '../data/table';
import { histogram } from '../stats/distribution';
import { moments } from '../stats/moments';
import type { Histogram } from '../stats/results';
import { traceStep, type FitOptions } from './fitRecipe';
import type { NumericOp } from './fittedRecipe';
import type { CombineOp, DatePart, Recipe } from './recipe';
import { countValues } from './steps/trainingValues';
import { nameOf, type WorkingColumn } from './steps/workingColumn';

/** How many categories a categorical summary lists. */
export const PREVIEW_TOP = 10;

const MS_PER_DAY = 86_400_000;

export interface NumericSummary {
  mean: number | null;
  /** Sample standard deviation (ddof = 1); null below two values. */
  std: number | null;
  min: number | null;
  max: number | null;
  distinct: number;
  histogram: Histogram;
}

export interface ColumnStateSummary {
  name: string;
  /** numeric: a number per row; categorical: text not encoded yet; oneHot: 0/1 features. */
  kind: 'numeric' | 'categorical' | 'oneHot';
  /** Whether the values are still the raw dates (days since 1970-01-01; the histogram is on a time axis). */
  dates: boolean;
  /** Training rows. */
  rows: number;
  missing: number;
  numeric: NumericSummary | null;
  /** categorical: the most frequent values; oneHot: every feature's rows with 1 (kept categories, then "other"). */
  categories: { value: string; count: number }[] | null;
  /** Distinct non-missing values of a categorical column. */
  distinct: number | null;
  /** The missing-value indicator feature, when the column has one: rows with 1. */
  indicator: { name: string; ones: number } | null;
}

/** What the step fitted for the column, as plain data (the UI words it). */
export type FittedPart =
  | { kind: 'op'; op: NumericOp }
  | { kind: 'lookup'; encoding: 'ordinal' | 'target'; categories: number; fallback: number; examples: { key: string; value: number }[] }
  | { kind: 'oneHot'; categories: string[] }
  | { kind: 'combine'; left: string; op: CombineOp; right: string }
  | { kind: 'datePart'; part: DatePart; reference: number | null }
  | { kind: 'categoricalImpute'; value: string }
  | { kind: 'none' };

export interface StepColumnPreview {
  step: number;
  column: string;
  before: ColumnStateSummary | null;
  after: { summary: ColumnStateSummary; fitted: FittedPart; indicatorAdded: boolean }[];
  /** Training rows the step was fitted on. */
  rows: number;
}

export function previewRecipeStep(table: Table, recipe: Recipe, options: FitOptions, step: number, column: string): StepColumnPreview {
  const typeOf = new Map(table.columns.map((c) => [c.name, c.type]));
  const trace = traceStep(table, recipe, options, step, column);
  const summarise = (state: WorkingColumn) => summariseColumn(state, typeOf);
  return {
    step,
    column,
    before: trace.before ? summarise(trace.before) : null,
    after: trace.after.map((state) => ({
      summary: summarise(state),
      fitted: fittedPart(trace.before, state),
      indicatorAdded: state.kind === 'numeric' && state.fitted.indicator && !(trace.before?.kind === 'numeric' && trace.before.fitted.indicator),
    })),
    rows: options.rows.length,
  };
}

function summariseColumn(state: WorkingColumn, typeOf: Map<string, string>): ColumnStateSummary {
  const name = nameOf(state);
  const base = { name, dates: false, numeric: null, categories: null, distinct: null, indicator: null };
  switch (state.kind) {
    case 'categorical': {
      const counts = countValues(state.values);
      let missing = 0;
      for (const v of state.values) if (v === null) missing++;
      // most frequent first; ties by first appearance (countValues keeps it, sort is stable)
      const categories = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, PREVIEW_TOP).map(([value, count]) => ({ value, count }));
      return { ...base, kind: 'categorical', rows: state.values.length, missing, categories, distinct: counts.size };
    }
    case 'oneHot': {
      const labels = [...state.fitted.categories, 'other'];
      const categories = state.values.map((v, k) => ({ value: labels[k], count: countOnes(v) }));
      return { ...base, kind: 'oneHot', rows: state.values[0]?.length ?? 0, missing: 0, categories };
    }
    case 'numeric': {
      const f = state.fitted;
      // still dates when only imputation or clipping has touched them (they keep the unit)
      const dates = f.source.from === 'input' && typeOf.get(f.source.column) === 'datetime' && f.ops.every((op) => op.op === 'impute' || op.op === 'clip');
      const values = dates ? state.values.map((d) => d * MS_PER_DAY) : state.values;
      const m = moments(values);
      const h = histogram(name, dates ? 'datetime' : 'numeric', values, undefined);
      const n = m.count;
      const distinct = new Set(values.filter((v) => !Number.isNaN(v))).size;
      const numeric: NumericSummary = {
        mean: n > 0 ? m.mean : null,
        std: n > 1 ? Math.sqrt(m.variance) : null,
        min: n > 0 ? m.min : null,
        max: n > 0 ? m.max : null,
        distinct,
        histogram: h,
      };
      const indicator = f.indicator && state.missing ? { name: `${name}__missing`, ones: countOnes(state.missing) } : null;
      return { ...base, kind: 'numeric', dates, rows: values.length, missing: values.length - n, numeric, indicator };
    }
  }
}

function countOnes(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 1) n++;
  return n;
}

/** The part of `after` the step added to `before`. */
function fittedPart(before: WorkingColumn | null, after: WorkingColumn): FittedPart {
  if (after.kind === 'oneHot') return { kind: 'oneHot', categories: after.fitted.categories };
  if (after.kind === 'categorical') return after.impute !== null && (before?.kind !== 'categorical' || before.impute === null) ? { kind: 'categoricalImpute', value: after.impute } : { kind: 'none' };
  const f = after.fitted;
  const opsBefore = before?.kind === 'numeric' && nameOf(before) === f.name ? before.fitted.ops.length : 0;
  if (f.ops.length > opsBefore) return { kind: 'op', op: f.ops[f.ops.length - 1] };
  const s = f.source;
  switch (s.from) {
    case 'lookup':
      return { kind: 'lookup', encoding: s.encoding, categories: s.keys.length, fallback: s.fallback, examples: s.keys.slice(0, 5).map((key, i) => ({ key, value: s.values[i] })) };
    case 'combine':
      return { kind: 'combine', left: s.left.column, op: s.op, right: s.right.column };
    case 'datePart':
      return { kind: 'datePart', part: s.part, reference: s.reference };
    default:
      return { kind: 'none' };
  }
}

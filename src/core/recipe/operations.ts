/**
 * The element-wise operations of a fitted recipe, shared by fitting (the values later steps are
 * fitted on, and the training features) and by applyRecipe.ts, so both compute the same float64
 * numbers. src/core/export/recipeGraph.ts writes the same operations as ONNX nodes in
 * double; bins and the day of a date compare the value rounded to float32, here and there.
 */
import { civilFromDays, dayOfWeek } from './civilDate';
import type { LookupSource, NumericOp } from './fittedRecipe';
import type { CombineOp, DatePart } from './recipe';

export function applyNumericOp(op: NumericOp, v: number): number {
  switch (op.op) {
    case 'impute':
      return Number.isNaN(v) ? op.value : v;
    case 'log':
      return Math.log1p(v);
    case 'clip':
      return Number.isNaN(v) ? v : Math.min(op.upper, Math.max(op.lower, v));
    case 'scale':
      return (v - op.center) / op.scale;
    case 'bin':
      return binIndex(op.edges, v);
  }
}

/** How many of `edges` (ascending float32 values) are ≤ the value rounded to float32; missing stays missing. */
export function binIndex(edges: readonly number[], v: number): number {
  if (Number.isNaN(v)) return v;
  const x = Math.fround(v);
  let k = 0;
  while (k < edges.length && edges[k] <= x) k++;
  return k;
}

/** A lookup source as a function of the cell's text ('' = missing). */
export function lookupFunction(source: LookupSource): (text: string) => number {
  const map = new Map<string, number>();
  source.keys.forEach((k, i) => map.set(k, source.values[i]));
  const impute = source.impute;
  return (text) => map.get(text === '' && impute !== null ? impute : text) ?? source.fallback;
}

/** left op right; a division by zero is missing (NaN). */
export function combineValue(op: CombineOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? NaN : a / b;
  }
}

/**
 * A part of the date `days` (days since 1970-01-01) as the model sees it: the whole day of the
 * float32 value, as in the ONNX graph. float32 days step by 1/1024 day for 1992–2014 and 1/512
 * day (169 s) for 2014–2059, so a time within half a step of midnight counts as the next day.
 * `reference`: daysSince's reference day.
 */
export function datePartValue(part: DatePart, days: number, reference: number | null): number {
  if (Number.isNaN(days)) return NaN;
  const day = Math.floor(Math.fround(days));
  switch (part) {
    case 'year':
      return civilFromDays(day).year;
    case 'month':
      return civilFromDays(day).month;
    case 'dayOfMonth':
      return civilFromDays(day).day;
    case 'dayOfWeek':
      return dayOfWeek(day);
    case 'daysSince':
      return day - (reference ?? 0);
  }
}

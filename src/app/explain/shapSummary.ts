/**
 * What the Shapley views show, computed from an explanation (no DOM): global importance — the
 * mean |value| per feature over the explained rows, largest first —, the beeswarm's points (each
 * row's value per feature, coloured by where the row's feature value ranks among the explained
 * rows: 0 = lowest, 1 = highest; text values uncoloured), and one row's waterfall (the base value,
 * then the features by |value|, the smallest beyond `top` folded into one step, ending at f(x)).
 */
import type { ExplainResult } from '../../workers/workbenchApi';

export interface Importance {
  feature: string;
  meanAbs: number;
}

export function globalImportance(result: Pick<ExplainResult, 'features' | 'values'>): Importance[] {
  const n = result.values.length;
  return result.features
    .map((feature, k) => ({ feature, meanAbs: result.values.reduce((s, v) => s + Math.abs(v[k]), 0) / Math.max(1, n) }))
    .sort((a, b) => b.meanAbs - a.meanAbs || a.feature.localeCompare(b.feature));
}

export interface SwarmPoint {
  feature: string;
  value: number;
  /** Rank of the row's feature value among the explained rows, 0 … 1; null for text or missing values. */
  level: number | null;
  shown: string;
}

export function beeswarmPoints(result: Pick<ExplainResult, 'features' | 'values' | 'featureValues'>): SwarmPoint[] {
  const points: SwarmPoint[] = [];
  result.features.forEach((feature, k) => {
    const raw = result.featureValues.map((row) => row[k]);
    const numbers = raw.map((v) => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null));
    const sorted = numbers.filter((v): v is number => v !== null).sort((a, b) => a - b);
    const rank = (v: number) => {
      if (sorted.length < 2 || sorted[0] === sorted[sorted.length - 1]) return 0.5;
      let lo = 0;
      while (lo < sorted.length && sorted[lo] < v) lo++;
      let hi = lo;
      while (hi < sorted.length && sorted[hi] === v) hi++;
      return (lo + hi - 1) / 2 / (sorted.length - 1);
    };
    result.values.forEach((v, r) => {
      const x = numbers[r];
      points.push({ feature, value: v[k], level: x === null ? null : rank(x), shown: raw[r] === null ? 'missing' : String(raw[r]) });
    });
  });
  return points;
}

export interface WaterfallStep {
  label: string;
  /** Running total before and after the step. */
  start: number;
  end: number;
  kind: 'base' | 'up' | 'down' | 'total';
  shown: string;
}

export function waterfall(result: Pick<ExplainResult, 'features' | 'values' | 'featureValues' | 'baseValue'>, row: number, top = 10): WaterfallStep[] {
  const v = result.values[row];
  const order = result.features.map((_, k) => k).sort((a, b) => Math.abs(v[b]) - Math.abs(v[a]) || a - b);
  const steps: WaterfallStep[] = [{ label: 'Base value', start: 0, end: result.baseValue, kind: 'base', shown: '' }];
  let at = result.baseValue;
  const add = (label: string, value: number, shown: string) => {
    steps.push({ label, start: at, end: at + value, kind: value >= 0 ? 'up' : 'down', shown });
    at += value;
  };
  order.slice(0, top).forEach((k) => add(result.features[k], v[k], result.featureValues[row][k] === null ? 'missing' : String(result.featureValues[row][k])));
  const rest = order.slice(top);
  if (rest.length) add(`${rest.length} other features`, rest.reduce((s, k) => s + v[k], 0), '');
  steps.push({ label: 'Prediction', start: 0, end: at, kind: 'total', shown: '' });
  return steps;
}

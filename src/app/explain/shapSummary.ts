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

/** Each explained row's level (mid-rank among the rows, 0 … 1) of feature k; null for text or missing values. */
function featureLevels(result: Pick<ExplainResult, 'featureValues'>, k: number): (number | null)[] {
  const numbers = result.featureValues.map((row) => {
    const v = row[k];
    return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : null;
  });
  const sorted = numbers.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const rank = (v: number) => {
    if (sorted.length < 2 || sorted[0] === sorted[sorted.length - 1]) return 0.5;
    let lo = 0;
    while (lo < sorted.length && sorted[lo] < v) lo++;
    let hi = lo;
    while (hi < sorted.length && sorted[hi] === v) hi++;
    return (lo + hi - 1) / 2 / (sorted.length - 1);
  };
  return numbers.map((x) => (x === null ? null : rank(x)));
}

const shownAt = (result: Pick<ExplainResult, 'featureValues'>, r: number, k: number) => (result.featureValues[r][k] === null ? 'missing' : String(result.featureValues[r][k]));

export function beeswarmPoints(result: Pick<ExplainResult, 'features' | 'values' | 'featureValues'>): SwarmPoint[] {
  return result.features.flatMap((feature, k) => {
    const levels = featureLevels(result, k);
    return result.values.map((v, r) => ({ feature, value: v[k], level: levels[r], shown: shownAt(result, r, k) }));
  });
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

export interface DependencePoint {
  /** The row's value of the feature (a number, or its text); null when missing. */
  x: number | string | null;
  value: number;
  /** The interacting feature's level (0 … 1), −1 when text or missing. */
  colour: number;
  shown: string;
}

/**
 * The feature that most changes `feature`'s Shapley values at equal values of `feature` (SHAP's
 * `approximate_interactions` idea): rows ordered by the feature's value, cut into bins of about
 * equal size, and per other feature the size-weighted sum of |Pearson correlation| within bins
 * between its value rank and `feature`'s Shapley value. Null when no other numeric feature varies.
 */
export function strongestInteraction(result: Pick<ExplainResult, 'features' | 'values' | 'featureValues'>, feature: number, bins = 10): number | null {
  const n = result.values.length;
  const levels = result.features.map((_, k) => featureLevels(result, k));
  const levelOf = (k: number, r: number) => levels[k][r];
  const key = (r: number) => {
    const v = result.featureValues[r][feature];
    return typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? v : '';
  };
  const order = Array.from({ length: n }, (_, r) => r).sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  });
  const size = Math.max(3, Math.ceil(n / bins));
  let best: number | null = null;
  let bestScore = 0;
  result.features.forEach((_, g) => {
    if (g === feature) return;
    let score = 0;
    for (let from = 0; from < n; from += size) {
      const chunk = order.slice(from, from + size).filter((r) => levelOf(g, r) !== null);
      if (chunk.length < 3) continue;
      const xs = chunk.map((r) => levelOf(g, r)!);
      const ys = chunk.map((r) => result.values[r][feature]);
      score += chunk.length * Math.abs(pearson(xs, ys));
    }
    if (score > bestScore) {
      bestScore = score;
      best = g;
    }
  });
  return best;
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** The dependence plot's points: the feature's value against its Shapley value, coloured by another feature. */
export function dependencePoints(result: Pick<ExplainResult, 'features' | 'values' | 'featureValues'>, feature: number, colourBy: number | null): DependencePoint[] {
  const levels = colourBy === null ? null : featureLevels(result, colourBy);
  return result.values.map((v, r) => {
    const raw = result.featureValues[r][feature];
    return {
      x: typeof raw === 'number' ? raw : raw === null ? null : String(raw),
      value: v[feature],
      colour: levels ? (levels[r] ?? -1) : -1,
      shown: colourBy === null ? '' : shownAt(result, r, colourBy),
    };
  });
}

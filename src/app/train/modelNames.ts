/**
 * Models in words: their names and their settings as a short phrase (leaderboard, results,
 * the Train button's summary).
 */
import type { ModelKind, TrainParams } from '../../core/pipeline/trainParams';
import { TREE_PARAMS, type ModelFamily } from './trainSettings';

export const MODEL_NAMES: Record<ModelKind, string> = {
  logistic: 'Logistic regression',
  linear: 'Linear (ridge) regression',
  tree: 'Decision tree',
  forest: 'Random forest',
  gbdt: 'Gradient boosting',
};

export const SHORT_NAMES: Record<ModelKind, string> = { logistic: 'Logistic', linear: 'Linear', tree: 'Tree', forest: 'Forest', gbdt: 'GBDT' };

export const FAMILY_LABELS: Record<ModelFamily, string> = {
  linear: 'Linear',
  tree: 'Decision tree',
  forest: 'Random forest',
  gbdt: 'Gradient boosting',
};

const PHRASES: Record<keyof TrainParams, (v: number) => string> = {
  nEstimators: (v) => `${v} trees`,
  maxDepth: (v) => `depth ${v}`,
  learningRate: (v) => `learning rate ${v}`,
  minSamplesLeaf: (v) => `≥ ${v} rows per leaf`,
  l2: (v) => `L2 ${v}`,
  subsample: (v) => `row share ${v}`,
  colsampleByTree: (v) => `feature share ${v}`,
  maxBins: (v) => `${v} bins`,
  earlyStoppingRounds: (v) => `early stopping after ${v} rounds`,
  validationFraction: (v) => `validation share ${v}`,
};

/** e.g. "L2 1" or "200 trees, depth 4, learning rate 0.05" (unset parameters: the defaults). */
export function paramsWords(kind: ModelKind, params: TrainParams): string {
  if (kind === 'logistic' || kind === 'linear') return `L2 ${params.l2 ?? 1}`;
  const set = TREE_PARAMS[kind].filter((p) => params[p.name] !== undefined).map((p) => PHRASES[p.name](Number(params[p.name]!.toPrecision(4))));
  return set.length ? set.join(', ') : 'default settings';
}

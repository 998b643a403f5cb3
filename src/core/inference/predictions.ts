/**
 * `prediction` and `score` from scores and a threshold, as `glassbox predict` writes them:
 * classifiers predict the positive label iff score >= threshold (never the model's own label
 * output); regressors predict the value and have no score.
 */
import { InputError } from '../errors/errors';
import type { ModelSignature } from './modelSignature';

export const DEFAULT_THRESHOLD = 0.5;

export interface Predictions {
  /** Header names appended to the data. */
  header: string[];
  /** Per row: the predicted label or value (null when the model gave no number). */
  prediction: (string | number | null)[];
  /** Per row: P(positive) (classifiers only). */
  score: Float64Array | null;
}

export function checkThreshold(threshold: number): number {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new InputError(`the threshold must be a number between 0 and 1 (got ${threshold})`);
  }
  return threshold;
}

export function predictionsFrom(signature: Pick<ModelSignature, 'task' | 'classLabels'>, scores: Float64Array, threshold = DEFAULT_THRESHOLD): Predictions {
  checkThreshold(threshold);
  const n = scores.length;
  const prediction = new Array<string | number | null>(n);
  if (signature.task === 'regression') {
    for (let i = 0; i < n; i++) prediction[i] = Number.isFinite(scores[i]) ? scores[i] : null;
    return { header: ['prediction'], prediction, score: null };
  }
  const [negative, positive] = signature.classLabels ?? [0, 1];
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    prediction[i] = Number.isNaN(s) ? null : s >= threshold ? positive : negative;
  }
  return { header: ['prediction', 'score'], prediction, score: scores };
}

/** The worker requests of the Fairness step, built from the evaluation target and the expert's choices. */
import type { OutcomeValues } from '../../core/fairness/outcomeValue';
import type { EvaluationRequest, FairnessRequest, ThresholdRequest } from '../../workers/workbenchApi';
import type { FairnessChoices } from './fairnessChoices';

export const FAIRNESS_SEED = 0;

/** On the 0.01 grid the threshold view always counts at; other thresholds are asked for explicitly. */
function onGrid(t: number): boolean {
  return Math.abs(t * 100 - Math.round(t * 100)) < 1e-9;
}

/** A threshold as text: two decimals on the slider's grid, four otherwise (e.g. the value-maximising one). */
export function thresholdText(t: number): string {
  return onGrid(t) ? t.toFixed(2) : t.toFixed(4);
}

export function fairnessRequest(request: EvaluationRequest, choices: FairnessChoices, threshold: number): FairnessRequest | null {
  if (choices.sensitive.length === 0) return null;
  return { target: request.target, positive: request.positive, split: request.split, sensitive: choices.sensitive, bins: choices.bins, favorable: choices.favorable, threshold, seed: FAIRNESS_SEED };
}

export function thresholdRequest(request: EvaluationRequest, choices: FairnessChoices, values: OutcomeValues, threshold: number): ThresholdRequest | null {
  if (choices.sensitive.length === 0) return null;
  return {
    target: request.target,
    positive: request.positive,
    split: request.split,
    sensitive: choices.sensitive,
    bins: choices.bins,
    favorable: choices.favorable,
    values,
    ...(choices.baseline ? { baseline: choices.baseline } : {}),
    ...(onGrid(threshold) ? {} : { extra: [threshold] }),
  };
}

/** "4,000 of 20,000 rows (held out)" for chart subtitles. */
export function rowsText(rows: number, total: number, split: EvaluationRequest['split']): string {
  const where = split === 'test' ? ' (held out)' : split === 'train' ? ' (training rows)' : '';
  return `${rows.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows${where}`;
}

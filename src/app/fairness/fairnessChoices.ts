/**
 * What the expert chooses in the Fairness step, with sensible first choices: sensitive columns
 * whose names say what they are (sex, race, age…), else the first categorical column; the
 * favourable outcome — the contract's default is the positive class, but when the target names a
 * harm (default, recidivism, churn, fraud) the benefit is the other class; outcome values of
 * ±1 (right or wrong) until the expert enters real ones.
 */
import type { OutcomeValues } from '../../core/fairness/outcomeValue';
import type { BaselineRule, ColumnInfo, EvaluationRequest } from '../../workers/workbenchApi';

export interface FairnessChoices {
  sensitive: string[];
  bins: number;
  favorable: string;
  baseline: BaselineRule | null;
  /** The unit of the outcome values (e.g. EUR), for labels only. */
  unit: string;
}

export const DEFAULT_VALUES: OutcomeValues = { tp: 1, fp: -1, fn: -1, tn: 1 };
export const DEFAULT_BINS = 4;
const SENSITIVE = /^(sex|gender|race|ethnic|age|religion|marital|nationality|native|disab|foreign)/i;
const HARM = /default|recid|churn|fraud|bad|delinq|risk|fail/i;

export function defaultFairnessSettings(columns: readonly ColumnInfo[], request: EvaluationRequest, classes: readonly string[]): FairnessChoices {
  const candidates = columns.filter((c) => c.name !== request.target);
  const named = candidates.filter((c) => SENSITIVE.test(c.name)).map((c) => c.name);
  const fallback = candidates.find((c) => c.type === 'categorical' || c.type === 'boolean')?.name;
  const positive = request.positive!;
  const negative = classes.find((c) => c !== positive) ?? positive;
  return {
    sensitive: named.length ? named.slice(0, 2) : fallback ? [fallback] : [],
    bins: DEFAULT_BINS,
    favorable: HARM.test(request.target) ? negative : positive,
    baseline: null,
    unit: '',
  };
}

/**
 * The worker's fairness inputs: the scored model's rows with a target (as the evaluation views
 * use them), their classes, the favourable outcome, the sensitive attributes over those rows,
 * and the decisions at a threshold (predicted positive iff score ≥ threshold) — the same inputs
 * `glassbox fairness` reads from `glassbox predict`'s output.
 */
import { requireColumn } from '../core/data/columnLookup';
import { selectRows } from '../core/data/filter/evaluateFilter';
import type { Table } from '../core/data/table';
import { InputError } from '../core/errors/errors';
import { favourableClass } from '../core/fairness/fairnessReport';
import type { DecisionRows } from '../core/fairness/groupMetrics';
import { sensitiveAttributes, type SensitiveAttribute } from '../core/fairness/sensitiveGroups';
import type { ScoredRows } from '../core/validation/evaluateScores';
import type { BaselineRule, FairnessSettings } from './workbenchApi';

export interface FairnessInputs {
  rows: Uint32Array;
  y: Uint8Array;
  score: Float64Array;
  positive: string;
  negative: string;
  favorable: string;
  favorableIsPositive: boolean;
  attributes: SensitiveAttribute[];
}

export function fairnessInputs(table: Table, scored: ScoredRows, settings: FairnessSettings, source: string): FairnessInputs {
  if (scored.task !== 'classification') throw new InputError('fairness reports cover binary classifiers; this model predicts a number (regression)');
  const sensitive = settings.sensitive.map((name) => requireColumn(table, name, source));
  const favorable = favourableClass([scored.positive, scored.negative], scored.positive, settings.favorable);
  return {
    rows: scored.rows,
    y: scored.label,
    score: scored.score,
    positive: scored.positive,
    negative: scored.negative,
    favorable,
    favorableIsPositive: favorable === scored.positive,
    attributes: sensitiveAttributes(sensitive, Array.from(scored.rows), settings.bins),
  };
}

export function decisionsAt(inputs: FairnessInputs, threshold: number): DecisionRows {
  return {
    y: inputs.y,
    predicted: Uint8Array.from(inputs.score, (s) => (s >= threshold ? 1 : 0)),
    score: inputs.score,
    favorableIsPositive: inputs.favorableIsPositive,
  };
}

/** The baseline rule's decisions (1 = predicted positive) on the inputs' rows, and how many it matches. */
export function baselineDecisions(table: Table, inputs: FairnessInputs, baseline: BaselineRule): { predicted: Uint8Array; matched: number } {
  if (baseline.rule.trim() === '') throw new InputError('write the baseline rule as a condition, e.g. income > 40000');
  const selection = selectRows(table, baseline.rule);
  const inRule = new Uint8Array(table.rowCount);
  if (selection) for (const r of selection) inRule[r] = 1;
  else inRule.fill(1);
  // matched rows get the stated outcome; as a class: favourable ↔ positive when the favourable outcome is the positive class
  const matchedPositive = (baseline.gives === 'favorable') === inputs.favorableIsPositive ? 1 : 0;
  let matched = 0;
  const predicted = Uint8Array.from(inputs.rows, (r) => {
    matched += inRule[r];
    return inRule[r] ? matchedPositive : 1 - matchedPositive;
  });
  return { predicted, matched };
}

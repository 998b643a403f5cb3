/**
 * A scored model's decisions for a fairness report: the rows with a target and a score (as the
 * evaluation reads them), their classes, the favourable outcome, the sensitive attributes over
 * those rows, and the decisions at a threshold (predicted positive iff score ≥ threshold) — the
 * same inputs `glassbox fairness` reads from `glassbox predict`'s output. Used by the worker and
 * by `glassbox snapshot`.
 */
import { requireColumn } from '../data/columnLookup';
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { ScoredRows } from '../validation/evaluateScores';
import { favourableClass } from './fairnessReport';
import type { DecisionRows } from './groupMetrics';
import { sensitiveAttributes, type SensitiveAttribute } from './sensitiveGroups';

export interface FairnessChoice {
  sensitive: string[];
  bins: number;
  favorable?: string;
}

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

export function fairnessInputs(table: Table, scored: ScoredRows, settings: FairnessChoice, source: string): FairnessInputs {
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


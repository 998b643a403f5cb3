/**
 * The evaluation a snapshot records, computed the one way `glassbox snapshot`, the app and
 * `glassbox verify` all use: the model scores the table (deterministic Scorer), the rows with a
 * target and a score — all, or the recorded row numbers — are compared with the target as
 * `glassbox metrics --ci --seed` does (threshold for classifiers), and, with sensitive columns,
 * the fairness report of the decisions at the threshold.
 */
import type { Table } from '../data/table';
import { fairnessSteps, type FairnessReport } from '../fairness/fairnessReport';
import { decisionsAt, fairnessInputs } from '../fairness/scoredDecisions';
import type { Scorer } from '../inference/scorer';
import { finish } from '../progress/steps';
import { metricsOf, scoredRows, type MetricsResult } from '../validation/evaluateScores';

export interface EvaluationSpec {
  target: string;
  positive?: string;
  threshold: number;
  /** Table rows evaluated (default: all). */
  rows?: Uint32Array;
  seed: number;
  sensitive?: string[];
  favorable?: string;
  bins?: number;
  source: string;
}

export interface EvaluationOutcome {
  task: 'classification' | 'regression';
  positive: string | null;
  n: number;
  metrics: MetricsResult;
  fairness: FairnessReport | null;
}

/** `scores`: the model's scores of every table row when already computed with this scorer and mapping (the app's scoring); else the scorer scores the table. */
export async function evaluateForSnapshot(table: Table, scorer: Scorer, mapping: string[], spec: EvaluationSpec, scores?: Float64Array): Promise<EvaluationOutcome> {
  scores ??= await scorer.score(table, mapping);
  const task = scorer.signature.task;
  const scored = scoredRows(table, scores, "the model's scores", { target: spec.target, task, positive: spec.positive, rows: spec.rows, source: spec.source });
  const metrics = metricsOf(scored, { threshold: spec.threshold, ci: true, seed: spec.seed });
  let fairness: FairnessReport | null = null;
  if (spec.sensitive && spec.sensitive.length > 0) {
    const inputs = fairnessInputs(table, scored, { sensitive: spec.sensitive, bins: spec.bins ?? 4, favorable: spec.favorable }, spec.source);
    fairness = finish(fairnessSteps(decisionsAt(inputs, spec.threshold), inputs.attributes, { positive: inputs.positive, favorable: inputs.favorable, seed: spec.seed, threshold: spec.threshold }));
  }
  return { task, positive: scored.task === 'classification' ? scored.positive : null, n: scored.rows.length, metrics, fairness };
}

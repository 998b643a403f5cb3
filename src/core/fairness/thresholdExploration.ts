/**
 * Everything the threshold views need, for every threshold at once, so moving a slider never
 * rescores a row: the confusion counts overall and per group at the thresholds 0, 0.01, …, 1 plus
 * the value-maximising threshold (thresholdSweep.ts, outcomeValue.ts), each group's ROC curve
 * (scikit-learn's roc_curve, thinned for drawing), and the counts of a baseline rule's decisions.
 */
import type { RocCurve } from '../validation/curves';
import { rocCurve } from '../validation/curves';
import { thinRoc } from '../validation/modelEvaluation';
import { countDecisions, type DecisionCounts } from './decisionCounts';
import { bestThreshold, type BestThreshold, type OutcomeValues } from './outcomeValue';
import type { SensitiveAttribute } from './sensitiveGroups';
import { sortedScores, sweepCounts, thresholdGrid, type SweepCounts } from './thresholdSweep';

export const THRESHOLD_STEPS = 100;

export interface ExplorationGroup {
  group: string;
  count: number;
  counts: SweepCounts;
  roc: RocCurve | null;
  /** The baseline rule's decisions in this group. */
  baseline: DecisionCounts | null;
}

export interface ThresholdExploration {
  thresholds: number[];
  overall: SweepCounts;
  attributes: { name: string; groups: ExplorationGroup[] }[];
  /** The threshold with the largest total value (exact over every distinct score). */
  best: BestThreshold;
  baseline: DecisionCounts | null;
}

export interface ExplorationInput {
  /** 1 = the positive class. */
  y: Uint8Array;
  /** P(positive) per row. */
  score: Float64Array;
  values: OutcomeValues;
  /** The baseline rule's decisions per row (1 = predicted positive), when there is one. */
  baseline?: Uint8Array;
  /** Thresholds to include besides the grid (e.g. the one in use). */
  extra?: readonly number[];
}

export function thresholdExploration(input: ExplorationInput, attributes: readonly SensitiveAttribute[]): ThresholdExploration {
  const { y, score, baseline } = input;
  const all = Uint32Array.from({ length: y.length }, (_, i) => i);
  const sortedAll = sortedScores(y, score, all);
  const best = bestThreshold(sortedAll, input.values);
  const thresholds = thresholdGrid(THRESHOLD_STEPS, [best.threshold, ...(input.extra ?? [])]);
  return {
    thresholds,
    overall: sweepCounts(sortedAll, thresholds),
    attributes: attributes.map((a) => ({
      name: a.name,
      groups: a.groups.map((group, g) => {
        const members = a.members[g];
        const groupY = Uint8Array.from(members, (i) => y[i]);
        const roc = members.length ? rocCurve(groupY, Float64Array.from(members, (i) => score[i])) : null;
        return {
          group,
          count: members.length,
          counts: sweepCounts(sortedScores(y, score, members), thresholds),
          roc: roc && thinRoc(roc),
          baseline: baseline ? countDecisions(y, baseline, members) : null,
        };
      }),
    })),
    best,
    baseline: baseline ? countDecisions(y, baseline, all) : null,
  };
}

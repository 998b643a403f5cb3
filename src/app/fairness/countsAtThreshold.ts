/**
 * Reading the threshold view at one threshold, in the UI thread without a worker call: the
 * counts overall and per group, the decision rates and disparities they give (the engine's own
 * definitions, decisionCounts.ts and groupMetrics.ts), the plain-language summary, and the
 * decisions when each group gets its own threshold (exploration only).
 */
import { countTotal, decisionRates, type DecisionCounts, type DecisionRates } from '../../core/fairness/decisionCounts';
import { fairnessSummary } from '../../core/fairness/fairnessSummary';
import { disparities, type Disparities } from '../../core/fairness/groupMetrics';
import { decisionValue, type OutcomeValues } from '../../core/fairness/outcomeValue';
import { sweepAt } from '../../core/fairness/thresholdSweep';
import type { ThresholdView } from '../../workers/workbenchApi';

/** The position of `threshold` among the view's thresholds (the nearest one when it is not there). */
export function thresholdIndex(view: Pick<ThresholdView, 'thresholds'>, threshold: number): number {
  let best = 0;
  for (let k = 1; k < view.thresholds.length; k++) if (Math.abs(view.thresholds[k] - threshold) < Math.abs(view.thresholds[best] - threshold)) best = k;
  return best;
}

export interface GroupAt extends DecisionRates {
  attribute: string;
  group: string;
  counts: DecisionCounts;
}

export interface ViewAt {
  threshold: number;
  overall: DecisionRates & { counts: DecisionCounts };
  groups: GroupAt[];
  disparities: (Disparities & { attribute: string })[];
}

/** Rates and disparities of some decisions: the overall counts and each group's (picked from the view's groups). */
function reading(view: ThresholdView, overall: DecisionCounts, countsOf: (g: ThresholdView['attributes'][number]['groups'][number]) => DecisionCounts): Omit<ViewAt, 'threshold'> {
  const favorableIsPositive = view.favorable === view.positive;
  const groups: GroupAt[] = [];
  const disparityList: (Disparities & { attribute: string })[] = [];
  for (const a of view.attributes) {
    const counts = a.groups.map(countsOf);
    a.groups.forEach((g, i) => groups.push({ attribute: a.name, group: g.group, counts: counts[i], ...decisionRates(counts[i], favorableIsPositive) }));
    disparityList.push({ attribute: a.name, ...disparities(counts, favorableIsPositive) });
  }
  return { overall: { counts: overall, ...decisionRates(overall, favorableIsPositive) }, groups, disparities: disparityList };
}

/** The model's decisions at the view's k-th threshold. */
export function viewAt(view: ThresholdView, k: number): ViewAt {
  return { threshold: view.thresholds[k], ...reading(view, sweepAt(view.overall, k), (g) => sweepAt(g.counts, k)) };
}

/** The same reading for the baseline rule's decisions (null without a rule). */
export function baselineAt(view: ThresholdView): Omit<ViewAt, 'threshold'> | null {
  return view.baseline ? reading(view, view.baseline, (g) => g.baseline!) : null;
}

export function summaryAt(view: ThresholdView, at: ViewAt): string[] {
  return fairnessSummary({ favorable: view.favorable, positive: view.positive, threshold: at.threshold, overall: at.overall, groups: at.groups, disparities: at.disparities });
}

/** Decisions when each group of one attribute gets its own threshold: per-group and total counts, and the value. */
export function perGroupDecisions(view: ThresholdView, attribute: string, thresholds: Record<string, number>, values: OutcomeValues) {
  const a = view.attributes.find((x) => x.name === attribute);
  if (!a) return null;
  const favorableIsPositive = view.favorable === view.positive;
  const total: DecisionCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const groups = a.groups.map((g) => {
    const t = thresholds[g.group];
    const counts = sweepAt(g.counts, thresholdIndex(view, t));
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
    total.tn += counts.tn;
    return { group: g.group, threshold: t, counts, ...decisionRates(counts, favorableIsPositive) };
  });
  return { groups, total, value: decisionValue(total, values), rows: countTotal(total), disparities: disparities(groups.map((g) => g.counts), favorableIsPositive) };
}

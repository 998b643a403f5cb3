/**
 * The fairness report of `glassbox fairness` (shared/spec/cli.md, "fairness") and of the app's
 * Fairness step: per sensitive attribute (sensitiveGroups.ts) the group metrics with 95 %
 * percentile bootstrap intervals (1,000 resamples, seeded), a flag on groups too small to judge,
 * the disparities, a plain-language summary and the definitions used.
 *
 * `fairnessReport` reads the decisions from a table (target and predicted-label columns, as the
 * CLI does); `fairnessSteps` takes decisions made elsewhere (the worker thresholds its model's
 * scores) and reports progress per block of resamples so the app can show it and cancel.
 */
import { requireColumn } from '../data/columnLookup';
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import { finish, type Steps } from '../progress/steps';
import { resampling } from '../validation/bootstrapCi';
import { labelAt, positiveClass, distinctInOrder } from '../validation/targetClasses';
import { countDecisions } from './decisionCounts';
import { FAIRNESS_DEFINITIONS, SMALL_GROUP, type MetricDefinition } from './fairnessDefinitions';
import { fairnessSummary } from './fairnessSummary';
import { disparities, groupArrays, groupMetrics, weightedGroupMetrics, type DecisionRows, type Disparities, type GroupMetrics } from './groupMetrics';
import { sensitiveAttributes, type SensitiveAttribute } from './sensitiveGroups';

export { MISSING_GROUP } from './sensitiveGroups';
export { SMALL_GROUP } from './fairnessDefinitions';

const METRICS = ['selectionRate', 'truePositiveRate', 'falsePositiveRate', 'precision', 'accuracy', 'auc', 'expectedCalibrationError'] as const;
type MetricName = (typeof METRICS)[number];

export interface FairnessRequest {
  target: string;
  pred: string;
  score?: string;
  sensitive: string[];
  positive?: string;
  favorable?: string;
  bins?: number;
  seed?: number;
  resamples?: number;
  source?: string;
}

export interface FairnessGroup extends GroupMetrics {
  attribute: string;
  group: string;
  /** Fewer than SMALL_GROUP rows: shown, but too few to judge. */
  small: boolean;
  ci: Record<MetricName, [number, number] | null>;
}

export interface FairnessReport {
  favorable: string;
  positive: string;
  overall: GroupMetrics;
  groups: FairnessGroup[];
  disparities: (Disparities & { attribute: string })[];
  /** Plain-language sentences (fairnessSummary.ts). */
  summary: string[];
  definitions: readonly MetricDefinition[];
}

export interface ReportOptions {
  positive: string;
  favorable: string;
  seed?: number;
  resamples?: number;
  /** The decision threshold behind `predicted`, when there is one (for the summary). */
  threshold?: number;
}

export function fairnessReport(table: Table, request: FairnessRequest): FairnessReport {
  const target = requireColumn(table, request.target, request.source);
  const pred = requireColumn(table, request.pred, request.source);
  const score = request.score ? requireColumn(table, request.score, request.source) : null;
  if (score && score.type !== 'numeric') throw new InputError(`--score '${score.name}' must be a numeric column of scores`);
  const sensitive = request.sensitive.map((name) => requireColumn(table, name, request.source));
  // rows with a target and a prediction
  const rows: number[] = [];
  const truth: string[] = [];
  const predicted: string[] = [];
  for (let i = 0; i < table.rowCount; i++) {
    const t = labelAt(target, i);
    const p = labelAt(pred, i);
    if (t === null || p === null) continue;
    rows.push(i);
    truth.push(t);
    predicted.push(p);
  }
  if (rows.length === 0) throw new InputError(`no row has both a target ('${target.name}') and a prediction ('${pred.name}')`);
  const classes = distinctInOrder([...truth, ...predicted]);
  if (classes.length > 2) throw new InputError(`target and prediction take ${classes.length} classes (${classes.slice(0, 5).map((c) => `'${c}'`).join(', ')}); fairness reports cover binary decisions`);
  if (classes.length < 2) throw new InputError(`target and prediction take a single class ('${classes[0]}'): there is nothing to compare`);
  const positive = positiveClass(target.name, classes, request.positive);
  const favorable = favourableClass(classes, positive, request.favorable);
  const d: DecisionRows = {
    y: Uint8Array.from(truth, (t) => (t === positive ? 1 : 0)),
    predicted: Uint8Array.from(predicted, (p) => (p === positive ? 1 : 0)),
    score: score && score.type === 'numeric' ? scoresOf(score.values, rows, score.name) : null,
    favorableIsPositive: favorable === positive,
  };
  const attributes = sensitiveAttributes(sensitive, rows, request.bins ?? 4);
  return finish(fairnessSteps(d, attributes, { positive, favorable, seed: request.seed, resamples: request.resamples }));
}

/** The scores of the rows; a missing one is refused (AUC and calibration need every row's score). */
function scoresOf(values: Float64Array, rows: readonly number[], name: string): Float64Array {
  const out = Float64Array.from(rows, (i) => values[i]);
  const missing = out.reduce((n, v) => n + (Number.isFinite(v) ? 0 : 1), 0);
  if (missing > 0) throw new InputError(`--score '${name}' is missing on ${missing} of the ${rows.length} rows with a target and a prediction; score every row, or leave --score out`);
  return out;
}

/** The favourable class: `given` matched as text or as the same number, by default the positive class. */
export function favourableClass(classes: readonly string[], positive: string, given: string | undefined): string {
  if (given === undefined) return positive;
  const found = classes.find((c) => c === given || (given.trim() !== '' && Number(c) === Number(given)));
  if (found === undefined) throw new InputError(`--favorable '${given}' is not one of the classes ${classes.map((c) => `'${c}'`).join(' and ')}`);
  return found;
}

/** The report of decisions `d` over the attributes' groups; one progress step per 25 resamples of a group. */
export function* fairnessSteps(d: DecisionRows, attributes: readonly SensitiveAttribute[], options: ReportOptions): Steps<FairnessReport> {
  const resamples = options.resamples ?? 1000;
  const blocks = Math.ceil(resamples / 25);
  const totalGroups = attributes.reduce((s, a) => s + a.groups.length, 0);
  const total = totalGroups * blocks;
  let done = 0;
  const groups: FairnessGroup[] = [];
  const disparityList: (Disparities & { attribute: string })[] = [];
  for (const attribute of attributes) {
    for (let g = 0; g < attribute.groups.length; g++) {
      const m = attribute.members[g];
      const metrics = groupMetrics(d, m);
      const ci = yield* groupIntervals(d, m, options.seed ?? 0, resamples, (k) => ({ done: done + (k * blocks) / resamples, total }));
      done += blocks;
      groups.push({ attribute: attribute.name, group: attribute.groups[g], ...metrics, small: m.length < SMALL_GROUP, ci });
    }
    const counts = attribute.members.map((m) => countDecisions(d.y, d.predicted, m));
    disparityList.push({ attribute: attribute.name, ...disparities(counts, d.favorableIsPositive) });
  }
  const all = Uint32Array.from({ length: d.y.length }, (_, i) => i);
  const report = { favorable: options.favorable, positive: options.positive, overall: groupMetrics(d, all), groups, disparities: disparityList };
  return { ...report, summary: fairnessSummary({ ...report, threshold: options.threshold ?? null }), definitions: FAIRNESS_DEFINITIONS };
}

/** 95 % bootstrap intervals of a group's metrics, yielding progress every few resamples. */
function* groupIntervals(
  d: DecisionRows,
  members: Uint32Array,
  seed: number,
  resamples: number,
  at: (resample: number) => { done: number; total: number },
): Generator<{ done: number; total: number }, Record<MetricName, [number, number] | null>> {
  const arrays = groupArrays(d, members);
  const run = resampling(
    members.length,
    METRICS,
    (weights) => {
      const r = weightedGroupMetrics(arrays, weights);
      return { selectionRate: r.selectionRate, truePositiveRate: r.truePositiveRate, falsePositiveRate: r.falsePositiveRate, precision: r.precision, accuracy: r.accuracy, auc: r.auc, expectedCalibrationError: r.expectedCalibrationError };
    },
    { resamples, seed },
  );
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    yield at(step.value);
  }
}

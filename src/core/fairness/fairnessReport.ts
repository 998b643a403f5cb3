/**
 * The fairness report of `glassbox fairness` (shared/spec/cli.md, "fairness"): the target and the
 * predicted labels read as classes (the positive class by the contract's rules, the favourable
 * outcome by `favorable`, default the positive class), then per sensitive attribute — a column's
 * values as text, missing values their own group, numeric columns with more than 10 distinct
 * values cut into `bins` quantile bins labelled by their intervals — the group metrics with 95 %
 * percentile bootstrap intervals (1,000 resamples, seeded) and the disparities; with two
 * attributes, also their intersection `a&b` (groups `x|y`).
 */
import { formatNumber } from '../data/formatNumber';
import { requireColumn } from '../data/columnLookup';
import type { Column, Table } from '../data/table';
import { InputError } from '../errors/errors';
import { quantileBins } from '../stats/quantileBins';
import { bootstrapCi } from '../validation/bootstrapCi';
import { labelAt, positiveClass, distinctInOrder } from '../validation/targetClasses';
import { disparities, groupMetrics, type DecisionRows, type Disparities, type GroupMetrics } from './groupMetrics';

export const MISSING_GROUP = '(missing)';
export const SMALL_GROUP = 30;
const METRICS = ['selectionRate', 'truePositiveRate', 'falsePositiveRate', 'precision', 'accuracy', 'auc'] as const;
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
  ci: Record<MetricName, [number, number] | null>;
}

export interface FairnessReport {
  favorable: string;
  positive: string;
  overall: GroupMetrics;
  groups: FairnessGroup[];
  disparities: (Disparities & { attribute: string })[];
}

export function fairnessReport(table: Table, request: FairnessRequest): FairnessReport {
  const target = requireColumn(table, request.target, request.source);
  const pred = requireColumn(table, request.pred, request.source);
  const score = request.score ? requireColumn(table, request.score, request.source) : null;
  if (request.sensitive.length === 0) throw new InputError('--sensitive needs at least one column');
  if (request.sensitive.length > 2) throw new InputError(`--sensitive takes one or two columns (got ${request.sensitive.length})`);
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

  const favorable = request.favorable === undefined ? positive : classes.find((c) => c === request.favorable || Number(c) === Number(request.favorable));
  if (favorable === undefined) throw new InputError(`--favorable '${request.favorable}' is not one of the classes ${classes.map((c) => `'${c}'`).join(' and ')}`);
  const scores = score ? Float64Array.from(rows, (i) => (score.type === 'numeric' ? score.values[i] : NaN)) : null;
  if (score && score.type !== 'numeric') throw new InputError(`--score '${score.name}' must be a numeric column of scores`);
  const d: DecisionRows = {
    y: Uint8Array.from(truth, (t) => (t === positive ? 1 : 0)),
    predicted: Uint8Array.from(predicted, (p) => (p === positive ? 1 : 0)),
    score: scores,
    favorableIsPositive: favorable === positive,
  };
  const all = Uint32Array.from(rows, (_, k) => k);
  const labels = sensitive.map((column) => groupLabels(column, rows, request.bins ?? 4));
  const attributes: { name: string; labels: string[] }[] = sensitive.map((c, k) => ({ name: c.name, labels: labels[k] }));
  if (sensitive.length === 2) attributes.push({ name: `${sensitive[0].name}&${sensitive[1].name}`, labels: labels[0].map((a, k) => `${a}|${labels[1][k]}`) });
  const groups: FairnessGroup[] = [];
  const disparityList: (Disparities & { attribute: string })[] = [];
  for (const attribute of attributes) {
    const names = distinctInOrder(attribute.labels).sort(compareGroups);
    const members = names.map((g) => Uint32Array.from(all.filter((k) => attribute.labels[k] === g)));
    const metrics = members.map((m) => groupMetrics(d, m));
    members.forEach((m, g) => {
      const ci = bootstrapCi(
        m.length,
        METRICS,
        (weights) => {
          // a resample of the group's rows as repeated positions
          const picked: number[] = [];
          for (let k = 0; k < weights.length; k++) for (let w = 0; w < weights[k]; w++) picked.push(m[k]);
          const r = groupMetrics(d, picked);
          return { selectionRate: r.selectionRate, truePositiveRate: r.truePositiveRate, falsePositiveRate: r.falsePositiveRate, precision: r.precision, accuracy: r.accuracy, auc: r.auc };
        },
        { resamples: request.resamples ?? 1000, seed: request.seed ?? 0 },
      );
      groups.push({ attribute: attribute.name, group: names[g], ...metrics[g], ci });
    });
    disparityList.push({ attribute: attribute.name, ...disparities(d, members, metrics) });
  }
  return { favorable, positive, overall: groupMetrics(d, all), groups, disparities: disparityList };
}

/** Each row's group label for a sensitive column (rows = table rows, in order). */
function groupLabels(column: Column, rows: readonly number[], bins: number): string[] {
  if (column.type === 'numeric' || column.type === 'datetime') {
    const values = Float64Array.from(rows, (i) => column.values[i]);
    const distinct = new Set(values.filter((v) => v === v));
    if (distinct.size > 10) {
      if (!(Number.isInteger(bins) && bins >= 2)) throw new InputError(`--bins must be a whole number ≥ 2 (got ${bins})`);
      const cut = quantileBins(values, undefined, bins);
      const text = cut.bounds.map((b, k) => `${k === 0 ? '[' : '('}${formatNumber(b.start)}, ${formatNumber(b.end)}]`);
      return Array.from(cut.codes, (c) => (c < 0 ? MISSING_GROUP : text[c]));
    }
  }
  return rows.map((i) => labelAt(column, i) ?? MISSING_GROUP);
}

/** Groups in a stable order: numbers and intervals by value, text alphabetically, missing last. */
function compareGroups(a: string, b: string): number {
  if (a === MISSING_GROUP || b === MISSING_GROUP) return a === b ? 0 : a === MISSING_GROUP ? 1 : -1;
  const na = Number(a.replace(/^[[(]/, '').split(',')[0]);
  const nb = Number(b.replace(/^[[(]/, '').split(',')[0]);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reading the threshold view at a threshold gives what the engine's report gives for the same
 * decisions made row by row (fairnessReport on a table whose predictions are score ≥ threshold),
 * and per-group thresholds that are all equal give the single-threshold decisions.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../../core/data/buildTable';
import { rawFromValues } from '../../core/data/rawFromValues';
import { fairnessReport } from '../../core/fairness/fairnessReport';
import fixture from '../../core/fairness/fixtures/fairness.json';
import { sensitiveAttributes } from '../../core/fairness/sensitiveGroups';
import { thresholdExploration } from '../../core/fairness/thresholdExploration';
import type { ThresholdView } from '../../workers/workbenchApi';
import { perGroupDecisions, summaryAt, thresholdIndex, viewAt } from './countsAtThreshold';

const n = fixture.y.length;
const y = Uint8Array.from(fixture.y);
const s = Float64Array.from(fixture.s);
const values = { tp: 100, fp: -150, fn: -60, tn: 5 };
const table = withColumnType(buildTable(['group'], [rawFromValues(fixture.group)], n), 'group', 'categorical');
const attributes = sensitiveAttributes([table.columns[0]], Array.from({ length: n }, (_, i) => i), 4);
const view: ThresholdView = {
  ...thresholdExploration({ y, score: s, values }, attributes),
  positive: '1',
  negative: '0',
  favorable: '0',
  rows: n,
  totalRows: n,
  baselineMatched: null,
};

describe('the threshold view at a threshold', () => {
  it('equals the report of the same decisions made row by row', () => {
    const t = 0.55;
    const k = thresholdIndex(view, t);
    expect(view.thresholds[k]).toBe(t);
    const at = viewAt(view, k);
    const decided = withColumnType(
      buildTable(['y', 'p', 'group'], [rawFromValues(fixture.y), rawFromValues(fixture.s.map((x) => (x >= t ? 1 : 0))), rawFromValues(fixture.group)], n),
      'group',
      'categorical',
    );
    const report = fairnessReport(decided, { target: 'y', pred: 'p', sensitive: ['group'], favorable: '0', resamples: 1 });
    expect(at.overall.selectionRate).toBe(report.overall.selectionRate);
    at.groups.forEach((g, i) => {
      for (const key of ['count', 'selectionRate', 'truePositiveRate', 'falsePositiveRate', 'precision', 'accuracy'] as const) expect(g[key], `${g.group} ${key}`).toBe(report.groups[i][key]);
    });
    const { attribute: _a, ...d } = at.disparities[0];
    const { attribute: _b, ...r } = report.disparities[0];
    expect(d).toEqual(r);
    expect(summaryAt(view, at).slice(1)).toEqual(report.summary.slice(1));
    expect(summaryAt(view, at)[0]).toMatch(/^At threshold 0\.55 /);
  });

  it('per-group thresholds that are all the same give the single-threshold decisions and value', () => {
    const k = thresholdIndex(view, 0.3);
    const at = viewAt(view, k);
    const same = perGroupDecisions(view, 'group', { a: 0.3, b: 0.3, c: 0.3, d: 0.3 }, values)!;
    expect(same.total).toEqual(at.overall.counts);
    expect(same.value).toBe(values.tp * at.overall.counts.tp + values.fp * at.overall.counts.fp + values.fn * at.overall.counts.fn + values.tn * at.overall.counts.tn);
    const moved = perGroupDecisions(view, 'group', { a: 0.3, b: 0.9, c: 0.3, d: 0.3 }, values)!;
    expect(moved.groups[1].selectionRate).toBeGreaterThan(same.groups[1].selectionRate!); // favourable = 0: a higher threshold selects more
    expect(moved.groups[0]).toEqual(same.groups[0]);
  });
});

/**
 * The worker's fairness views on the loans demo scored by an imported GBM:
 * - parity: the report at a threshold is exactly the JSON `glassbox fairness` writes for
 *   `glassbox predict`'s decisions at that threshold (same rows, groups, intervals);
 * - the threshold view's counts at the report's threshold give the report's selection rates, its
 *   best threshold is worth at least every grid threshold, and a baseline rule's decisions are
 *   counted as the rule says;
 * - progress, cancel, and clear refusals.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionRates } from '../core/fairness/decisionCounts';
import { decisionValue } from '../core/fairness/outcomeValue';
import { sweepAt } from '../core/fairness/thresholdSweep';
import { modelBytes, modelPath } from '../core/inference/testing/modelFixtures';
import { fairnessJson } from '../cli/commands/fairness';
import { runCliCaptured as run } from '../cli/testing/runCliCaptured';
import { Workbench } from './workbench';

const LOANS_PATH = join(__dirname, '../../public/datasets/synthetic_loans.csv');
const LOANS = readFileSync(LOANS_PATH);

async function scoredLoans() {
  const wb = new Workbench();
  await wb.load('load', { kind: 'file', file: new Blob([LOANS]), name: 'synthetic_loans.csv' }, {});
  const info = await wb.loadModel('loans_gbm.onnx', modelBytes('loans_gbm'));
  await wb.scoreDataset('score', info.suggestedMapping);
  return wb;
}

describe('fairness in the worker', () => {
  it('parity: the report at a threshold is the JSON glassbox fairness writes for glassbox predict at that threshold', async () => {
    const wb = await scoredLoans();
    const progress: number[] = [];
    const view = await wb.fairness('f', { target: 'default', positive: '1', favorable: '0', sensitive: ['sex', 'age'], bins: 4, threshold: 0.35, seed: 5, resamples: 200 }, undefined, (p) => progress.push(p.done / p.total));
    expect(view).toMatchObject({ threshold: 0.35, seed: 5, resamples: 200, rows: 20000, totalRows: 20000, negative: '0' });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toBeLessThanOrEqual(1);

    const dir = mkdtempSync(join(tmpdir(), 'glassbox-fairness-parity-'));
    const predictions = join(dir, 'predictions.csv');
    const p = await run(['predict', '--model', modelPath('loans_gbm'), '--data', LOANS_PATH, '--threshold', '0.35', '--out', predictions]);
    expect(p.code).toBe(0);
    const out = join(dir, 'fairness.json');
    const f = await run(['fairness', '--data', predictions, '--target', 'default', '--pred', 'prediction', '--score', 'score', '--sensitive', 'sex,age', '--positive', '1', '--favorable', '0', '--bins', '4', '--seed', '5', '--out', out]);
    expect(f.stderr).toBe('');
    const cli = JSON.parse(readFileSync(out, 'utf8'));
    // the CLI draws 1,000 resamples; compare everything but the intervals, then intervals at equal resamples
    const { groups: cliGroups, summary: cliSummary, ...cliRest } = cli;
    const { groups, summary, ...rest } = JSON.parse(JSON.stringify(fairnessJson(view.report)));
    expect(rest).toEqual(cliRest);
    expect(groups.map(({ ci: _ci, ...g }: { ci: unknown }) => g)).toEqual(cliGroups.map(({ ci: _ci, ...g }: { ci: unknown }) => g));
    // the worker's summary names its threshold; otherwise the same sentences
    expect(summary[0]).toMatch(/^At threshold 0\.35 the model gives the favourable outcome \('0'\)/);
    expect(summary.slice(1)).toEqual(cliSummary.slice(1));
    const full = await wb.fairness('f2', { target: 'default', positive: '1', favorable: '0', sensitive: ['sex', 'age'], bins: 4, threshold: 0.35, seed: 5 });
    expect(JSON.parse(JSON.stringify(full.report.groups))).toEqual(cliGroups);
    await wb.closeModel();
  }, 60_000);

  it('the threshold view agrees with the report, its best threshold beats the grid, and a baseline rule is counted', async () => {
    const wb = await scoredLoans();
    const settings = { target: 'default', positive: '1', favorable: '0', sensitive: ['sex'], bins: 4 };
    const values = { tp: 0, fp: -500, fn: -4000, tn: 800 };
    const view = await wb.thresholdView({ ...settings, values, baseline: { rule: 'income > 40000', gives: 'favorable' } });
    const k = view.thresholds.indexOf(0.35);
    const report = (await wb.fairness('f', { ...settings, threshold: 0.35, resamples: 10 })).report;
    for (const g of view.attributes[0].groups) {
      const rates = decisionRates(sweepAt(g.counts, k), false);
      const reported = report.groups.find((r) => r.group === g.group)!;
      expect(rates.selectionRate).toBe(reported.selectionRate);
      expect(rates.truePositiveRate).toBe(reported.truePositiveRate);
      expect(g.roc!.fpr[0]).toBe(0);
      expect(g.roc!.tpr.at(-1)).toBe(1);
    }
    const gridValues = view.thresholds.map((_, i) => decisionValue(sweepAt(view.overall, i), values));
    expect(view.best.value).toBe(Math.max(...gridValues)); // the best threshold is on the grid too
    expect(view.thresholds).toContain(view.best.threshold);
    // baseline: matched rows get the favourable outcome (0 = no default), the others the unfavourable one
    const page = await wb.rows({ offset: 0, limit: 20000 });
    const names = wb.summary()!.columns.map((c) => c.name);
    const income = names.indexOf('income');
    const target = names.indexOf('default');
    let tn = 0;
    let fn = 0;
    let matched = 0;
    for (const row of page.rows) {
      if (Number(row[income]) > 40000) {
        matched++;
        if (Number(row[target]) === 1) fn++;
        else tn++;
      }
    }
    expect(view.baselineMatched).toBe(matched);
    expect(view.baseline).toMatchObject({ tn, fn });
    expect(view.baseline!.tp + view.baseline!.fp).toBe(20000 - matched);
    await wb.closeModel();
  }, 60_000);

  it('is cancellable, and refuses a regression model, a bad rule and a bad threshold clearly', async () => {
    const wb = await scoredLoans();
    const pending = wb.fairness('c', { target: 'default', sensitive: ['region'], bins: 4, threshold: 0.5 });
    wb.cancel('c');
    await expect(pending).rejects.toMatchObject({ name: 'CancelledError' });
    await expect(wb.fairness('x', { target: 'default', sensitive: ['nope'], bins: 4, threshold: 0.5 })).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining("'nope'") });
    await expect(wb.fairness('x', { target: 'default', sensitive: ['sex'], bins: 4, threshold: 1.5 })).rejects.toMatchObject({ message: expect.stringContaining('threshold') });
    await expect(wb.thresholdView({ target: 'default', sensitive: ['sex'], bins: 4, values: { tp: 1, fp: 0, fn: 0, tn: 0 }, baseline: { rule: 'income >', gives: 'favorable' } })).rejects.toMatchObject({ name: 'InputError' });
    await wb.closeModel();
  });
});

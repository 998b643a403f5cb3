/**
 * Snapshots from the worker: the scored model's experiment saved with embedded data verifies in
 * the worker and — written to a file — with `glassbox verify` (the app → file → CLI round trip),
 * including a derived column used as a sensitive attribute and a type override; its metrics are
 * the worker's evaluation; tampering is caught by both.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured as run } from '../cli/testing/runCliCaptured';
import { snapshotId } from '../core/experiment/snapshotId';
import { modelBytes } from '../core/inference/testing/modelFixtures';
import { Workbench } from './workbench';
import type { SnapshotRequest } from './workbenchApi';

const LOANS = readFileSync(join(__dirname, '../../public/datasets/synthetic_loans.csv'));

const request: SnapshotRequest = {
  target: 'default',
  positive: '1',
  threshold: 0.4,
  split: 'all',
  seed: 42,
  sensitive: ['long_term', 'region'],
  favorable: '0',
  bins: 4,
  embed: true,
  exclude: [],
  notes: { author: 'Ada', note: 'challenger', assumptions: 'applicants as in 2023–24', intendedUse: 'pre-screening', limitations: 'not for final decisions' },
  parent: null,
  overrides: { num_prior_defaults: 'numeric' },
  derived: [{ name: 'long_term', expression: 'term_months >= 48' }],
  training: null,
  explanations: [],
  drift: null,
  runtime: 'vitest',
  commit: null,
};

describe('snapshots from the worker', () => {
  it('saves an experiment that verifies in the worker and with glassbox verify; tampering is caught', async () => {
    const wb = new Workbench();
    await wb.load('load', { kind: 'file', file: new Blob([new Uint8Array(LOANS)]), name: 'synthetic_loans.csv' }, {});
    await wb.addDerivedColumn('long_term', 'term_months >= 48');
    const info = await wb.loadModel('loans_gbm.onnx', modelBytes('loans_gbm'));
    await wb.scoreDataset('s', info.suggestedMapping);
    const snapshot = await wb.saveSnapshot('save', request);
    expect(snapshot.id).toBe(await snapshotId(snapshot));
    expect(snapshot.data.derived).toEqual(request.derived);
    expect(snapshot.modelCard).toEqual({ intendedUse: 'pre-screening', limitations: 'not for final decisions' });
    const metrics = await wb.modelMetrics({ target: 'default', positive: '1', threshold: 0.4, ci: true, seed: 42 });
    expect(snapshot.evaluation.metrics).toEqual(JSON.parse(JSON.stringify(metrics)));
    expect((snapshot.fairness as { groups: { attribute: string }[] }).groups.map((g) => g.attribute)).toContain('long_term&region');

    expect(await wb.verifySnapshot('v', snapshot)).toEqual({ status: 'verified', reasons: [] });
    const dir = mkdtempSync(join(tmpdir(), 'glassbox-app-snapshot-'));
    const file = join(dir, 'exp.json');
    writeFileSync(file, JSON.stringify(snapshot));
    const cli = await run(['verify', '--snapshot', file]);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ status: 'verified', reasons: [] });

    const tampered = structuredClone(snapshot);
    (tampered.fairness as { overall: { selectionRate: number } }).overall.selectionRate += 0.01;
    tampered.id = await snapshotId(tampered);
    const v = await wb.verifySnapshot('v2', tampered);
    expect(v.status).toBe('not-verified');
    expect(v.reasons[0]).toMatch(/^fairness\.overall\.selectionRate: recorded/);
    await wb.closeModel();
  }, 120_000);

  it('compares a challenger with the champion on the same embedded rows (paired bootstrap)', async () => {
    const wb = new Workbench();
    await wb.load('load', { kind: 'file', file: new Blob([new Uint8Array(LOANS)]), name: 'synthetic_loans.csv' }, {});
    const quick = { ...request, sensitive: [], derived: [], overrides: {} };
    const saved = [];
    for (const name of ['loans_logistic', 'loans_gbm']) {
      const info = await wb.loadModel(`${name}.onnx`, modelBytes(name));
      await wb.scoreDataset('s', info.suggestedMapping);
      saved.push(await wb.saveSnapshot('save', quick));
    }
    const [champion, challenger] = saved;
    const result = await wb.compareSnapshots('c', champion, challenger);
    expect(result.reason).toBeNull();
    expect(result.rows).toBe(20000);
    const auc = result.paired!.find((m) => m.metric === 'auc')!;
    // the re-scored metrics are the recorded ones
    expect(auc.champion).toBe(champion.evaluation.metrics.auc);
    expect(auc.challenger).toBe(challenger.evaluation.metrics.auc);
    expect(auc.ci![0]).toBeLessThanOrEqual(auc.difference!);
    expect(auc.ci![1]).toBeGreaterThanOrEqual(auc.difference!);
    expect(result.roc!.champion!.fpr[0]).toBe(0);
    // referenced data cannot be paired
    const referenced = await wb.saveSnapshot('save', { ...quick, embed: false });
    expect((await wb.compareSnapshots('c2', champion, referenced)).reason).toMatch(/must embed their data/);
    await wb.closeModel();
  }, 120_000);
});

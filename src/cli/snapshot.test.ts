/**
 * `glassbox snapshot` and `glassbox verify` as a user runs them: a snapshot of the loans demo and
 * its GBM with embedded data verifies (exit 0) and records the metrics `glassbox metrics --ci`
 * gives on `glassbox predict`'s scores, and the file and model hashes node:crypto gives; tampered
 * copies — a metric, a metric with the id recomputed, a byte of embedded data, the model hash —
 * are not verified (exit 1); referenced data is consistent (exit 3), as is embedded data without
 * a model input; unreadable input and an unreachable server exit 2 with one error line.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../core/experiment/base64';
import { snapshotId } from '../core/experiment/snapshotId';
import type { Snapshot } from '../core/experiment/snapshotSchema';
import { modelPath } from '../core/inference/testing/modelFixtures';
import { runCliCaptured as run } from './testing/runCliCaptured';

const LOANS = join(__dirname, '../../public/datasets/synthetic_loans.csv');
let dir: string;
let embedded: string;
let snapshot: Snapshot;

const sha = (bytes: Uint8Array | Buffer) => createHash('sha256').update(bytes).digest('hex');

async function verify(s: Snapshot | string, name: string) {
  const file = join(dir, name);
  writeFileSync(file, typeof s === 'string' ? s : JSON.stringify(s));
  const r = await run(['verify', '--snapshot', file]);
  return { code: r.code, stderr: r.stderr, result: r.stdout ? JSON.parse(r.stdout) : null };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-snapshot-'));
  embedded = join(dir, 'embedded.json');
  const r = await run(['snapshot', '--data', LOANS, '--target', 'default', '--model', modelPath('loans_gbm'), '--sensitive', 'sex', '--favorable', '0', '--embed-data', '--note', 'champion <b>v1</b>', '--out', embedded]);
  expect(r.stderr).toBe('');
  snapshot = JSON.parse(readFileSync(embedded, 'utf8'));
}, 120_000);

describe('glassbox snapshot', () => {
  it('records the data and model fingerprints, the metrics of glassbox metrics, fairness, environment and id', async () => {
    expect(snapshot.format).toBe('glassbox.snapshot');
    expect(snapshot.data.sha256).toBe(sha(readFileSync(LOANS)));
    expect(snapshot.data.rows).toBe(20000);
    expect(snapshot.data.embedded!.sha256).toBe(snapshot.data.sha256);
    expect(sha(fromBase64(snapshot.data.embedded!.content))).toBe(snapshot.data.sha256);
    expect(snapshot.model.sha256).toBe(sha(readFileSync(modelPath('loans_gbm'))));
    expect(snapshot.id).toBe(await snapshotId(snapshot));
    expect(snapshot.note).toBe('champion <b>v1</b>');
    expect(snapshot.environment.glassbox).toMatch(/^\d+\.\d+\.\d+/);
    expect(snapshot.environment.onnxruntime).toBe('1.30.0');
    expect((snapshot.fairness as { favorable: string }).favorable).toBe('0');
    // the metrics: glassbox metrics --ci --seed 42 on glassbox predict's scores
    const preds = join(dir, 'preds.csv');
    await run(['predict', '--model', modelPath('loans_gbm'), '--data', LOANS, '--out', preds]);
    const m = await run(['metrics', '--data', preds, '--target', 'default', '--score', 'score', '--ci', '--seed', '42']);
    expect(snapshot.evaluation.metrics).toEqual(JSON.parse(m.stdout));
    expect(snapshot.evaluation.n).toBe(20000);
  });
});

describe('glassbox verify', () => {
  it('verifies the untouched snapshot (exit 0)', async () => {
    expect(await verify(snapshot, 'same.json')).toEqual({ code: 0, stderr: '', result: { status: 'verified', reasons: [] } });
  }, 60_000);

  it('catches a changed metric, even with the id recomputed', async () => {
    const changed = structuredClone(snapshot);
    (changed.evaluation.metrics as Record<string, number>).auc += 0.001;
    const plain = await verify(changed, 'metric.json');
    expect(plain.code).toBe(1);
    expect(plain.result.status).toBe('not-verified');
    expect(plain.result.reasons[0]).toMatch(/the id does not match the content/);
    changed.id = await snapshotId(changed);
    const rehashed = await verify(changed, 'metric-rehashed.json');
    expect(rehashed.code).toBe(1);
    expect(rehashed.result.reasons.join('\n')).toMatch(/evaluation\.metrics\.auc: recorded/);
  }, 60_000);

  it('catches a byte of embedded data and the model hash', async () => {
    const data = structuredClone(snapshot);
    const bytes = fromBase64(data.data.embedded!.content);
    bytes[500] = bytes[500] === 0x31 ? 0x32 : 0x31;
    data.data.embedded!.content = toBase64(bytes);
    data.id = await snapshotId(data);
    const d = await verify(data, 'data.json');
    expect(d.code).toBe(1);
    expect(d.result.reasons).toContain('the embedded data does not match data.embedded.sha256');
    const model = structuredClone(snapshot);
    model.model.sha256 = '0'.repeat(64);
    model.id = await snapshotId(model);
    const m = await verify(model, 'model.json');
    expect(m.code).toBe(1);
    expect(m.result.reasons).toEqual(['the model bytes do not match model.sha256']);
  }, 60_000);

  it('calls referenced data consistent (exit 3); excluded identifiers still verify, an excluded model input cannot', async () => {
    const referenced = join(dir, 'referenced.json');
    await run(['snapshot', '--data', LOANS, '--target', 'default', '--model', modelPath('loans_gbm'), '--out', referenced]);
    const r = await run(['verify', '--snapshot', referenced]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).status).toBe('consistent');
    const noIds = join(dir, 'no-ids.json');
    await run(['snapshot', '--data', LOANS, '--target', 'default', '--model', modelPath('loans_gbm'), '--embed-data', '--exclude', 'applicant_id,sex', '--out', noIds]);
    const s = JSON.parse(readFileSync(noIds, 'utf8')) as Snapshot;
    expect(new TextDecoder().decode(fromBase64(s.data.embedded!.content)).split('\n')[0]).not.toMatch(/applicant_id|sex/);
    expect((await run(['verify', '--snapshot', noIds])).code).toBe(0);
    const noIncome = join(dir, 'no-income.json');
    await run(['snapshot', '--data', LOANS, '--target', 'default', '--model', modelPath('loans_gbm'), '--embed-data', '--exclude', 'income', '--out', noIncome]);
    const v = await run(['verify', '--snapshot', noIncome]);
    expect(v.code).toBe(3);
    expect(JSON.parse(v.stdout).reasons[0]).toMatch(/the model reads income, left out of the embedded data/);
  }, 120_000);

  it.each([
    ['not json', 'not-json.txt', /is not JSON/],
    ['{"format":"something else"}', 'other.json', /is not a Glassbox snapshot \(version 1\)/],
  ])('exits 2 with one error line for unreadable input (%s)', async (text, name, message) => {
    const v = await verify(text, name);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(message);
    expect(v.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when the server is unreachable', async () => {
    const r = await run(['verify', '--snapshot', embedded, '--server', 'http://127.0.0.1:9', '--token', 't']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: server http:\/\/127\.0\.0\.1:9 is unreachable/);
  }, 60_000);
});

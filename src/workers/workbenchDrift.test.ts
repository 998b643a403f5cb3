/**
 * Drift in the worker:
 * - the wine demo split at alcohol 11 (the book's example): alcohol is flagged, the domain
 *   classifier tells the sides apart through it, and — parity — the report is exactly the JSON
 *   `glassbox drift` writes for the two sides saved as CSV files;
 * - the loans demo split by date with a scored model: prediction drift and the model's metrics on
 *   each side equal `glassbox metrics` on the same rows; a second file compared with the open one;
 * - clear refusals, and cancel.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driftJson } from '../core/drift/driftReport';
import { runCliCaptured as run } from '../cli/testing/runCliCaptured';
import { modelBytes } from '../core/inference/testing/modelFixtures';
import { Workbench } from './workbench';

const DATA = join(__dirname, '../../public/datasets');
const WINE = readFileSync(join(DATA, 'wine_quality.csv'), 'utf8');
const LOANS = readFileSync(join(DATA, 'synthetic_loans.csv'));

async function open(name: string, bytes: string | Uint8Array) {
  const wb = new Workbench();
  await wb.load('load', { kind: 'file', file: new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name }, {});
  return wb;
}

describe('drift in the worker', () => {
  it('wine split at alcohol 11: alcohol flagged, and the JSON of glassbox drift on the two sides as files', async () => {
    const wb = await open('wine_quality.csv', WINE);
    const progress: number[] = [];
    const view = await wb.drift('d', { split: { kind: 'condition', current: 'alcohol >= 11' }, bins: 10, seed: 0, classifier: true }, undefined, (p) => progress.push(p.done));
    expect(view.labels).toEqual({ reference: 'not (alcohol >= 11)', current: 'alcohol >= 11' });
    const lines = WINE.trim().split('\n');
    const alcohol = lines[0].split(',').indexOf('alcohol');
    const current = lines.slice(1).filter((l) => Number(l.split(',')[alcohol]) >= 11);
    const reference = lines.slice(1).filter((l) => !(Number(l.split(',')[alcohol]) >= 11));
    expect(view.report.rows).toEqual({ reference: reference.length, current: current.length });
    const byName = Object.fromEntries(view.report.columns.map((c) => [c.name, c]));
    expect(byName.alcohol.severity).toBe('major');
    expect(byName.density.severity).toBe('major'); // density falls as alcohol rises
    expect(view.report.domainClassifier!.auc!).toBeGreaterThan(0.95);
    expect(view.report.domainClassifier!.topFeatures[0].name).toBe('alcohol');
    expect(view.overlays.alcohol.kind).toBe('histogram');
    expect(view.overlays.type.kind).toBe('categories');
    expect(progress.at(-1)).toBe(10);
    expect(view.predictionDrift).toBeNull();
    expect(view.modelNote).toMatch(/score the dataset/);

    const dir = mkdtempSync(join(tmpdir(), 'glassbox-drift-parity-'));
    writeFileSync(join(dir, 'ref.csv'), [lines[0], ...reference].join('\n') + '\n');
    writeFileSync(join(dir, 'cur.csv'), [lines[0], ...current].join('\n') + '\n');
    const out = join(dir, 'drift.json');
    const r = await run(['drift', '--reference', join(dir, 'ref.csv'), '--current', join(dir, 'cur.csv'), '--seed', '0', '--out', out]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(JSON.stringify(driftJson(view.report)))).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  }, 120_000);

  it('loans split by date with a scored model: prediction and performance drift; another file as the current data', async () => {
    const wb = await open('synthetic_loans.csv', LOANS);
    const info = await wb.loadModel('loans_gbm.onnx', modelBytes('loans_gbm'));
    await wb.scoreDataset('s', info.suggestedMapping);
    const view = await wb.drift('d', { split: { kind: 'date', column: 'application_date', at: '2024-07-01' }, columns: ['income', 'region'], bins: 10, seed: 0, classifier: false, target: 'default', positive: '1', threshold: 0.5 });
    expect(view.report.domainClassifier).toBeNull();
    expect(view.predictionDrift!.test).toBe('ks');
    expect(view.performance!.task).toBe('classification');
    // the metrics of each side are glassbox metrics on those rows
    const { score } = await wb.predictions(0.5);
    const csv = LOANS.toString('utf8').trim().split('\n');
    const header = csv[0].split(',');
    const dateAt = header.indexOf('application_date');
    const dir = mkdtempSync(join(tmpdir(), 'glassbox-drift-metrics-'));
    for (const [side, keep] of [['reference', (d: string) => d < '2024-07-01'], ['current', (d: string) => d >= '2024-07-01']] as const) {
      const rows = csv.slice(1).flatMap((line, i) => (keep(line.split(',')[dateAt]) ? [`${line},${score![i]}`] : []));
      const file = join(dir, `${side}.csv`);
      writeFileSync(file, [`${csv[0]},score`, ...rows].join('\n') + '\n');
      const r = await run(['metrics', '--data', file, '--target', 'default', '--score', 'score', '--positive', '1']);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(view.performance![side])));
    }
    // another file: the open dataset is the reference, the file the current data, scored by the same model
    const later = [csv[0], ...csv.slice(1).filter((l) => l.split(',')[dateAt] >= '2024-07-01')].join('\n') + '\n';
    await wb.loadComparison('c', { kind: 'file', file: new Blob([later]), name: 'later.csv' }, {});
    const file = await wb.drift('f', { split: { kind: 'file' }, columns: ['income'], bins: 10, seed: 0, classifier: false, target: 'default', positive: '1', threshold: 0.5 });
    expect(file.labels).toEqual({ reference: 'synthetic_loans.csv', current: 'later.csv' });
    expect(file.report.rows).toEqual({ reference: 20000, current: csv.length - 1 - (csv.slice(1).filter((l) => l.split(',')[dateAt] < '2024-07-01').length) });
    expect(file.performance!.current).toEqual(view.performance!.current);
    await wb.closeModel();
  }, 120_000);

  it('refuses what it cannot compare, and can be cancelled', async () => {
    const wb = await open('wine_quality.csv', WINE);
    await expect(wb.drift('x', { split: { kind: 'file' }, bins: 10, seed: 0, classifier: false })).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining('file to compare') });
    await expect(wb.drift('x', { split: { kind: 'condition', current: 'alcohol >= 100' }, bins: 10, seed: 0, classifier: false })).rejects.toMatchObject({ message: expect.stringContaining('no row is in the current data') });
    await expect(wb.drift('x', { split: { kind: 'condition', current: 'alcohol >=' }, bins: 10, seed: 0, classifier: false })).rejects.toMatchObject({ name: 'InputError' });
    await expect(wb.drift('x', { split: { kind: 'date', column: 'type', at: 'x' }, bins: 10, seed: 0, classifier: false })).rejects.toMatchObject({ message: expect.stringContaining('split by a date or number column') });
    const pending = wb.drift('c', { split: { kind: 'condition', current: 'alcohol >= 11' }, bins: 10, seed: 0, classifier: true });
    wb.cancel('c');
    await expect(pending).rejects.toMatchObject({ name: 'CancelledError' });
  }, 60_000);
});

/**
 * `glassbox report` as a user runs it: the HTML audit report of a snapshot file, self-contained
 * and within 5× the file's size — for the sample snapshot and for one `glassbox snapshot` writes
 * of the loans demo and its GBM (no data row in either); unreadable input (not JSON, not a
 * snapshot, a missing file) exits 2 with one error line and writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../core/experiment/snapshotSchema';
import { modelPath } from '../core/inference/testing/modelFixtures';
import { formatInterval, formatNumber } from '../core/report/reportFormat';
import { externalReferences } from '../core/report/testing/externalReferences';
import { ROW_SENTINEL, sampleSnapshot } from '../core/report/testing/sampleSnapshot';
import { toJson } from './io/writeOutput';
import { runCliCaptured as run } from './testing/runCliCaptured';

const LOANS = join(__dirname, '../../public/datasets/synthetic_loans.csv');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-report-'));
});

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('glassbox report', () => {
  it('writes a self-contained HTML report of the snapshot, at most 5× its size, without data rows', async () => {
    const snapshot = write('exp.json', toJson(sampleSnapshot()));
    const out = join(dir, 'report.html');
    const r = await run(['report', '--snapshot', snapshot, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(externalReferences(html)).toEqual([]);
    expect(statSync(out).size).toBeLessThanOrEqual(5 * statSync(snapshot).size);
    expect(html).not.toContain(ROW_SENTINEL);
    expect(html).toContain('<pre><code>glassbox verify --snapshot exp.json</code></pre>');
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('reports a snapshot made by glassbox snapshot: its figures, escaped note, no data row', async () => {
    const snapshotFile = join(dir, 'loans.json');
    const made = await run(['snapshot', '--data', LOANS, '--target', 'default', '--model', modelPath('loans_gbm'), '--sensitive', 'sex', '--favorable', '0', '--note', 'champion <script>alert(1)</script>', '--out', snapshotFile]);
    expect(made.stderr).toBe('');
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Snapshot;
    const out = join(dir, 'loans.html');
    const r = await run(['report', '--snapshot', snapshotFile, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(externalReferences(html)).toEqual([]);
    expect(statSync(out).size).toBeLessThanOrEqual(5 * statSync(snapshotFile).size);
    expect(html).not.toContain('APP000001');
    expect(html).not.toContain('<script');
    expect(html).toContain('champion &lt;script&gt;alert(1)&lt;/script&gt;');
    const auc = snapshot.evaluation.metrics.auc as number;
    const ci = (snapshot.evaluation.metrics.ci as Record<string, [number, number]>).auc;
    expect(html).toContain(`<td>ROC AUC</td><td class="num">${formatNumber(auc)}</td><td class="num">${formatInterval(ci)}</td>`);
    expect(html).toMatch(/<section id="fairness"><h2>Fairness<\/h2>[\s\S]*rule of thumb from US employment practice[\s\S]*<svg /);
    expect(html).toContain('<p class="absent">Drift: not recorded in this snapshot.</p>');
  }, 120_000);

  it.each([
    ['not JSON', 'broken.json', '{"format": "glassbox.snapshot",', /^error: .*broken\.json is not JSON\n$/],
    ['JSON that is not a snapshot', 'other.json', '{"format": "something-else", "rows": [1, 2]}', /^error: .*other\.json is not a Glassbox snapshot \(version 1\): format: /],
    ['a snapshot missing a field', 'partial.json', JSON.stringify({ ...sampleSnapshot(), model: undefined }), /^error: .*partial\.json is not a Glassbox snapshot \(version 1\): model: /],
  ])('exits 2 with one error line and no output file for %s', async (_what, name, content, message) => {
    const out = join(dir, `${name}.html`);
    const r = await run(['report', '--snapshot', write(name, content), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['--snapshot', 'nope.json', '--out', 'never.html'], /^error: snapshot file 'nope\.json' not found\n$/],
    [['--snapshot', 'exp.json'], /^error: report: option '--out' is required\n$/],
    [['--out', 'r.html'], /^error: report: option '--snapshot' is required\n$/],
  ])('exits 2 with one error line for %j', async (args, message) => {
    const r = await run(['report', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(process.cwd(), 'never.html'))).toBe(false);
  });
});

/**
 * `glassbox drift` as a user runs it on two CSV files: the contract's fields, every column's
 * figures equal to the SciPy / NumPy reference (scripts/fixtures/make_drift_fixtures.py), the
 * domain classifier's AUC and features, the same seed giving the same file, and one error line
 * for bad input.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fixture from '../core/drift/fixtures/drift.json';
import { runCliCaptured as run } from './testing/runCliCaptured';

let dir: string;
let reference: string;
let current: string;
const NAMES = ['shifted', 'same', 'ties', 'grade'] as const;

type Side = Record<(typeof NAMES)[number], (number | string | null)[]>;

function csv(side: Side): string {
  const n = side.shifted.length;
  const cell = (v: unknown) => (v === null ? '' : String(v));
  return [NAMES.join(','), ...Array.from({ length: n }, (_, i) => NAMES.map((c) => cell(side[c][i])).join(','))].join('\n') + '\n';
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-drift-'));
  reference = join(dir, 'reference.csv');
  current = join(dir, 'current.csv');
  writeFileSync(reference, csv(fixture.reference));
  writeFileSync(current, csv(fixture.current));
});

describe('glassbox drift', () => {
  it('writes per-column tests, PSI and Wasserstein as SciPy computes them, and the domain classifier', async () => {
    const out = join(dir, 'drift.json');
    const r = await run(['drift', '--reference', reference, '--current', current, '--bins', '4', '--seed', '3', '--out', out]);
    expect(r.stderr).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json)).toEqual(['columns', 'domainClassifier', 'rows', 'summary', 'thresholds']);
    expect(json.columns.map((c: { name: string }) => c.name)).toEqual([...NAMES]);
    for (const c of json.columns) {
      const ref = fixture.expected['4'][c.name as (typeof NAMES)[number]];
      expect(c.test).toBe(ref.test);
      expect(c.statistic).toBeCloseTo(ref.statistic, 9);
      expect(Math.abs(c.pValue - ref.pValue) / ref.pValue).toBeLessThan(1e-9);
      expect(c.psi).toBeCloseTo(ref.psi, 12);
      if (ref.wasserstein === null) expect(c.wasserstein).toBeNull();
      else expect(c.wasserstein).toBeCloseTo(ref.wasserstein, 12);
    }
    expect(json.columns[0].type).toBe('numeric');
    expect(json.columns[3].type).toBe('categorical');
    expect(json.rows).toEqual({ reference: 700, current: 500 });
    expect(json.domainClassifier.auc).toBeGreaterThan(0.5);
    expect(json.domainClassifier.topFeatures.map((f: { name: string }) => f.name).sort()).toEqual([...NAMES].sort());
    expect(json.summary[0]).toMatch(/^Compared 700 reference rows with 500 current rows on 4 columns/);
    // the same seed, the same file
    const again = join(dir, 'again.json');
    await run(['drift', '--reference', reference, '--current', current, '--bins', '4', '--seed', '3', '--out', again]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  }, 60_000);

  it('compares only the columns asked for', async () => {
    const out = join(dir, 'two.json');
    const r = await run(['drift', '--reference', reference, '--current', current, '--columns', 'grade,same', '--out', out]);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.columns.map((c: { name: string }) => c.name)).toEqual(['grade', 'same']);
    expect(json.columns[1].psi).toBeCloseTo(fixture.expected['10'].same.psi, 12);
  }, 60_000);

  it.each([
    [['--columns', 'nope'], /column 'nope' not found in the reference data/],
    [['--bins', '1'], /--bins must be a whole number ≥ 2/],
  ])('refuses %j with one error line', async (extra, message) => {
    const out = join(dir, 'never.json');
    const r = await run(['drift', '--reference', reference, '--current', current, ...extra, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses files that share no column', async () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'a,b\n1,2\n3,4\n');
    const r = await run(['drift', '--reference', reference, '--current', other, '--out', join(dir, 'never.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/share no column names/);
  });
});

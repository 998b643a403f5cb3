/**
 * `glassbox pdp` as a user runs it: each grid value's average equals the mean score `glassbox
 * predict` gives on a copy of the data with that column overwritten (written as CSV here), ICE rows
 * are those scores, the default grid has --grid-size points, and the contract's errors exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../core/inference/testing/modelFixtures';
import { runCliCaptured as run } from './testing/runCliCaptured';

const LOANS = join(REPO, 'src/core/inference/fixtures/loans_with_missing.csv');
let dir: string;
let data: string;
let model: string;
let rows: Record<string, string>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-pdp-'));
  const lines = readFileSync(LOANS, 'utf8').trim().split('\n');
  data = join(dir, 'data.csv');
  writeFileSync(data, [lines[0], ...lines.slice(1, 151)].join('\n') + '\n');
  rows = Papa.parse<Record<string, string>>(readFileSync(data, 'utf8'), { header: true, skipEmptyLines: true }).data;
  model = join(dir, 'forest.onnx');
  expect((await run(['train', '--data', LOANS, '--target', 'default', '--model', 'forest', '--params', '{"nEstimators":10,"maxDepth":6}', '--exclude', 'applicant_id', '--out', model])).code).toBe(0);
});

async function meanScoreWith(column: string, value: string): Promise<number[]> {
  const file = join(dir, `with-${column}-${value}.csv`);
  writeFileSync(file, Papa.unparse(rows.map((r) => ({ ...r, [column]: value }))) + '\n');
  const out = join(dir, 'p.csv');
  expect((await run(['predict', '--model', model, '--data', file, '--out', out])).code).toBe(0);
  return Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => Number(r.score));
}

describe('glassbox pdp', () => {
  it.each([
    ['income', '20000,45000,90000'],
    ['region', 'North,South,Nowhere'],
  ])('%s: averages and ICE equal predict on overwritten copies of the data', async (feature, grid) => {
    const out = join(dir, `${feature}.json`);
    const r = await run(['pdp', '--model', model, '--data', data, '--feature', feature, '--grid', grid, '--ice', '--out', out]);
    expect(r.stderr).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json).sort()).toEqual(['average', 'feature', 'grid', 'ice', 'rows']);
    expect(json.rows).toBe(150);
    expect(json.grid.map(String)).toEqual(grid.split(','));
    for (const [k, value] of grid.split(',').entries()) {
      const scores = await meanScoreWith(feature, value);
      expect(json.average[k]).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 12);
      expect(json.ice.map((row: number[]) => row[k])).toEqual(scores);
    }
  });

  it('default grid: --grid-size points between the 5th and 95th percentiles; a sample says how many rows', async () => {
    const out = join(dir, 'default.json');
    expect((await run(['pdp', '--model', model, '--data', data, '--feature', 'age', '--grid-size', '5', '--sample', '40', '--out', out])).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.grid).toHaveLength(5);
    expect(json.rows).toBe(40);
    expect(json.ice).toBeUndefined();
  });

  it.each([
    [['--feature', 'nope'], /column 'nope' not found/],
    [['--feature', 'income', '--grid', '1,x'], /'x' is not a number/],
    [['--feature', 'income', '--grid', '1', '--grid-size', '3'], /not both/],
  ])('refuses %j with one error line', async (extra, message) => {
    const r = await run(['pdp', '--model', model, '--data', data, ...extra, '--out', join(dir, 'never.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

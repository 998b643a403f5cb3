/**
 * `glassbox fairness` as a user runs it on a CSV: the contract's fields, groups equal to the
 * independent reference (scikit-learn / pandas / SciPy fixture), the same seed giving the same
 * intervals, and one error line for bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fixture from '../core/fairness/fixtures/fairness.json';
import { runCliCaptured as run } from './testing/runCliCaptured';

let dir: string;
let data: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-fairness-'));
  data = join(dir, 'decisions.csv');
  const lines = fixture.y.map((y, i) => `${y},${fixture.p[i]},${fixture.s[i]},${fixture.group[i]}`);
  writeFileSync(data, ['y,yhat,score,group', ...lines].join('\n') + '\n');
});

describe('glassbox fairness', () => {
  it('writes per-group metrics with intervals and the disparities, as the reference computes them', async () => {
    const out = join(dir, 'f.json');
    const r = await run(['fairness', '--data', data, '--target', 'y', '--pred', 'yhat', '--score', 'score', '--sensitive', 'group', '--seed', '1', '--out', out]);
    expect(r.stderr).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json)).toEqual(['favorable', 'overall', 'groups', 'disparities', 'summary', 'definitions']);
    expect(json.favorable).toBe('1');
    expect(Object.keys(json.groups[0]).sort()).toEqual(['accuracy', 'attribute', 'auc', 'ci', 'count', 'expectedCalibrationError', 'falsePositiveRate', 'group', 'precision', 'selectionRate', 'small', 'truePositiveRate']);
    expect(json.groups.map((g: { small: boolean }) => g.small)).toEqual([false, false, false, true]);
    expect(json.summary[0]).toMatch(/^The predictions give the favourable outcome \('1'\) to \d+% of the 600 rows\.$/);
    expect(json.definitions.map((d: { name: string }) => d.name)).toContain('fourFifthsRule');
    const ref = fixture.favorable.positive.group;
    for (const g of json.groups) expect(g.expectedCalibrationError).toBeCloseTo(ref.groups[g.group as keyof typeof ref.groups].expectedCalibrationError, 12);
    for (const g of json.groups) expect(g.truePositiveRate ?? null).toEqual(ref.groups[g.group as keyof typeof ref.groups].truePositiveRate === null ? null : expect.closeTo(ref.groups[g.group as keyof typeof ref.groups].truePositiveRate!, 12));
    const d = json.disparities[0];
    expect(d.attribute).toBe('group');
    expect(d.equalizedOddsDifference).toBeCloseTo(ref.disparities.equalizedOddsDifference, 12);
    expect(d.selectionRateTest.pValue).toBeCloseTo(ref.disparities.pValue, 10);
    expect(d.fourFifthsRule).toBe(ref.disparities.fourFifthsRule);
    // the same seed, the same intervals
    const again = join(dir, 'g.json');
    await run(['fairness', '--data', data, '--target', 'y', '--pred', 'yhat', '--score', 'score', '--sensitive', 'group', '--seed', '1', '--out', again]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it.each([
    [['--sensitive', 'nope'], /column 'nope' not found/],
    [['--sensitive', 'group', '--favorable', 'maybe'], /--favorable 'maybe' is not one of the classes/],
  ])('refuses %j with one error line', async (extra, message) => {
    const r = await run(['fairness', '--data', data, '--target', 'y', '--pred', 'yhat', ...extra, '--out', join(dir, 'never.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

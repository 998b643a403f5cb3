/**
 * Hyper-parameter search: grid values and random draws as defined, and every trial's score is
 * exactly what glassbox cv gives for those parameters (recomputed here with crossValidate);
 * the best is the argmax of the fold means; budgets stop the search where they say.
 */
import { describe, expect, it } from 'vitest';
import { repoTable } from '../inference/testing/modelFixtures';
import { crossValidate } from '../pipeline/crossValidate';
import { seededRandom } from '../random/seededRandom';
import { finish } from '../progress/steps';
import { searchSteps } from './hyperSearch';
import { gridParams, gridValues, randomParams, type SearchDimension } from './searchSpace';

const DATA = 'src/core/inference/fixtures/loans_with_missing.csv';

describe('search space', () => {
  it('spaces grid values evenly on their scale and rounds whole numbers', () => {
    expect(gridValues({ name: 'l2', low: 0.01, high: 100, log: true }, 5).map((v) => +v.toPrecision(12))).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(gridValues({ name: 'subsample', low: 0.5, high: 1 })).toEqual([0.5, 0.75, 1]);
    expect(gridValues({ name: 'maxDepth', low: 2, high: 3, integer: true }, 4)).toEqual([2, 3]); // 2, 2.33, 2.67, 3 rounded, repeats dropped
    expect(gridParams([{ name: 'maxDepth', low: 2, high: 4, integer: true }, { name: 'subsample', low: 0.5, high: 1 }], 2)).toEqual([
      { maxDepth: 2, subsample: 0.5 },
      { maxDepth: 2, subsample: 1 },
      { maxDepth: 4, subsample: 0.5 },
      { maxDepth: 4, subsample: 1 },
    ]);
  });

  it('draws random values inside their ranges, reproducibly', () => {
    const space: SearchDimension[] = [{ name: 'learningRate', low: 0.01, high: 0.3, log: true }, { name: 'maxDepth', low: 2, high: 8, integer: true }];
    const a = Array.from({ length: 200 }, ((rng) => () => randomParams(space, rng))(seededRandom(1)));
    const b = Array.from({ length: 200 }, ((rng) => () => randomParams(space, rng))(seededRandom(1)));
    expect(a).toEqual(b);
    for (const p of a) {
      expect(p.learningRate).toBeGreaterThanOrEqual(0.01);
      expect(p.learningRate).toBeLessThanOrEqual(0.3);
      expect(Number.isInteger(p.maxDepth)).toBe(true);
    }
    // log scale: about half the draws below the geometric midpoint √(0.01·0.3)
    const below = a.filter((p) => p.learningRate! < Math.sqrt(0.003)).length;
    expect(below).toBeGreaterThan(70);
    expect(below).toBeLessThan(130);
    expect(new Set(a.map((p) => p.maxDepth))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8]));
  });
});

describe('hyper-parameter search', () => {
  it('scores every trial as glassbox cv does and picks the best mean', async () => {
    const table = await repoTable(DATA);
    const request = { target: 'default', kind: 'gbdt' as const, params: { nEstimators: 10 }, folds: 3, stratify: true, seed: 9, exclude: ['applicant_id'], source: DATA };
    const result = finish(searchSteps(table, request, { strategy: 'random', space: [{ name: 'maxDepth', low: 1, high: 4, integer: true }, { name: 'learningRate', low: 0.05, high: 0.5, log: true }], trials: 3 }));
    expect(result.trials).toHaveLength(3);
    expect(result.metric).toBe('auc');
    expect(result.stoppedBy).toBe('trials');
    for (const trial of result.trials) {
      expect(trial.params.nEstimators).toBe(10); // the fixed parameters stay
      const cv = crossValidate(table, { ...request, params: trial.params });
      expect(trial.mean).toEqual(cv.mean);
      expect(trial.std).toEqual(cv.std);
    }
    const means = result.trials.map((t) => t.mean.auc!);
    expect(result.best).toBe(means.indexOf(Math.max(...means)));
    // same seed, same trials
    const again = finish(searchSteps(table, request, { strategy: 'random', space: result.space, trials: 3 }));
    expect(again.trials.map((t) => t.params)).toEqual(result.trials.map((t) => t.params));
  });

  it('stops a grid at its last combination, and a time budget before the next trial', async () => {
    const table = await repoTable(DATA);
    const request = { target: 'income', kind: 'tree' as const, folds: 2, seed: 1, exclude: ['applicant_id'], source: DATA };
    const grid = finish(searchSteps(table, request, { strategy: 'grid', space: [{ name: 'maxDepth', low: 1, high: 3, integer: true }] }));
    expect(grid.metric).toBe('r2');
    expect(grid.trials.map((t) => t.params.maxDepth)).toEqual([1, 2, 3]);
    expect(grid.stoppedBy).toBe('grid');
    let clock = 0;
    const timed = finish(searchSteps(table, request, { strategy: 'random', space: [{ name: 'maxDepth', low: 1, high: 6, integer: true }], seconds: 25, now: () => (clock += 10_000) }));
    // each trial reads the clock twice, the budget check once: trial 1 starts at once, trial 2 at 40 s > 25 s
    expect(timed.trials).toHaveLength(1);
    expect(timed.stoppedBy).toBe('time');
    expect(() => finish(searchSteps(table, request, { strategy: 'random', space: [{ name: 'maxDepth', low: 1, high: 6 }] }))).toThrow(/needs a budget/);
    expect(() => finish(searchSteps(table, request, { strategy: 'grid', space: [{ name: 'l2', low: 0, high: 1, log: true }] }))).toThrow(/log scale needs low > 0/);
  });
});

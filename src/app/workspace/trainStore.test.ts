import 'fake-indexeddb/auto';
import { DEFAULT_SEARCH } from '../train/trainSettings';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../train/trainSettings';
import type { RunRecord } from '../train/runRecord';
import { parseTraining, readTraining, saveTraining } from './trainStore';
import { clearWorkspace } from './workspaceStore';

const run: RunRecord = {
  id: 'r1',
  at: '2026-01-01T00:00:00.000Z',
  target: { column: 'default', kind: 'logistic', positive: '1' },
  settings: { ...DEFAULT_SETTINGS, l2: 0.1 },
  recipe: { version: 1, steps: [{ step: 'log', columns: ['income'] }] },
  recipeHash: '0badcafe',
  features: ['income'],
  coefficients: [0.5],
  intercept: -1,
  trainRows: 80,
  testRows: 20,
  cv: { folds: [{ fold: 0, trainRows: 64, testRows: 16, metrics: { auc: 0.7 } }], mean: { auc: 0.7 }, std: { auc: null } },
  holdout: { auc: 0.72 },
  modelName: 'logistic-default.onnx',
  ms: 100,
};

describe('train store', () => {
  it('saves the settings, recipe and leaderboard, and forgets them with the workspace', async () => {
    expect(await readTraining()).toBeNull();
    const state = { settings: DEFAULT_SETTINGS, recipe: { recipe: run.recipe, edited: true }, runs: [run], selectedRunId: 'r1' };
    await saveTraining(state);
    expect(await readTraining()).toEqual(state);
    await clearWorkspace();
    expect(await readTraining()).toBeNull();
  });

  it('rejects records it does not understand and defaults bad values', () => {
    expect(parseTraining(null)).toBeNull();
    expect(parseTraining({ schema: 2 })).toBeNull();
    const parsed = parseTraining({
      schema: 1,
      settings: { model: 'svm', treeParams: { gbdt: { nEstimators: 50, maxDepth: 'deep' }, forest: 3 }, l2: 'x', seed: 7, exclude: ['a', 3], holdout: { enabled: false, fraction: 0.3, mode: 'later' }, cv: { scheme: 'bogus', folds: 3, column: 'g' } },
      recipe: { recipe: { version: 1, steps: 'no' }, edited: true },
      runs: [run, { id: 'broken' }],
      selectedRunId: 'broken',
    });
    expect(parsed).toEqual({
      settings: { search: DEFAULT_SEARCH, model: 'linear', treeParams: { tree: {}, forest: {}, gbdt: { nEstimators: 50 } }, l2: 1, seed: 7, calibration: 'none', exclude: ['a'], holdout: { enabled: false, fraction: 0.3, mode: 'random', column: null }, cv: { scheme: 'stratified', folds: 3, column: 'g' } },
      recipe: null,
      runs: [run],
      selectedRunId: null,
    });
  });
});

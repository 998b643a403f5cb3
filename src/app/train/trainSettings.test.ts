import { describe, expect, it } from 'vitest';
import type { Recipe } from '../../core/recipe/recipe';
import { DEFAULT_SETTINGS, cvSchemeFor, settingsProblems, timeColumnGroups, timeColumns, trainingRequest, treeParamProblems, type TrainSettings } from './trainSettings';

const columns = [
  { name: 'applicant_id', type: 'text' },
  { name: 'application_date', type: 'datetime' },
  { name: 'income', type: 'numeric' },
  { name: 'region', type: 'categorical' },
  { name: 'default', type: 'numeric' },
];
const recipe: Recipe = { version: 1, steps: [{ step: 'log', columns: ['income'] }] };

describe('train settings', () => {
  it('builds the worker request with the contract defaults: l2 1, seed 42, 20 % stratified holdout, 5 stratified folds', () => {
    expect(trainingRequest({ column: 'default', kind: 'logistic', positive: '1' }, DEFAULT_SETTINGS, recipe)).toEqual({
      target: 'default',
      kind: 'logistic',
      params: { l2: 1 },
      seed: 42,
      exclude: [],
      recipe,
      positive: '1',
      holdout: { fraction: 0.2 },
      cv: { folds: 5, scheme: 'stratified' },
    });
  });

  it('uses k-fold for a regression, the columns of group and time schemes, the most recent holdout', () => {
    const settings: TrainSettings = {
      ...DEFAULT_SETTINGS,
      l2: 0.1,
      exclude: ['applicant_id', 'income'],
      holdout: { enabled: true, fraction: 0.25, mode: 'recent', column: 'application_date' },
      cv: { scheme: 'time', folds: 4, column: 'application_date' },
    };
    const request = trainingRequest({ column: 'income', kind: 'linear', positive: null }, settings, null);
    expect(request).toEqual({
      target: 'income',
      kind: 'linear',
      params: { l2: 0.1 },
      seed: 42,
      exclude: ['applicant_id'],
      holdout: { fraction: 0.25, byColumn: 'application_date' },
      cv: { folds: 4, scheme: 'time', column: 'application_date' },
    });
    expect(cvSchemeFor('linear', 'stratified')).toBe('kfold');
    expect(cvSchemeFor('logistic', 'stratified')).toBe('stratified');
    // calibration applies to classifiers only
    expect(trainingRequest({ column: 'income', kind: 'linear', positive: null }, { ...settings, calibration: 'platt' }, null).calibration).toBeUndefined();
    expect(trainingRequest({ column: 'default', kind: 'logistic', positive: '1' }, { ...settings, calibration: 'isotonic' }, null).calibration).toBe('isotonic');
    const noHoldout = trainingRequest({ column: 'income', kind: 'linear', positive: null }, { ...DEFAULT_SETTINGS, holdout: { ...DEFAULT_SETTINGS.holdout, enabled: false } }, null);
    expect(noHoldout.holdout).toBeUndefined();
    expect(noHoldout.cv).toEqual({ folds: 5, scheme: 'kfold' });
  });

  it('offers date columns first, then numbers, for time orders', () => {
    expect(timeColumns(columns, 'default')).toEqual(['application_date', 'income']);
    expect(timeColumnGroups(columns, 'default')).toEqual([
      { group: 'Dates', items: ['application_date'] },
      { group: 'Numbers (e.g. a year or a sequence)', items: ['income'] },
    ]);
    expect(timeColumnGroups(columns.slice(2), 'income')).toEqual([{ group: 'Numbers (e.g. a year or a sequence)', items: ['default'] }]);
  });

  it('says what must be fixed before training', () => {
    expect(settingsProblems(DEFAULT_SETTINGS, 'logistic', columns, 'default')).toEqual([]);
    const bad: TrainSettings = {
      ...DEFAULT_SETTINGS,
      l2: -1,
      seed: 1.5,
      calibration: 'none',
      exclude: ['nope'],
      holdout: { enabled: true, fraction: 1, mode: 'recent', column: 'region' },
      cv: { scheme: 'group', folds: 1, column: null },
    };
    expect(settingsProblems(bad, 'logistic', columns, 'default')).toEqual([
      'The L2 penalty must be a number ≥ 0.',
      'The seed must be a whole number.',
      'The held-out share must be between 0 and 1 (e.g. 0.2).',
      'Choose the date column that orders the rows for the most recent holdout.',
      'Cross-validation needs a whole number of folds, at least 2.',
      'Choose the column whose groups must stay together in a fold.',
      'Excluded columns not in this dataset: nope.',
    ]);
    expect(settingsProblems({ ...DEFAULT_SETTINGS, cv: { scheme: 'time', folds: 5, column: 'region' } }, 'logistic', columns, 'default')).toEqual([
      'Choose the date column that orders the rows for the time folds.',
    ]);
  });

  it('trains the chosen tree family with only the parameters set, and the task the target fixes', () => {
    const target = { column: 'default', kind: 'logistic' as const, positive: '1' };
    const settings: TrainSettings = { ...DEFAULT_SETTINGS, model: 'gbdt', calibration: 'platt', treeParams: { ...DEFAULT_SETTINGS.treeParams, gbdt: { nEstimators: 50, learningRate: 0.05 } } };
    const request = trainingRequest(target, settings, null);
    expect(request.kind).toBe('gbdt');
    expect(request.task).toBe('classification');
    expect(request.params).toEqual({ nEstimators: 50, learningRate: 0.05 });
    expect(request.calibration).toBeUndefined(); // calibration is a logistic-model setting
    expect(request.positive).toBe('1');
    const regression = trainingRequest({ column: 'income', kind: 'linear', positive: null }, { ...DEFAULT_SETTINGS, model: 'forest' }, null);
    expect([regression.kind, regression.task, regression.params]).toEqual(['forest', 'regression', {}]);
    expect(trainingRequest(target, DEFAULT_SETTINGS, null)).toMatchObject({ kind: 'logistic', params: { l2: 1 } });
  });

  it('checks tree parameters as glassbox --params does', () => {
    expect(treeParamProblems({ nEstimators: 10, subsample: 0.5, maxBins: 64 })).toEqual([]);
    expect(treeParamProblems({ nEstimators: 2.5, subsample: 1.5, maxBins: 300, learningRate: -1 })).toEqual([
      'nEstimators must be a whole number ≥ 1.',
      'subsample must be a share in (0, 1].',
      'Bins per feature must be from 2 to 255.',
      'learningRate must be a number ≥ 0.',
    ]);
    expect(settingsProblems({ ...DEFAULT_SETTINGS, model: 'forest', l2: -1, treeParams: { ...DEFAULT_SETTINGS.treeParams, forest: { maxDepth: 0 } } }, 'logistic', columns, 'default')).toEqual(['maxDepth must be a whole number ≥ 1.']);
  });
});

import { describe, expect, it } from 'vitest';
import type { MetricsResult } from '../../core/validation/evaluateScores';
import type { TrainingRun } from '../../workers/workbenchApi';
import { looksTooGood, plainMetrics, runRecord, sortRuns, type RunRecord } from './runRecord';
import { DEFAULT_SETTINGS } from './trainSettings';

const metrics = (auc: number | null): MetricsResult => ({ auc, logLoss: 0.4, accuracy: 0.8, precision: 0.5, recall: 0.4, f1: 0.44, brier: 0.12, n: 100 }) as MetricsResult;

const run = {
  kind: 'logistic',
  target: 'default',
  params: { l2: 1 },
  seed: 42,
  recipe: { version: 1, steps: [{ step: 'log', columns: ['income'] }] },
  features: ['income'],
  coefficients: [-0.5],
  intercept: -1.2,
  trainRows: 16000,
  testRows: 4000,
  cv: { folds: [{ fold: 0, trainRows: 12800, testRows: 3200, metrics: { ...metrics(0.7), ci: { auc: [0.6, 0.8] } } }], mean: { auc: 0.7 }, std: { auc: null } },
  modelName: 'logistic-default.onnx',
  modelBytes: new Uint8Array(3),
  ms: 1234,
} as unknown as TrainingRun;

function record(id: string, kind: 'logistic' | 'linear', cv: number | null, holdout: number | null, l2 = 1): RunRecord {
  const name = kind === 'logistic' ? 'auc' : 'r2';
  return {
    ...runRecord(id, new Date(Date.UTC(2026, 0, 1, 0, 0, Number(id))), { column: 'y', kind, positive: null }, { ...DEFAULT_SETTINGS, l2 }, run, null),
    cv: cv === null ? null : { folds: [], mean: { [name]: cv }, std: { [name]: 0.01 } },
    holdout: holdout === null ? null : { [name]: holdout },
  };
}

describe('run records', () => {
  it('keeps the settings, recipe, folds (without intervals) and holdout metrics as plain JSON', () => {
    const r = runRecord('r1', new Date('2026-01-02T03:04:05Z'), { column: 'default', kind: 'logistic', positive: '1' }, DEFAULT_SETTINGS, run, metrics(0.71));
    expect(r.at).toBe('2026-01-02T03:04:05.000Z');
    expect(r.recipeHash).toMatch(/^[0-9a-f]{8}$/);
    expect(r.cv?.folds[0].metrics).toEqual({ auc: 0.7, logLoss: 0.4, accuracy: 0.8, precision: 0.5, recall: 0.4, f1: 0.44, brier: 0.12 });
    expect(r.holdout?.auc).toBe(0.71);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(plainMetrics({ rmse: 1, mae: 0.5, r2: null, n: 3 } as unknown as MetricsResult)).toEqual({ rmse: 1, mae: 0.5, r2: null });
  });

  it('warns when the main metric is at least 0.99 in CV or on the holdout', () => {
    expect(looksTooGood(record('1', 'logistic', 0.995, null))).toBe(true);
    expect(looksTooGood(record('1', 'logistic', 0.8, 0.99))).toBe(true);
    expect(looksTooGood(record('1', 'linear', 0.5, 0.7))).toBe(false);
    expect(looksTooGood(record('1', 'logistic', null, null))).toBe(false);
  });

  it('sorts by a column with missing values last in both directions', () => {
    const runs = [record('1', 'logistic', 0.7, null, 1), record('2', 'logistic', null, 0.8, 0.1), record('3', 'logistic', 0.75, 0.74, 10)];
    expect(sortRuns(runs, 'cv', true).map((r) => r.id)).toEqual(['3', '1', '2']);
    expect(sortRuns(runs, 'cv', false).map((r) => r.id)).toEqual(['1', '3', '2']);
    expect(sortRuns(runs, 'holdout', true).map((r) => r.id)).toEqual(['2', '3', '1']);
    expect(sortRuns(runs, 'l2', false).map((r) => r.id)).toEqual(['2', '1', '3']);
    expect(sortRuns(runs, 'at', true).map((r) => r.id)).toEqual(['3', '2', '1']);
  });
});

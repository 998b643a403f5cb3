import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../workers/workbenchApi';
import { layoutWords, opsetWords, outputUse, scoringWords, taskWords, typeWords } from './modelText';

const matrix: ModelInfo = {
  name: 'loans_gbm.onnx',
  bytes: 47_688,
  description: {
    irVersion: 8,
    producerName: 'glassbox-fixtures',
    producerVersion: '',
    opsets: [
      { domain: '', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ],
    metadata: { feature_names: '["age", "income"]' },
    graphName: 'g',
    inputs: [{ name: 'float_input', kind: 'tensor', elementType: 'float32', shape: ['N', 2] }],
    outputs: [
      { name: 'label', kind: 'tensor', elementType: 'int64', shape: ['N'] },
      { name: 'probabilities', kind: 'tensor', elementType: 'float32', shape: ['N', 2] },
    ],
    operators: [],
    outputProducers: { probabilities: 'Concat' },
    classifierLabels: null,
  },
  signature: {
    layout: 'matrix',
    task: 'classification',
    inputs: [{ name: 'float_input', elementType: 'float32', rank: 2 }],
    featureCount: 2,
    featureNames: ['age', 'income'],
    scoreOutput: { name: 'probabilities', width: 2, index: 1 },
    classLabels: [0, 1],
    positive: 1,
    warnings: [],
  },
  slots: [],
  suggestedMapping: [],
  threads: 1,
};

describe('model text', () => {
  it('describes a matrix classifier in plain words', () => {
    expect(layoutWords(matrix)).toBe(
      "One float (32-bit) matrix 'float_input' [N, 2]: one row per sample, 2 features per row, in the order listed by its feature_names metadata.",
    );
    expect(taskWords(matrix)).toContain('the score is P(1)');
    expect(outputUse(matrix, 'probabilities')).toEqual({ score: true, text: 'Read as the score: P(1), column 2 of 2' });
    expect(outputUse(matrix, 'label')).toEqual({ score: false, text: 'Ignored: labels come from score ≥ threshold' });
    expect(opsetWords(matrix)).toBe('ai.onnx 17, ai.onnx.ml 3');
    expect(typeWords('string')).toBe('text');
  });

  it('describes per-column inputs and regressors', () => {
    const columns: ModelInfo = {
      ...matrix,
      signature: {
        ...matrix.signature,
        layout: 'columns',
        task: 'regression',
        inputs: [
          { name: 'age', elementType: 'float32', rank: 2 },
          { name: 'sex', elementType: 'string', rank: 2 },
        ],
        classLabels: null,
        positive: null,
        scoreOutput: { name: 'variable', width: 1, index: 0 },
      },
    };
    expect(layoutWords(columns)).toContain('2 inputs (1 numeric, 1 text), each [N, 1]');
    expect(taskWords(columns)).toBe('Regression: the score is the predicted value.');
    expect(outputUse(columns, 'variable').score).toBe(true);
    expect(outputUse(columns, 'other')).toEqual({ score: false, text: 'Not used' });
  });

  it('words the scoring summary', () => {
    expect(scoringWords({ rows: 20_000, ms: 412, threads: 1, batchSize: 4096 })).toBe('Scored 20,000 rows in 0.4 s · 1 thread · batch 4,096');
    expect(scoringWords({ rows: 442, ms: 6, threads: 4, batchSize: 4096 })).toBe('Scored 442 rows in 0.01 s · 4 threads · batch 4,096');
  });
});

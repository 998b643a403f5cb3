/** How a model is read: layout, task, score output and class labels — and what is refused. */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../errors/errors';
import { analyseModel } from './modelSignature';
import type { ModelDescription, ValueDescription } from './onnx/modelDescription';

function tensor(name: string, elementType: string, shape: (number | string | null)[] | null): ValueDescription {
  return { name, kind: 'tensor', elementType, shape };
}

function model(over: Partial<ModelDescription>): ModelDescription {
  return {
    irVersion: 8,
    producerName: 'test',
    producerVersion: '',
    opsets: [{ domain: '', version: 17 }],
    metadata: {},
    graphName: 'g',
    inputs: [tensor('x', 'float32', ['N', 3])],
    outputs: [tensor('probabilities', 'float32', ['N', 2])],
    operators: [{ domain: '', opType: 'MatMul', count: 1 }],
    outputProducers: {},
    classifierLabels: null,
    ...over,
  };
}

describe('analyseModel', () => {
  it('reads a [N, 2] float output as a binary classifier scoring column 1', () => {
    const s = analyseModel(model({}));
    expect(s).toMatchObject({ layout: 'matrix', task: 'classification', featureCount: 3, classLabels: [0, 1], positive: 1 });
    expect(s.scoreOutput).toEqual({ name: 'probabilities', width: 2, index: 1 });
  });

  it('prefers the probability output over an earlier label output', () => {
    const s = analyseModel(model({ outputs: [tensor('label', 'int64', ['N']), tensor('probabilities', 'float32', ['N', 2])] }));
    expect(s.scoreOutput.name).toBe('probabilities');
  });

  it('treats a single sigmoid column as P(positive), a plain single column as a regression value', () => {
    const out = [tensor('p', 'float32', ['N', 1])];
    expect(analyseModel(model({ outputs: out, outputProducers: { p: 'Sigmoid' } })).task).toBe('classification');
    expect(analyseModel(model({ outputs: out, outputProducers: { p: 'Add' } })).task).toBe('regression');
    expect(analyseModel(model({ outputs: out, metadata: { task: 'classification' } })).task).toBe('classification');
  });

  it('takes class labels from metadata, then from the classifier node', () => {
    const fromMeta = analyseModel(model({ metadata: { class_labels: '["good","bad"]', positive_class: 'bad' } }));
    expect(fromMeta).toMatchObject({ classLabels: ['good', 'bad'], positive: 'bad' });
    expect(analyseModel(model({ classifierLabels: ['no', 'yes'] })).classLabels).toEqual(['no', 'yes']);
    expect(() => analyseModel(model({ metadata: { class_labels: '["good","bad"]', positive_class: 'good' } }))).toThrow(
      /positive_class 'good' must be the second class label/,
    );
  });

  it('recognises one input per column, including string inputs', () => {
    const s = analyseModel(model({ inputs: [tensor('age', 'float32', ['N', 1]), tensor('sex', 'string', ['N', 1])] }));
    expect(s.layout).toBe('columns');
    expect(s.inputs.map((i) => i.elementType)).toEqual(['float32', 'string']);
  });

  it('refuses what it cannot score, saying why', () => {
    const refuse = (over: Partial<ModelDescription>, message: RegExp) => {
      expect(() => analyseModel(model(over))).toThrow(ModelError);
      expect(() => analyseModel(model(over))).toThrow(message);
    };
    refuse({ outputs: [tensor('probabilities', 'float32', ['N', 3])] }, /predicts 3 classes/);
    refuse({ classifierLabels: [3, 4, 5] }, /predicts 3 classes/);
    refuse({ outputs: [{ name: 'output_probability', kind: 'sequence', elementType: null, shape: null }] }, /not a tensor \(a ZipMap\?\)/);
    refuse({ outputs: [tensor('label', 'int64', ['N'])] }, /no float output/);
    refuse({ inputs: [tensor('x', 'float32', ['N', 3, 2])] }, /shape \[N, 3, 2\]/);
    refuse({ inputs: [tensor('a', 'float32', ['N', 2]), tensor('b', 'float32', ['N', 1])] }, /input 'a' has shape \[N, 2\]; with one input per column/);
    refuse({ metadata: { feature_names: 'age,income' } }, /feature_names must be a JSON array/);
    refuse({ inputs: [] }, /no inputs/);
  });

  it('warns about opsets beyond the contract without refusing', () => {
    const s = analyseModel(model({ opsets: [{ domain: '', version: 21 }] }));
    expect(s.warnings).toEqual([expect.stringMatching(/opset 21; Glassbox's contract is opset ≤ 17/)]);
  });
});

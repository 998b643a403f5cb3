import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearModel, parseSavedModel, readModel, saveModel } from './modelStore';
import { clearWorkspace, saveWorkspace } from './workspaceStore';

const bytes = () => new Blob([new Uint8Array([8, 8, 18, 3])], { type: 'application/octet-stream' });

describe('model store', () => {
  it('saves the model file once, and its mapping and threshold on every change', async () => {
    expect(await readModel()).toBeNull();
    const file = bytes();
    await saveModel({ name: 'm.onnx', file, mapping: ['age', null], threshold: 0.5 });
    await saveModel({ name: 'm.onnx', file, mapping: ['age', 'income'], threshold: 0.35, runId: 'run-1' });
    const back = await readModel();
    expect(back?.runId).toBe('run-1');
    expect(back?.name).toBe('m.onnx');
    expect(back?.mapping).toEqual(['age', 'income']);
    expect(back?.threshold).toBe(0.35);
    expect(new Uint8Array(await back!.file.arrayBuffer())).toEqual(new Uint8Array([8, 8, 18, 3]));
    await clearModel();
    expect(await readModel()).toBeNull();
  });

  it('is deleted with the workspace', async () => {
    await saveWorkspace({
      schema: 1,
      savedAt: '',
      source: { kind: 'demo', name: 'adult' },
      options: {},
      overrides: {},
      filter: '',
      target: { column: null, positive: null },
      view: { step: 'model', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
    });
    await saveModel({ name: 'm.onnx', file: bytes(), mapping: [], threshold: 0.5 });
    await clearWorkspace();
    expect(await readModel()).toBeNull();
  });

  it('rejects records it does not understand', () => {
    const file = bytes();
    expect(parseSavedModel(null, file)).toBeNull();
    expect(parseSavedModel({ schema: 2, name: 'm.onnx', mapping: [], threshold: 0.5 }, file)).toBeNull();
    expect(parseSavedModel({ schema: 1, name: 'm.onnx', mapping: [], threshold: 0.5 }, 'not a blob')).toBeNull();
    const parsed = parseSavedModel({ schema: 1, name: 'm.onnx', mapping: ['a', 3, null], threshold: 7 }, file);
    expect(parsed?.mapping).toEqual(['a', null, null]);
    expect(parsed?.threshold).toBe(0.5);
    expect(parsed?.runId).toBeNull();
  });
});

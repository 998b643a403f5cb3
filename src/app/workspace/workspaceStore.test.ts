import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearWorkspace, parseWorkspace, readWorkspace, saveWorkspace, type SavedWorkspace } from './workspaceStore';

const ws: SavedWorkspace = {
  schema: 1,
  savedAt: '2026-01-01T00:00:00.000Z',
  source: { kind: 'demo', name: 'adult' },
  options: { delimiter: ';', decimal: ',' },
  overrides: { 'education-num': 'categorical' },
  derived: [{ name: 'rich', expression: 'income = ">50K"' }],
  filter: 'sex = Female and age > 40',
  target: { column: 'income', positive: '>50K' },
  comparison: { column: 'age', filterA: 'sex = Female', filterB: 'sex = Male', numericTest: 'mann-whitney' },
  fairness: { target: 'income', sensitive: ['sex', 'race'], bins: 4, favorable: '>50K', unit: '', values: { tp: 1, fp: -1, fn: -1, tn: 1 }, baseline: null },
  view: { step: 'explore', tab: 'profile', column: 'age', modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
};

describe('workspace store', () => {
  it('saves, reads back and clears the workspace', async () => {
    expect(await readWorkspace()).toBeNull();
    await saveWorkspace(ws);
    expect(await readWorkspace()).toEqual(ws);
    await saveWorkspace({ ...ws, filter: '' });
    expect((await readWorkspace())?.filter).toBe('');
    await clearWorkspace();
    expect(await readWorkspace()).toBeNull();
  });

  it('keeps a user file under its own key, written once, restored with the record', async () => {
    const file = new Blob(['a,b\n1,2\n'], { type: 'text/csv' });
    await saveWorkspace({ ...ws, source: { kind: 'file', name: 'mine.csv', file } });
    await saveWorkspace({ ...ws, source: { kind: 'file', name: 'mine.csv', file }, filter: 'a > 0' });
    const back = await readWorkspace();
    expect(back?.filter).toBe('a > 0');
    expect(back?.source.kind).toBe('file');
    const restored = back?.source.kind === 'file' ? back.source.file : null;
    expect(restored).toBeInstanceOf(Blob);
    expect(await restored?.text()).toBe('a,b\n1,2\n');
    await clearWorkspace();
    expect(await readWorkspace()).toBeNull();
  });

  it('rejects records it does not understand and drops unknown values', () => {
    expect(parseWorkspace(null)).toBeNull();
    expect(parseWorkspace({ ...ws, schema: 2 })).toBeNull();
    expect(parseWorkspace({ ...ws, source: { kind: 'file', name: 'x.csv', file: 'not a blob' } })).toBeNull();
    const parsed = parseWorkspace({
      ...ws,
      options: { delimiter: 'x', decimal: ',' },
      overrides: { a: 'numeric', b: 'bogus' },
      derived: [{ name: 'ok', expression: 'a > 1' }, { name: 3 }, 'x'],
      view: { step: 'nowhere', tab: 'nope', column: 3, modelTab: 'elsewhere' },
    });
    expect(parsed?.options).toEqual({ decimal: ',' });
    expect(parsed?.overrides).toEqual({ a: 'numeric' });
    expect(parsed?.derived).toEqual([{ name: 'ok', expression: 'a > 1' }]);
    expect(parsed?.view).toEqual({ step: 'data', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null });
    expect(parseWorkspace({ ...ws, derived: undefined })?.derived).toEqual([]);
    expect(parseWorkspace({ ...ws, view: { step: 'model', modelTab: 'evaluation', explainTab: 'bogus' } })?.view).toEqual({
      step: 'model',
      tab: 'profile',
      column: null,
      modelTab: 'evaluation',
      explainTab: 'shap',
      fairnessTab: 'report',
      auditRef: null,
    });
    const fairness = { target: 'y', sensitive: ['sex', 'age', 'extra'], bins: 5, favorable: '0', unit: 'EUR', values: { tp: 1, fp: -2, fn: -3, tn: 4 }, baseline: { rule: 'a > 1', gives: 'unfavorable' } };
    expect(parseWorkspace({ ...ws, fairness })?.fairness).toEqual({ ...fairness, sensitive: ['sex', 'age'] });
    expect(parseWorkspace({ ...ws, fairness: { ...fairness, values: { tp: 'x' } } })?.fairness).toBeNull();
    expect(parseWorkspace({ ...ws, fairness: { ...fairness, bins: 99, baseline: 'nope' } })?.fairness).toMatchObject({ bins: 4, baseline: null });
    expect(parseWorkspace({ ...ws, fairness: undefined })?.fairness).toBeNull();
    expect(parseWorkspace({ ...ws, view: { step: 'fairness', fairnessTab: 'value', auditRef: null } })?.view).toMatchObject({ step: 'fairness', fairnessTab: 'value', auditRef: null });
    expect(parseWorkspace({ ...ws, view: { step: 'fairness', fairnessTab: 'bogus', auditRef: null } })?.view).toMatchObject({ step: 'fairness', fairnessTab: 'report', auditRef: null });
  });
});

import { describe, expect, it } from 'vitest';
import { hashToView, viewToHash } from './hashRoute';
import type { ViewState } from './types';

describe('hash routes', () => {
  it('round-trips views', () => {
    const views: ViewState[] = [
      { step: 'data', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'explore', tab: 'missing', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'explore', tab: 'profile', column: 'native country/region #1', modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'train', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'model', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'explain', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'explain', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'pdp', fairnessTab: 'report', auditRef: null },
      { step: 'model', tab: 'profile', column: null, modelTab: 'evaluation', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'fairness', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null },
      { step: 'fairness', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'value', auditRef: null },
    ];
    expect(viewToHash({ step: 'fairness', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'value', auditRef: null })).toBe('#/fairness/value');
    expect(hashToView('#/fairness/bogus')?.fairnessTab).toBe('report');
    expect(hashToView('#/drift')?.step).toBe('drift');
    const id = 'ab'.repeat(32);
    expect(hashToView(`#/audit/${id}`)).toMatchObject({ step: 'audit', auditRef: id });
    expect(hashToView('#/audit')).toMatchObject({ step: 'audit', auditRef: null });
    const url = 'https://example.org/exp 1.json?x=1';
    const view = { ...hashToView('#/audit')!, auditRef: `url:${url}` };
    expect(viewToHash(view)).toBe(`#/audit/open?url=${encodeURIComponent(url)}`);
    expect(hashToView(viewToHash(view))).toEqual(view);
    expect(viewToHash({ step: 'drift', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null })).toBe('#/drift');
    for (const v of views) expect(hashToView(viewToHash(v))).toEqual(v);
    expect(viewToHash(null)).toBe('#/');
    expect(hashToView('')).toBeNull();
    expect(hashToView('#/explore/bogus')).toEqual({ step: 'explore', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null });
    expect(viewToHash({ step: 'model', tab: 'profile', column: null, modelTab: 'evaluation', explainTab: 'shap', fairnessTab: 'report', auditRef: null })).toBe('#/model/evaluation');
    expect(hashToView('#/model')?.step).toBe('model');
    expect(viewToHash({ step: 'train', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report', auditRef: null })).toBe('#/train');
    expect(hashToView('#/model/bogus')?.modelTab).toBe('setup');
  });
});

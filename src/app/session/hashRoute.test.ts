import { describe, expect, it } from 'vitest';
import { hashToView, viewToHash } from './hashRoute';
import type { ViewState } from './types';

describe('hash routes', () => {
  it('round-trips views', () => {
    const views: ViewState[] = [
      { step: 'data', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'explore', tab: 'missing', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'explore', tab: 'profile', column: 'native country/region #1', modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'train', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'model', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'explain', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'explain', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'pdp', fairnessTab: 'report' },
      { step: 'model', tab: 'profile', column: null, modelTab: 'evaluation', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'fairness', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' },
      { step: 'fairness', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'value' },
    ];
    expect(viewToHash({ step: 'fairness', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'value' })).toBe('#/fairness/value');
    expect(hashToView('#/fairness/bogus')?.fairnessTab).toBe('report');
    expect(hashToView('#/drift')?.step).toBe('drift');
    expect(viewToHash({ step: 'drift', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' })).toBe('#/drift');
    for (const v of views) expect(hashToView(viewToHash(v))).toEqual(v);
    expect(viewToHash(null)).toBe('#/');
    expect(hashToView('')).toBeNull();
    expect(hashToView('#/explore/bogus')).toEqual({ step: 'explore', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' });
    expect(viewToHash({ step: 'model', tab: 'profile', column: null, modelTab: 'evaluation', explainTab: 'shap', fairnessTab: 'report' })).toBe('#/model/evaluation');
    expect(hashToView('#/model')?.step).toBe('model');
    expect(viewToHash({ step: 'train', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap', fairnessTab: 'report' })).toBe('#/train');
    expect(hashToView('#/model/bogus')?.modelTab).toBe('setup');
  });
});

import { describe, expect, it } from 'vitest';
import { hashToView, viewToHash } from './hashRoute';
import type { ViewState } from './types';

describe('hash routes', () => {
  it('round-trips views', () => {
    const views: ViewState[] = [
      { step: 'data', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap' },
      { step: 'explore', tab: 'missing', column: null, modelTab: 'setup', explainTab: 'shap' },
      { step: 'explore', tab: 'profile', column: 'native country/region #1', modelTab: 'setup', explainTab: 'shap' },
      { step: 'train', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap' },
      { step: 'model', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap' },
      { step: 'explain', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap' },
      { step: 'explain', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'pdp' },
      { step: 'model', tab: 'profile', column: null, modelTab: 'evaluation', explainTab: 'shap' },
    ];
    for (const v of views) expect(hashToView(viewToHash(v))).toEqual(v);
    expect(viewToHash(null)).toBe('#/');
    expect(hashToView('')).toBeNull();
    expect(hashToView('#/explore/bogus')).toEqual({ step: 'explore', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap' });
    expect(viewToHash({ step: 'model', tab: 'profile', column: null, modelTab: 'evaluation', explainTab: 'shap' })).toBe('#/model/evaluation');
    expect(hashToView('#/model')?.step).toBe('model');
    expect(viewToHash({ step: 'train', tab: 'profile', column: null, modelTab: 'setup', explainTab: 'shap' })).toBe('#/train');
    expect(hashToView('#/model/bogus')?.modelTab).toBe('setup');
  });
});

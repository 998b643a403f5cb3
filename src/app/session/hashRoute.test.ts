import { describe, expect, it } from 'vitest';
import { hashToView, viewToHash } from './hashRoute';

describe('hash routes', () => {
  it('round-trips views', () => {
    for (const v of [
      { step: 'data', tab: 'profile', column: null },
      { step: 'explore', tab: 'missing', column: null },
      { step: 'explore', tab: 'profile', column: 'native country/region #1' },
    ] as const) {
      expect(hashToView(viewToHash(v))).toEqual(v);
    }
    expect(viewToHash(null)).toBe('#/');
    expect(hashToView('')).toBeNull();
    expect(hashToView('#/explore/bogus')).toEqual({ step: 'explore', tab: 'profile', column: null });
  });
});

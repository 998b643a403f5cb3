import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../core/stats/results';
import { defaultPositive, pickPositive } from './positiveClass';

function profile(top: { value: string | number | boolean; count: number }[]): ColumnProfile {
  return { name: 'y', type: 'categorical', count: 10, missing: 0, distinct: top.length, mean: null, std: null, min: null, q25: null, median: null, q75: null, max: null, top };
}

describe('positive class', () => {
  const income = profile([
    { value: '<=50K', count: 8 },
    { value: '>50K', count: 2 },
  ]);

  it('defaults to 1 / true, else the rarer class', () => {
    expect(defaultPositive(profile([{ value: 0, count: 8 }, { value: 1, count: 2 }]))).toBe('1');
    expect(defaultPositive(profile([{ value: true, count: 1 }, { value: false, count: 9 }]))).toBe('true');
    expect(defaultPositive(income)).toBe('>50K');
    expect(defaultPositive(profile([{ value: 'a', count: 1 }]))).toBeNull();
  });

  it("prefers the user's choice, then the model's positive class", () => {
    const classes = ['<=50K', '>50K'];
    expect(pickPositive(classes, '<=50K', '>50K', income)).toBe('<=50K');
    expect(pickPositive(classes, 'nonsense', '<=50K', income)).toBe('<=50K');
    expect(pickPositive(['0', '1'], null, 0, profile([{ value: 0, count: 1 }, { value: 1, count: 9 }]))).toBe('0');
    expect(pickPositive(classes, null, 'yes', income)).toBe('>50K');
  });
});

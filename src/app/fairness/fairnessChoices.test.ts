import { describe, expect, it } from 'vitest';
import { defaultFairnessSettings } from './fairnessChoices';

const col = (name: string, type: 'numeric' | 'categorical' | 'boolean' = 'categorical') => ({ name, type, inferredType: type });

describe('first fairness choices', () => {
  it('picks named sensitive columns, and the non-harmful class as favourable when the target names a harm', () => {
    const s = defaultFairnessSettings([col('age', 'numeric'), col('sex'), col('race'), col('default', 'numeric')], { target: 'default', positive: '1' }, ['0', '1']);
    expect(s.sensitive).toEqual(['age', 'sex']);
    expect(s.favorable).toBe('0');
  });
  it('falls back to the first categorical column and the positive class', () => {
    const s = defaultFairnessSettings([col('x', 'numeric'), col('region'), col('approved')], { target: 'approved', positive: 'yes' }, ['no', 'yes']);
    expect(s.sensitive).toEqual(['region']);
    expect(s.favorable).toBe('yes');
  });
});

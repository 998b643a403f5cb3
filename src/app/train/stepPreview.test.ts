import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../core/stats/results';
import { previewStep } from './stepPreview';

// values 1, 2, 3, 4, 10 and 5 missing (pandas: mean 4, std (ddof 1) √12.5, quartiles 2, 3, 4)
const income: ColumnProfile = {
  name: 'income',
  type: 'numeric',
  count: 5,
  missing: 5,
  distinct: 5,
  mean: 4,
  std: Math.sqrt(12.5),
  min: 1,
  q25: 2,
  median: 3,
  q75: 4,
  max: 10,
  top: [{ value: 1, count: 1 }],
};

describe('step preview', () => {
  it('imputes: every row counted, the mean moves toward the fill value', () => {
    const p = previewStep({ step: 'impute', columns: ['income'], strategy: 'median', indicator: true }, income);
    expect(p.before).toEqual({ count: 5, missing: 5, mean: 4, min: 1, max: 10 });
    expect(p.after).toEqual({ count: 10, missing: 0, mean: 3.5, min: 1, max: 10 });
    expect(p.note).toBe('The 5 missing values take the median (3 on all rows). A 0/1 feature records which values were missing.');
    const complete = { ...income, missing: 0 };
    expect(previewStep({ step: 'impute', columns: ['income'], strategy: 'mean' }, complete).note).toBe('No value is missing here; values missing in new rows will take the mean (4 on all rows).');
    expect(previewStep({ step: 'impute', columns: ['income'], strategy: 'constant', value: -1 }, income).after).toEqual({ count: 10, missing: 0, mean: 1.5, min: -1, max: 10 });
  });

  it('log: ends transformed exactly, mean unknown', () => {
    const p = previewStep({ step: 'log', columns: ['income'] }, income);
    expect(p.after).toEqual({ count: 5, missing: 5, mean: null, min: Math.log(2), max: Math.log(11) });
  });

  it('scale: standard uses the population std, like the recipe', () => {
    const sd = Math.sqrt(10); // population std of 1, 2, 3, 4, 10
    expect(previewStep({ step: 'scale', columns: ['income'], method: 'standard' }, income).after).toEqual({ count: 5, missing: 5, mean: 0, min: -3 / sd, max: 6 / sd });
    expect(previewStep({ step: 'scale', columns: ['income'], method: 'minmax' }, income).after).toEqual({ count: 5, missing: 5, mean: 1 / 3, min: 0, max: 1 });
    expect(previewStep({ step: 'scale', columns: ['income'], method: 'robust' }, income).after).toEqual({ count: 5, missing: 5, mean: 0.5, min: -1, max: 3.5 });
  });

  it('clip: bounds known at quartiles only', () => {
    expect(previewStep({ step: 'clip', columns: ['income'], lower: 25, upper: 75 }, income).after).toMatchObject({ min: 2, max: 4, mean: null });
    expect(previewStep({ step: 'clip', columns: ['income'], lower: 1, upper: 99 }, income).after).toMatchObject({ min: null, max: null });
  });

  it('categorical steps describe the features they make', () => {
    const region: ColumnProfile = { ...income, name: 'region', type: 'categorical', distinct: 4, mean: null, std: null, min: null, max: null };
    expect(previewStep({ step: 'oneHot', columns: ['region'], top: 20 }, region).note).toBe('region becomes 4 0/1 features (its most frequent categories) plus one for "other".');
    expect(previewStep({ step: 'impute', columns: ['region'], strategy: 'mode' }, region).after).toEqual({ count: 10, missing: 0, mean: null, min: null, max: null });
    expect(previewStep({ step: 'log', columns: ['region'] }, region).after).toBeNull();
    expect(previewStep({ step: 'drop', columns: ['region'] }, region).note).toBe('region is left out of the model.');
  });
});

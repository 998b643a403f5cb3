import { describe, expect, it } from 'vitest';
import { fittedWords } from './stepPreview';

describe('fitted step in words', () => {
  it('numeric operations', () => {
    expect(fittedWords({ kind: 'op', op: { op: 'impute', value: 39500 } }, { step: 'impute', columns: ['income'], strategy: 'median' }, 'income')).toBe(
      'Missing values take 39,500 (the median of the training rows).',
    );
    expect(fittedWords({ kind: 'op', op: { op: 'impute', value: -1 } }, { step: 'impute', columns: ['x'], strategy: 'constant', value: -1 }, 'x')).toBe('Missing values take -1.');
    expect(fittedWords({ kind: 'op', op: { op: 'scale', center: 38.5, scale: 13.25 } }, { step: 'scale', columns: ['age'], method: 'standard' }, 'age')).toBe('Each value x becomes (x − 38.5) / 13.25.');
    expect(fittedWords({ kind: 'op', op: { op: 'clip', lower: 0, upper: 1200 } }, { step: 'clip', columns: ['x'], lower: 1, upper: 99 }, 'x')).toBe(
      'Values are capped to [0, 1,200]: percentiles 1 and 99 of the training rows.',
    );
    expect(fittedWords({ kind: 'op', op: { op: 'bin', edges: [25, 37, 48] } }, { step: 'bin', columns: ['age'] }, 'age')).toBe('4 bins, numbered 0–3, split at 25, 37, 48 (a value on an edge goes up).');
  });

  it('encodings, combinations and dates', () => {
    expect(fittedWords({ kind: 'lookup', encoding: 'ordinal', categories: 3, fallback: -1, examples: [] }, { step: 'ordinal', columns: ['c'] }, 'c')).toBe('3 categories coded 0–2; any other value and missing → -1.');
    expect(fittedWords({ kind: 'oneHot', categories: ['a', 'b'] }, { step: 'oneHot', columns: ['c'] }, 'c')).toBe('2 kept as 0/1 features (“a”, “b”); every other value goes to “c=other”.');
    expect(fittedWords({ kind: 'combine', left: 'loan', op: '/', right: 'income' }, { step: 'combine', columns: ['loan', 'income'], op: '/', name: 'ratio' }, 'ratio')).toBe(
      'loan ÷ income (a division by zero is missing).',
    );
    expect(fittedWords({ kind: 'datePart', part: 'daysSince', reference: 19723 }, { step: 'dateParts', columns: ['d'], parts: ['daysSince'] }, 'd__daysSince')).toBe('Whole days since 2024-01-01.');
    expect(fittedWords({ kind: 'datePart', part: 'month', reference: null }, { step: 'dateParts', columns: ['d'], parts: ['month'] }, 'd__month')).toBe('The month (1–12) of the date.');
    expect(fittedWords({ kind: 'categoricalImpute', value: 'Private' }, { step: 'impute', columns: ['w'], strategy: 'mode' }, 'w')).toBe('Missing values take “Private” (the most frequent value of the training rows).');
  });
});

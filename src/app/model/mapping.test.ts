import { describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../workers/workbenchApi';
import { completeMapping, restoredMapping } from './mapping';

const info = {
  slots: [
    { label: 'age', expected: 'age', elementType: 'float32' },
    { label: 'income', expected: 'income', elementType: 'float32' },
  ],
  suggestedMapping: ['age', null],
} as unknown as ModelInfo;

describe('mapping', () => {
  it('is complete when every slot has a column', () => {
    expect(completeMapping(['a', 'b'])).toBe(true);
    expect(completeMapping(['a', null])).toBe(false);
    expect(completeMapping([])).toBe(false);
  });

  it('restores the saved columns that still exist, else the suggestion', () => {
    expect(restoredMapping(['years', 'salary'], info, ['years', 'salary', 'age'])).toEqual(['years', 'salary']);
    expect(restoredMapping(['years', 'gone'], info, ['years', 'age'])).toEqual(['years', null]);
    expect(restoredMapping(['gone', null], info, ['age'])).toEqual(['age', null]);
    expect(restoredMapping(['only one'], info, ['age'])).toEqual(['age', null]);
  });
});

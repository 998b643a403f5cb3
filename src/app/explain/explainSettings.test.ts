/** Custom PDP grids typed by the user, read in the column's terms. */
import { describe, expect, it } from 'vitest';
import { parseCustomGrid } from './explainSettings';

describe('custom PDP grid', () => {
  it('reads numbers, booleans, dates and labels, and refuses what does not fit', () => {
    expect(parseCustomGrid('20000, 40000,80000', 'numeric')).toEqual([20000, 40000, 80000]);
    expect(parseCustomGrid('1, x', 'numeric')).toBeNull();
    expect(parseCustomGrid('true,false', 'boolean')).toEqual([true, false]);
    expect(parseCustomGrid('yes', 'boolean')).toBeNull();
    expect(parseCustomGrid('2024-01-01', 'datetime')).toEqual([Date.UTC(2024, 0, 1)]);
    expect(parseCustomGrid('North , South', 'categorical')).toEqual(['North', 'South']);
    expect(parseCustomGrid(' , ', 'numeric')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_DRIFT_SETUP, driftRequest } from './driftSetup';

describe('drift request', () => {
  it('says what is missing, then builds the request of each mode', () => {
    expect(driftRequest(DEFAULT_DRIFT_SETUP, null)).toMatch(/condition/);
    expect(driftRequest({ ...DEFAULT_DRIFT_SETUP, current: ' alcohol >= 11 ' }, null)).toEqual({ split: { kind: 'condition', current: 'alcohol >= 11' }, bins: 10, seed: 0, classifier: true });
    expect(driftRequest({ ...DEFAULT_DRIFT_SETUP, mode: 'date', dateColumn: 'd' }, null)).toMatch(/where to split d/);
    expect(driftRequest({ ...DEFAULT_DRIFT_SETUP, mode: 'date', dateColumn: 'd', at: '2024-01-01', columns: ['a'] }, { target: 'y', threshold: 0.4 })).toEqual({
      split: { kind: 'date', column: 'd', at: '2024-01-01' },
      columns: ['a'],
      bins: 10,
      seed: 0,
      classifier: true,
      target: 'y',
      threshold: 0.4,
    });
    expect(driftRequest({ ...DEFAULT_DRIFT_SETUP, mode: 'file' }, null)).toMatch(/file/);
  });
});

/** The contract's encodings: numbers as is, booleans 0/1, datetimes as float days since the epoch, text as strings; missing = NaN / "". */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import { InputError } from '../errors/errors';
import { FeedEncoder } from './feedEncoder';
import type { ModelSignature } from './modelSignature';

const table = buildTable(
  ['x', 'flag', 'when', 'city'],
  [
    rawFromValues([1.5, null, 3]),
    rawFromValues([true, false, null]),
    rawFromValues(['1970-01-02', '2024-03-01T12:00:00Z', null], true),
    rawFromValues(['Paris', null, 'Oslo']),
  ],
  3,
);

const base: Omit<ModelSignature, 'layout' | 'inputs' | 'featureCount'> = {
  task: 'regression',
  featureNames: null,
  scoreOutput: { name: 'variable', width: 1, index: 0 },
  classLabels: null,
  positive: null,
  warnings: [],
};

describe('FeedEncoder', () => {
  it('fills a float matrix row by row', () => {
    const signature: ModelSignature = { ...base, layout: 'matrix', inputs: [{ name: 'm', elementType: 'float32', rank: 2 }], featureCount: 3 };
    const [feed] = new FeedEncoder(signature, table, ['x', 'flag', 'when'], 8).encode(null, 0, 3);
    expect(feed.dims).toEqual([3, 3]);
    const days = Date.UTC(2024, 2, 1, 12) / 86_400_000;
    expect(Array.from(feed.data as Float32Array)).toEqual([1.5, 1, 1, NaN, 0, Math.fround(days), 3, NaN, NaN]);
  });

  it('feeds one [N, 1] tensor per column, strings for text, in the order of a row selection', () => {
    const signature: ModelSignature = {
      ...base,
      layout: 'columns',
      inputs: [
        { name: 'city', elementType: 'string', rank: 2 },
        { name: 'x', elementType: 'float64', rank: 1 },
        { name: 'flag', elementType: 'bool', rank: 2 },
      ],
      featureCount: 3,
    };
    const feeds = new FeedEncoder(signature, table, ['city', 'x', 'flag'], 8).encode(Int32Array.from([2, 0, 1]), 0, 3);
    expect(feeds.map((f) => f.dims)).toEqual([[3, 1], [3], [3, 1]]);
    expect(feeds[0].data).toEqual(['Oslo', 'Paris', '']);
    expect(Array.from(feeds[1].data as Float64Array)).toEqual([3, 1.5, NaN]);
    expect(Array.from(feeds[2].data as Uint8Array)).toEqual([0, 1, 0]);
  });

  it('refuses a missing value for an int64 input, naming the row', () => {
    const signature: ModelSignature = { ...base, layout: 'columns', inputs: [{ name: 'x', elementType: 'int64', rank: 2 }], featureCount: 1 };
    const encoder = new FeedEncoder(signature, table, ['x'], 8);
    expect(() => encoder.encode(null, 0, 3)).toThrow(InputError);
    expect(() => encoder.encode(null, 0, 3)).toThrow("model input 'x' takes whole numbers (int64) but column 'x' has the value 1.5 in row 1");
  });
});

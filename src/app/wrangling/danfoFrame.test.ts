import { describe, expect, it } from 'vitest';
import type { ColumnInfo, RowsPage } from '../../workers/workbenchApi';
import { csvField, dataFrameToCsv, dataFrameToRows, pageToDataFrame } from './danfoFrame';

const columns: ColumnInfo[] = [
  { name: 'age', type: 'numeric', inferredType: 'numeric' },
  { name: 'sex', type: 'categorical', inferredType: 'categorical' },
  { name: 'member', type: 'boolean', inferredType: 'boolean' },
  { name: 'joined', type: 'datetime', inferredType: 'datetime' },
  { name: 'note', type: 'text', inferredType: 'text' },
];

const page: RowsPage = {
  offset: 0,
  total: 4,
  index: [3, 0, 7, 2],
  rows: [
    [45, 'Female', true, '2024-01-05', 'says "hi", twice'],
    [null, null, null, null, null],
    [-0.5, 'Male', false, '2023-06-01T10:00:00Z', ''],
    [123456789.123456, 'Female', null, null, 'x'],
  ],
};

describe('danfoFrame', () => {
  it('round-trips numbers, strings, booleans and nulls', async () => {
    const df = await pageToDataFrame(columns, page);
    expect(df.shape).toEqual([4, 5]);
    expect(df.columns).toEqual(['age', 'sex', 'member', 'joined', 'note']);
    expect(df.dtypes).toEqual(['float32', 'string', 'boolean', 'string', 'string']);
    expect(df.index).toEqual([3, 0, 7, 2]);
    expect(dataFrameToRows(df)).toEqual(page.rows);
  });

  it('keeps full double precision (the float32 dtype is only a label)', async () => {
    const df = await pageToDataFrame([columns[0]], { offset: 0, total: 2, index: [0, 1], rows: [[0.1], [1e20]] });
    expect(dataFrameToRows(df)).toEqual([[0.1], [1e20]]);
  });

  it('handles an empty page', async () => {
    const df = await pageToDataFrame(columns, { offset: 0, total: 0, index: [], rows: [] });
    expect(df.shape[0]).toBe(0);
    expect(dataFrameToRows(df)).toEqual([]);
  });

  it('writes RFC 4180 CSV through danfojs toCSV', async () => {
    const df = await pageToDataFrame(columns, page);
    const csv = await dataFrameToCsv(df);
    expect(csv.split('\n')).toEqual([
      'age,sex,member,joined,note',
      '45,Female,true,2024-01-05,"says ""hi"", twice"',
      ',,,,',
      '-0.5,Male,false,2023-06-01T10:00:00Z,',
      '123456789.123456,Female,,,x',
      '',
    ]);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField(-0)).toBe('0');
  });
});

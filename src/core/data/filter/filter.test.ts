import { describe, expect, it } from 'vitest';
import { buildTable } from '../buildTable';
import { bytesSource } from '../byteSource';
import { readCsv } from '../csv/readCsv';
import { selectRows } from './evaluateFilter';
import { parseFilter } from './parseFilter';

async function table(text: string) {
  const r = await readCsv(bytesSource(new TextEncoder().encode(text), 't.csv'));
  return buildTable(r.names, r.columns, r.rowCount);
}

const CSV = [
  'sex,age,income,`odd name`,member,joined',
  'Female,45,100,a,true,2024-01-05',
  'Male,30,,b,false,2023-06-01',
  'Female,38,50,a,,2024-03-01',
  ',50,70,c,TRUE,',
  'Female,61,80,b,false,2022-12-31T23:00:00Z',
].join('\n').replace('`odd name`', '"odd name"');

describe('filters', () => {
  it('selects rows with and / or / not and comparisons, per brute force', async () => {
    const t = await table(CSV);
    const sex = ['Female', 'Male', 'Female', null, 'Female'];
    const age = [45, 30, 38, 50, 61];
    const expected = sex.map((s, i) => (s === 'Female' && age[i] > 40 ? i : -1)).filter((i) => i >= 0);
    expect(Array.from(selectRows(t, 'sex = Female and age > 40')!)).toEqual(expected);
    expect(Array.from(selectRows(t, 'sex = "Male" or age >= 50')!)).toEqual([1, 3, 4]);
    expect(Array.from(selectRows(t, 'not (sex = Female)')!)).toEqual([1, 3]);
    expect(Array.from(selectRows(t, 'sex != Female')!)).toEqual([1]);
  });

  it('handles missing values, in-lists, booleans, datetimes and back-quoted names', async () => {
    const t = await table(CSV);
    expect(Array.from(selectRows(t, 'income is missing')!)).toEqual([1]);
    expect(Array.from(selectRows(t, 'income is not missing and income < 90')!)).toEqual([2, 3, 4]);
    expect(Array.from(selectRows(t, '`odd name` in (a, c)')!)).toEqual([0, 2, 3]);
    expect(Array.from(selectRows(t, '`odd name` not in (a)')!)).toEqual([1, 3, 4]);
    expect(Array.from(selectRows(t, 'member = true')!)).toEqual([0, 3]);
    expect(Array.from(selectRows(t, 'joined >= "2024-01-01"')!)).toEqual([0, 2]);
    expect(Array.from(selectRows(t, 'joined < 2023-01-01')!)).toEqual([4]);
    expect(selectRows(t, '  ')).toBeUndefined();
  });

  it('explains mistakes', async () => {
    const t = await table(CSV);
    expect(() => selectRows(t, 'sexx = Female')).toThrow("column 'sexx' not found in the filter (did you mean 'sex'?)");
    expect(() => selectRows(t, 'age > old')).toThrow(/numeric; compare it with a number/);
    expect(() => selectRows(t, 'sex > Female')).toThrow(/only =, != and in/);
    expect(() => selectRows(t, 'sex = female')).toThrow("filter: column 'sex' has no value 'female' (did you mean 'Female'?)");
    expect(() => selectRows(t, '`odd name` in (a, zz)')).toThrow("filter: column 'odd name' has no value 'zz'");
    expect(() => parseFilter('age >')).toThrow(/expected a value at the end/);
    expect(() => parseFilter('(age > 3')).toThrow(/expected '\)'/);
    expect(() => parseFilter('age 3')).toThrow(/expected a comparison/);
  });
});

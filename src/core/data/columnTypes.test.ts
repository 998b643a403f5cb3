import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from './buildTable';
import { bytesSource } from './byteSource';
import { cellAt } from './cellAt';
import { readCsv } from './csv/readCsv';
import { parseIsoDatetime } from './datetime';
import { parseNumberText } from './csv/numberParser';
import type { Table } from './table';

async function table(text: string): Promise<Table> {
  const r = await readCsv(bytesSource(new TextEncoder().encode(text), 't.csv'));
  return buildTable(r.names, r.columns, r.rowCount);
}

describe('type inference', () => {
  it('infers numeric, boolean, datetime, categorical and text per the contract', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `id${i}`);
    const rows = ids.map((id, i) => `${i % 3},${i % 2 ? 'True' : 'false'},2024-01-${String((i % 28) + 1).padStart(2, '0')},${'abc'[i % 3]},${id}`);
    const t = await table('n,b,d,c,t\n' + rows.join('\n'));
    expect(t.columns.map((c) => c.type)).toEqual(['numeric', 'boolean', 'datetime', 'categorical', 'text']);
  });

  it('keeps a 50-category column categorical and a 51-category one text', async () => {
    const mk = (k: number) => 'x\n' + Array.from({ length: k }, (_, i) => `v${i}`).join('\n');
    expect((await table(mk(50))).columns[0].type).toBe('categorical');
    expect((await table(mk(51))).columns[0].type).toBe('text');
  });

  it('re-types a column from its raw values and back, without loss', async () => {
    const t = await table('x,y\n1.50,a\n2,b\n,c\n1.50,a\n');
    const asText = withColumnType(t, 'x', 'categorical');
    const x = asText.columns[0];
    expect(Array.from({ length: 4 }, (_, i) => cellAt(x, i))).toEqual(['1.5', '2', null, '1.5']);
    const back = withColumnType(asText, 'x', 'numeric');
    expect(Array.from({ length: 4 }, (_, i) => cellAt(back.columns[0], i))).toEqual([1.5, 2, null, 1.5]);
    expect(back.columns[0].inferredType).toBe('numeric');
    expect(() => withColumnType(t, 'y', 'numeric')).toThrow("column 'y' cannot be numeric: 'a' (line 2) is not a number");
    expect(() => withColumnType(t, 'x', 'boolean')).toThrow(/1.5 \(line 2\) is not 0 or 1/);
    expect(() => withColumnType(t, 'y', 'datetime')).toThrow(/'a' \(line 2\) is not an ISO 8601/);
  });
});

describe('ISO datetimes', () => {
  it('reads zone-less values as UTC and applies offsets', () => {
    expect(parseIsoDatetime('2024-03-10')).toBe(Date.UTC(2024, 2, 10));
    expect(parseIsoDatetime('2024-03-10 14:05:06')).toBe(Date.UTC(2024, 2, 10, 14, 5, 6));
    expect(parseIsoDatetime('2024-03-10T14:05:06.250Z')).toBe(Date.UTC(2024, 2, 10, 14, 5, 6, 250));
    expect(parseIsoDatetime('2024-03-10T14:05:06+02:00')).toBe(Date.UTC(2024, 2, 10, 12, 5, 6));
    expect(parseIsoDatetime('2024-03-10T14:05-0130')).toBe(Date.UTC(2024, 2, 10, 15, 35));
    // the same instants as the platform's own ISO parser for explicit zones
    for (const s of ['2001-02-03T04:05:06Z', '1969-12-31T23:59:59.999+05:30', '2024-02-29T00:00:00-08:00']) {
      expect(parseIsoDatetime(s)).toBe(Date.parse(s));
    }
  });

  it('rejects impossible dates and other formats', () => {
    for (const s of ['2023-02-29', '2024-13-01', '2024-04-31', '24-01-01', '2024/01/01', '01/02/2024', '2024-01-01T25:00', 'yesterday', '2024-01-01T10:00:00+25:00']) {
      expect(Number.isNaN(parseIsoDatetime(s)), s).toBe(true);
    }
  });
});

describe('JSON number parsing', () => {
  it('agrees with Number() on random JSON numbers (correct rounding)', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let k = 0; k < 20000; k++) {
      const digits = Math.floor(rand() * 20) + 1;
      let int = String(Math.floor(rand() * 9) + 1);
      for (let d = 1; d < digits; d++) int += Math.floor(rand() * 10);
      const frac = rand() < 0.6 ? '.' + String(Math.floor(rand() * 1e9)).padStart(Math.floor(rand() * 12) + 1, '0') : '';
      const exp = rand() < 0.3 ? `e${Math.floor(rand() * 80) - 40}` : '';
      const text = (rand() < 0.3 ? '-' : '') + (rand() < 0.1 ? '0' : int) + frac + exp;
      expect(parseNumberText(text), text).toBe(Number(text));
    }
  });

  it('accepts a decimal comma only when asked', () => {
    expect(parseNumberText('3,25', true)).toBe(3.25);
    expect(Number.isNaN(parseNumberText('3,25'))).toBe(true);
    expect(Number.isNaN(parseNumberText('3.25', true))).toBe(true);
  });
});

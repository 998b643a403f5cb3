import { describe, expect, it } from 'vitest';
import { bytesSource } from '../byteSource';
import { readCsv } from './readCsv';
import type { CsvOptions } from './csvOptions';
import type { RawColumn } from '../table';

const enc = new TextEncoder();

async function parse(text: string | Uint8Array, options?: CsvOptions) {
  const bytes = typeof text === 'string' ? enc.encode(text) : text;
  return readCsv(bytesSource(bytes, 'test.csv'), options);
}

/** Cell values of a raw column: numbers, strings, null for missing. */
function cells(col: RawColumn): (number | string | null)[] {
  if (col.kind === 'numbers') return Array.from(col.values, (v) => (Number.isNaN(v) ? null : v));
  return Array.from(col.codes, (c) => (c < 0 ? null : col.dictionary[c]));
}

describe('readCsv', () => {
  it('reads numbers and text into columns, empty fields as missing', async () => {
    const r = await parse('a,b,c\n1,x,2.5\n,y,\n3,,-1e3\n');
    expect(r.names).toEqual(['a', 'b', 'c']);
    expect(r.rowCount).toBe(3);
    expect(cells(r.columns[0])).toEqual([1, null, 3]);
    expect(cells(r.columns[1])).toEqual(['x', 'y', null]);
    expect(cells(r.columns[2])).toEqual([2.5, null, -1000]);
  });

  it('handles quoted fields with delimiters, quotes and newlines, and CRLF', async () => {
    const r = await parse('id,text\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n4,""\r\n');
    expect(r.rowCount).toBe(4);
    expect(cells(r.columns[1])).toEqual(['a, b', 'say "hi"', 'two\r\nlines', null]);
    expect(cells(r.columns[0])).toEqual([1, 2, 3, 4]);
  });

  it('skips a UTF-8 BOM and keeps non-ASCII text', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = enc.encode('naïve,ville\n1,Zürich\n2,Kraków\n');
    const bytes = new Uint8Array(bom.length + body.length);
    bytes.set(bom);
    bytes.set(body, 3);
    const r = await parse(bytes);
    expect(r.names).toEqual(['naïve', 'ville']);
    expect(cells(r.columns[1])).toEqual(['Zürich', 'Kraków']);
  });

  it('sniffs semicolon and tab delimiters and accepts an explicit one', async () => {
    expect((await parse('a;b\n1;2\n3;4\n')).delimiter).toBe(';');
    expect((await parse('a\tb\n1\t2\n')).delimiter).toBe('\t');
    const forced = await parse('a;b\n1;2\n', { delimiter: ',' });
    expect(forced.names).toEqual(['a;b']);
  });

  it('reads decimal commas when told to', async () => {
    const r = await parse('x;y\n1,5;a\n-0,25;b\n', { decimal: ',' });
    expect(r.delimiter).toBe(';');
    expect(cells(r.columns[0])).toEqual([1.5, -0.25]);
    const plain = await parse('x;y\n1,5;a\n');
    expect(cells(plain.columns[0])).toEqual(['1,5']);
  });

  it('keeps text verbatim when a column turns out not to be numeric after numbers', async () => {
    const r = await parse('v\n1.50\n2\n1e3\nabc\n1.50\n');
    expect(cells(r.columns[0])).toEqual(['1.50', '2', '1e3', 'abc', '1.50']);
    expect(r.columns[0].kind).toBe('strings');
  });

  it('treats NA, NaN, null and non-JSON numbers as text', async () => {
    for (const token of ['NA', 'NaN', 'null', '+1', '01', '.5', '1.', 'Infinity', ' 1']) {
      const r = await parse(`v\n1\n${token}\n`);
      expect(r.columns[0].kind, token).toBe('strings');
    }
  });

  it('parses numbers exactly as JavaScript does (correct rounding)', async () => {
    const tokens = ['0.1', '123456789012345678', '1.7976931348623157e308', '5e-324', '-0.000001234', '9007199254740993', '0.30000000000000004', '1E+2', '2.2250738585072014E-308'];
    const r = await parse('v\n' + tokens.join('\n') + '\n');
    expect(cells(r.columns[0])).toEqual(tokens.map(Number));
  });

  it('names the line of a ragged row', async () => {
    await expect(parse('a,b,c\n1,2,3\n4,5\n')).rejects.toThrow(/line 3: expected 3 fields .* found 2/);
    await expect(parse('a,b\n1,"x\ny"\n1,2,3\n')).rejects.toThrow(/line 4: expected 2 fields .* found 3/);
  });

  it('rejects empty files, header-only files, duplicate or empty header names, binary data', async () => {
    await expect(parse('')).rejects.toThrow(/empty/);
    await expect(parse('\n\n')).rejects.toThrow(/empty/);
    await expect(parse('a,b\n')).rejects.toThrow(/header row but no data rows/);
    await expect(parse('a,b,a\n1,2,3\n')).rejects.toThrow(/duplicate column name 'a' \(columns 1 and 3\)/);
    await expect(parse('a,,c\n1,2,3\n')).rejects.toThrow(/column 2 has an empty name/);
    await expect(parse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 10]))).rejects.toThrow(/binary data/);
    await expect(parse(new Uint8Array([0x61, 0x0a, 0xff, 0xfe, 0x0a]))).rejects.toThrow(/not UTF-8/);
    await expect(parse('a,b\n1,"open\n')).rejects.toThrow(/line 2: a quoted field .* never closed/);
  });

  it('skips blank lines and reads a last line without newline', async () => {
    const r = await parse('a,b\n1,2\n\n3,4');
    expect(r.rowCount).toBe(2);
    expect(cells(r.columns[1])).toEqual([2, 4]);
  });

  it('gives the same result whatever the chunking of the stream', async () => {
    const rows = ['id,name,score,note'];
    for (let i = 0; i < 5000; i++) rows.push(`${i},"n${i % 7}",${(i * 0.37).toFixed(3)},"a ""q"" ${i}\nsecond"`);
    const text = rows.join('\r\n') + '\r\n';
    const bytes = enc.encode(text);
    const whole = await parse(bytes);
    const chunked = await readCsv({
      name: 'chunked.csv',
      size: bytes.length,
      async *open() {
        for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, Math.min(bytes.length, i + 7));
      },
    });
    expect(chunked.rowCount).toBe(5000);
    expect(whole.columns.map(cells)).toEqual(chunked.columns.map(cells));
    expect(cells(whole.columns[3])[1]).toBe('a "q" 1\nsecond');
  });

  it('cancels when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readCsv(bytesSource(enc.encode('a\n1\n'), 'x.csv'), {}, { signal: controller.signal })).rejects.toThrow(/cancelled/);
  });
});

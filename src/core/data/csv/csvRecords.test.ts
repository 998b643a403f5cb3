/** Record splitting for verbatim copies: the same records, in the same order, as readCsv's rows. */
import { describe, expect, it } from 'vitest';
import { bytesSource, type ByteSource } from '../byteSource';
import { readDataset } from '../readDataset';
import { forEachCsvRecord } from './csvRecords';

/** A source that yields the bytes in chunks of `size`, to split records across chunks. */
function chunked(text: string, size: number): ByteSource {
  const bytes = new TextEncoder().encode(text);
  return {
    name: 't.csv',
    size: bytes.length,
    async *open() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
    },
  };
}

async function records(source: ByteSource): Promise<string[]> {
  const out: string[] = [];
  const decoder = new TextDecoder();
  await forEachCsvRecord(source, (r) => out.push(decoder.decode(r)));
  return out;
}

const TEXT = '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,"he said ""hi"", twice"\n\n3,\n4,last';

describe('forEachCsvRecord', () => {
  it.each([1, 2, 3, 7, 1 << 20])('splits records the same way at chunk size %i', async (size) => {
    expect(await records(chunked(TEXT, size))).toEqual(['a,b', '1,"x\r\ny"', '2,"he said ""hi"", twice"', '3,', '4,last']);
  });

  it('yields one record per table row, after the header', async () => {
    const bytes = new TextEncoder().encode(TEXT);
    const table = (await readDataset(bytesSource(bytes, 't.csv'))).table;
    const all = await records(bytesSource(bytes, 't.csv'));
    expect(all.length - 1).toBe(table.rowCount);
  });
});

import { describe, expect, it } from 'vitest';
import { buildTable } from './buildTable';
import { bytesSource } from './byteSource';
import { readCsv } from './csv/readCsv';
import { sortRows } from './sortRows';

async function table(text: string) {
  const r = await readCsv(bytesSource(new TextEncoder().encode(text), 't.csv'));
  return buildTable(r.names, r.columns, r.rowCount);
}

describe('sortRows', () => {
  it('sorts numbers both ways, stable, missing last', async () => {
    const t = await table('x,k\n3,a\n,b\n1,c\n3,d\n2,e\n');
    const all = Uint32Array.from([0, 1, 2, 3, 4]);
    expect(Array.from(sortRows(t.columns[0], all, false))).toEqual([2, 4, 0, 3, 1]);
    expect(Array.from(sortRows(t.columns[0], all, true))).toEqual([0, 3, 4, 2, 1]);
  });

  it('sorts text naturally (item 9 before item 10) within a selection', async () => {
    const t = await table('s,k\nitem 10,a\nitem 9,b\n,c\nItem 1,d\nitem 2,e\n');
    expect(Array.from(sortRows(t.columns[0], Uint32Array.from([0, 1, 2, 3, 4]), false))).toEqual([3, 4, 1, 0, 2]);
    expect(Array.from(sortRows(t.columns[0], Uint32Array.from([0, 1, 4]), false))).toEqual([4, 1, 0]);
  });
});

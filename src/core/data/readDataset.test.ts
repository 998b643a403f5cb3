/**
 * Parquet (written by hyparquet-writer) and Arrow IPC (written by apache-arrow) files load into
 * the same typed table as the equivalent CSV, recognised by their magic bytes, not their name.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byteSource';
import { cellAt } from './cellAt';
import { readDataset } from './readDataset';
import type { Table } from './table';

const ages = [31, 45, null, 27];
const sexes = ['Female', 'Male', 'Female', null];
const flags = [true, false, null, true];
const incomes = [1200.5, -3.25, 0, 99];
const when = [Date.UTC(2024, 0, 31), Date.UTC(2023, 5, 1, 12, 30), null, Date.UTC(2020, 1, 29)];

function columnCells(table: Table) {
  return Object.fromEntries(table.columns.map((c) => [c.name, Array.from({ length: table.rowCount }, (_, i) => cellAt(c, i))]));
}

const expectedCells = {
  age: ages,
  sex: sexes,
  member: flags,
  income: incomes,
  joined: ['2024-01-31', '2023-06-01T12:30:00Z', null, '2020-02-29'],
};

describe('readDataset', () => {
  it('reads Parquet columns with their types', async () => {
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'age', data: ages, type: 'INT32' },
        { name: 'sex', data: sexes, type: 'STRING' },
        { name: 'member', data: flags, type: 'BOOLEAN' },
        { name: 'income', data: incomes, type: 'DOUBLE' },
        { name: 'joined', data: when.map((t) => (t === null ? null : new Date(t))), type: 'TIMESTAMP' },
      ],
    });
    const read = await readDataset(bytesSource(new Uint8Array(buffer), 'data.bin'));
    expect(read.format).toBe('parquet');
    expect(read.table.columns.map((c) => c.type)).toEqual(['numeric', 'categorical', 'boolean', 'numeric', 'datetime']);
    expect(columnCells(read.table)).toEqual(expectedCells);
  });

  it('reads Arrow IPC files with their types', async () => {
    const arrow = tableFromArrays({
      age: Float64Array.from(ages, (v) => (v === null ? NaN : v)),
      sex: sexes as string[],
      income: Float64Array.from(incomes),
    });
    const read = await readDataset(bytesSource(tableToIPC(arrow, 'file'), 'data.arrow'));
    expect(read.format).toBe('arrow');
    const cells = columnCells(read.table);
    expect(cells.sex).toEqual(sexes);
    expect(cells.income).toEqual(incomes);
    expect(cells.age).toEqual(ages);
    const stream = await readDataset(bytesSource(tableToIPC(arrow, 'stream'), 'data.arrows'));
    expect(stream.format).toBe('arrow');
    expect(columnCells(stream.table)).toEqual(cells);
  });

  it('reads CSV otherwise, inferring every type', async () => {
    const csv = 'age,sex,member,income,joined\n31,Female,true,1200.5,2024-01-31\n45,Male,false,-3.25,2023-06-01 12:30:00\n,Female,,0,\n27,,TRUE,99,2020-02-29\n';
    const read = await readDataset(bytesSource(new TextEncoder().encode(csv), 'd.csv'));
    expect(read.table.columns.map((c) => c.type)).toEqual(['numeric', 'categorical', 'boolean', 'numeric', 'datetime']);
    expect(columnCells(read.table)).toEqual(expectedCells);
  });

  it('names a broken Parquet file', async () => {
    const bytes = new TextEncoder().encode('PAR1 this is not really parquet');
    await expect(readDataset(bytesSource(bytes, 'bad.parquet'))).rejects.toThrow(/bad.parquet is not a readable Parquet file/);
  });
});

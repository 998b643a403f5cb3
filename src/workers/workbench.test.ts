/** The worker session in Node: loads, failures that keep the open dataset, jobs and cancellation. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../core/data/byteSource';
import { readDataset } from '../core/data/readDataset';
import { profileTable } from '../core/stats/profile';
import { Workbench } from './workbench';

const csv = (text: string, name = 'x.csv') => ({ kind: 'file' as const, file: new Blob([text]), name });
const GERMAN = readFileSync(join(__dirname, '../../public/datasets/german_credit.csv'));

describe('Workbench', () => {
  it('profiles column by column with progress, equal to profileTable', async () => {
    const wb = new Workbench();
    await wb.load('l1', { kind: 'file', file: new Blob([GERMAN]), name: 'german_credit.csv' }, {});
    const progress: number[] = [];
    const viaJob = await wb.profile('sex = female', 'p1', (p) => progress.push(p.done));
    const { table } = await readDataset(bytesSource(new Uint8Array(GERMAN), 'g.csv'));
    const female = (await wb.rows({ offset: 0, limit: 2000, filter: 'sex = female' })).index;
    expect(viaJob).toEqual(profileTable(table, Uint32Array.from(female)));
    expect(viaJob.rows).toBe(310);
    expect(progress).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });

  it('drops a cancelled job and keeps answering', async () => {
    const wb = new Workbench();
    await wb.load('l1', csv('a,b\n1,x\n2,y\n'), {});
    const pending = wb.profile(undefined, 'p1');
    wb.cancel('p1');
    await expect(pending).rejects.toMatchObject({ name: 'CancelledError' });
    await expect(wb.profile(undefined, 'p2')).resolves.toMatchObject({ rows: 2 });
  });

  it('keeps the open dataset when a load fails or is cancelled', async () => {
    const wb = new Workbench();
    await wb.load('l1', csv('a,b\n1,x\n2,y\n', 'good.csv'), {});
    await expect(wb.load('l2', csv('a,b\n1\n', 'bad.csv'), {})).rejects.toMatchObject({
      name: 'DataError',
      message: 'bad.csv, line 2: expected 2 fields (as in the header) but found 1',
    });
    const big = 'a,b\n' + '1,2\n'.repeat(2_000_000);
    const loading = wb.load('l3', csv(big, 'big.csv'), {});
    wb.cancel('l3');
    await expect(loading).rejects.toMatchObject({ name: 'CancelledError' });
    expect(wb.summary()?.name).toBe('good.csv');
    expect((await wb.rows({ offset: 0, limit: 10 })).rows).toEqual([
      [1, 'x'],
      [2, 'y'],
    ]);
  });

  it('reports bad filters and unknown columns as input errors', async () => {
    const wb = new Workbench();
    await wb.load('l1', csv('age,sex\n30,F\n50,M\n'), {});
    expect(await wb.checkFilter('age > 40')).toEqual({ ok: true, rows: 1, total: 2 });
    expect(await wb.checkFilter('agee > 40')).toEqual({ ok: false, message: "column 'agee' not found in the filter (did you mean 'age'?)" });
    await expect(wb.column('nope')).rejects.toMatchObject({ name: 'InputError' });
  });
});

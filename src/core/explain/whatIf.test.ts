/** What-if rows and their flags on a hand-made table: edits applied to one row, ranges, unseen categories and combinations. */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import { cellAt } from '../data/cellAt';
import { editedRow, editFlags } from './whatIf';

const table = withColumnType(
  withColumnType(
    buildTable(
      ['age', 'city', 'plan'],
      [rawFromValues([30, 40, 50, 60]), rawFromValues(['Oslo', 'Oslo', 'Rome', 'Rome']), rawFromValues(['basic', 'gold', 'basic', 'basic'])],
      4,
    ),
    'city',
    'categorical',
  ),
  'plan',
  'categorical',
);
const all = [0, 1, 2, 3];
const columns = ['age', 'city', 'plan'];

describe('what-if', () => {
  it('applies edits to one row, leaving the others as they were', () => {
    const row = editedRow(table, 2, { age: 41, plan: 'gold' });
    expect(row.rowCount).toBe(1);
    expect(row.columns.map((c) => cellAt(c, 0))).toEqual([41, 'Rome', 'gold']);
    expect(editedRow(table, 2, { age: null }).columns.map((c) => cellAt(c, 0))).toEqual([null, 'Rome', 'basic']);
    expect(() => editedRow(table, 0, { nope: 1 })).toThrow(/column 'nope' not found/);
  });

  it('flags numbers outside the reference range, unseen categories and unseen combinations', () => {
    expect(editFlags(table, all, editedRow(table, 0, { age: 45 }), columns, { age: 45 })).toEqual([]);
    expect(editFlags(table, all, editedRow(table, 0, { age: 61 }), columns, { age: 61 }).map((f) => f.kind)).toEqual(['outside-range']);
    expect(editFlags(table, [0, 1], editedRow(table, 0, { age: 50 }), columns, { age: 50 }).map((f) => f.kind)).toEqual(['outside-range']); // against the first two rows only
    expect(editFlags(table, all, editedRow(table, 0, { city: 'Paris' }), columns, { city: 'Paris' }).map((f) => f.kind)).toEqual(['unseen-category']);
    // Rome + gold: both seen, never together
    const combo = editFlags(table, all, editedRow(table, 2, { plan: 'gold' }), columns, { plan: 'gold' });
    expect(combo).toHaveLength(1);
    expect(combo[0]).toMatchObject({ kind: 'unseen-combination', column: 'plan' });
    expect(combo[0].message).toContain('city = Rome, plan = gold');
    expect(editFlags(table, all, editedRow(table, 2, { city: 'Oslo' }), columns, { city: 'Oslo' })).toEqual([]);
  });
});

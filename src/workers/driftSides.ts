/**
 * The two sides of a drift comparison in the worker: a split of the open dataset by a condition
 * (the rows where it holds are "current", the others — or the rows of a second condition — the
 * reference; e.g. the wine demo's `alcohol >= 11`), by a date (before / on or after), or the open
 * dataset (reference) against a second file (current). Within the filter when there is one.
 */
import { requireColumn } from '../core/data/columnLookup';
import { parseIsoDatetime } from '../core/data/datetime';
import { selectRows } from '../core/data/filter/evaluateFilter';
import type { RowSelection, Table } from '../core/data/table';
import type { DriftSide } from '../core/drift/driftSide';
import { InputError } from '../core/errors/errors';
import type { DriftSplit } from './workbenchApi';

function inScope(n: number, scope: RowSelection): Uint8Array {
  const mask = new Uint8Array(n);
  if (scope) for (const r of scope) mask[r] = 1;
  else mask.fill(1);
  return mask;
}

function rowsWhere(n: number, test: (i: number) => boolean): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (test(i)) out.push(i);
  return Uint32Array.from(out);
}

export function splitSides(table: Table, split: Exclude<DriftSplit, { kind: 'file' }>, scope: RowSelection): { reference: DriftSide; current: DriftSide; labels: [string, string] } {
  const n = table.rowCount;
  const mask = inScope(n, scope);
  let reference: Uint32Array;
  let current: Uint32Array;
  let labels: [string, string];
  if (split.kind === 'condition') {
    if (split.current.trim() === '') throw new InputError('write the condition that picks the current rows, e.g. alcohol >= 11');
    const cur = inScope(n, selectRows(table, split.current));
    const ref = split.reference && split.reference.trim() !== '' ? inScope(n, selectRows(table, split.reference)) : null;
    current = rowsWhere(n, (i) => mask[i] === 1 && cur[i] === 1);
    reference = rowsWhere(n, (i) => mask[i] === 1 && (ref ? ref[i] === 1 : cur[i] === 0));
    labels = [ref ? split.reference! : `not (${split.current})`, split.current];
  } else {
    const column = requireColumn(table, split.column);
    if (column.type !== 'datetime' && column.type !== 'numeric') throw new InputError(`column '${column.name}' is ${column.type}: split by a date or number column`);
    const at = column.type === 'datetime' ? parseIsoDatetime(split.at) : Number(split.at);
    if (!Number.isFinite(at)) throw new InputError(`'${split.at}' is not a ${column.type === 'datetime' ? 'date (e.g. 2024-01-31)' : 'number'}`);
    const values = column.values;
    reference = rowsWhere(n, (i) => mask[i] === 1 && values[i] < at);
    current = rowsWhere(n, (i) => mask[i] === 1 && values[i] >= at);
    labels = [`${column.name} < ${split.at}`, `${column.name} ≥ ${split.at}`];
  }
  if (reference.length === 0) throw new InputError(`no row is in the reference (${labels[0]})`);
  if (current.length === 0) throw new InputError(`no row is in the current data (${labels[1]})`);
  return { reference: { table, rows: reference }, current: { table, rows: current }, labels };
}

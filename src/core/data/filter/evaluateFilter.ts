/**
 * Evaluates a filter against a table, giving the selected row indices (ascending).
 *
 * Missing values never satisfy a comparison or an `in` list (as in SQL), whichever the
 * operator — use `is missing` to select them. Numeric and datetime columns support all
 * comparisons; categorical, text and boolean columns support = != and `in`.
 */
import { InputError } from '../../errors/errors';
import { closestName, requireColumn } from '../columnLookup';
import { parseIsoDatetime } from '../datetime';
import { formatNumber } from '../formatNumber';
import type { Column, RowSelection, Table } from '../table';
import { BOOL_MISSING, CODE_MISSING } from '../table';
import type { ComparisonOp, FilterNode, FilterValue } from './filterAst';
import { parseFilter } from './parseFilter';

/** Parses and evaluates `text`; an empty or blank filter selects every row (undefined). */
export function selectRows(table: Table, text: string | undefined): RowSelection {
  if (!text || text.trim() === '') return undefined;
  const mask = evaluate(table, parseFilter(text));
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i];
  const rows = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) rows[k++] = i;
  return rows;
}

function evaluate(table: Table, node: FilterNode): Uint8Array {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const a = evaluate(table, node.left);
      const b = evaluate(table, node.right);
      for (let i = 0; i < a.length; i++) a[i] = node.kind === 'and' ? a[i] & b[i] : a[i] | b[i];
      return a;
    }
    case 'not': {
      const a = evaluate(table, node.operand);
      for (let i = 0; i < a.length; i++) a[i] ^= 1;
      return a;
    }
    case 'missing': {
      const column = requireColumn(table, node.column, 'the filter');
      const out = new Uint8Array(table.rowCount);
      for (let i = 0; i < out.length; i++) out[i] = (isMissingAt(column, i) ? 1 : 0) ^ (node.negated ? 1 : 0);
      return out;
    }
    case 'in': {
      const column = requireColumn(table, node.column, 'the filter');
      const out = new Uint8Array(table.rowCount);
      for (const v of node.values) {
        const m = compare(column, '=', v, table.rowCount);
        for (let i = 0; i < out.length; i++) out[i] |= m[i];
      }
      if (node.negated) {
        for (let i = 0; i < out.length; i++) out[i] = isMissingAt(column, i) ? 0 : out[i] ^ 1;
      }
      return out;
    }
    case 'compare':
      return compare(requireColumn(table, node.column, 'the filter'), node.op, node.value, table.rowCount);
  }
}

function isMissingAt(column: Column, i: number): boolean {
  if (column.type === 'numeric' || column.type === 'datetime') return Number.isNaN(column.values[i]);
  if (column.type === 'boolean') return column.values[i] === BOOL_MISSING;
  return column.codes[i] === CODE_MISSING;
}

function test(op: ComparisonOp, x: number, y: number): boolean {
  switch (op) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
  }
}

function compare(column: Column, op: ComparisonOp, value: FilterValue, n: number): Uint8Array {
  const out = new Uint8Array(n);
  const name = column.name;
  if (column.type === 'numeric' || column.type === 'datetime') {
    let y: number;
    if (column.type === 'numeric') {
      if (value.kind !== 'number') throw new InputError(`filter: column '${name}' is numeric; compare it with a number, not '${value.value}'`);
      y = value.value;
    } else {
      const text = value.kind === 'number' ? String(value.value) : value.value;
      y = parseIsoDatetime(text);
      if (Number.isNaN(y)) throw new InputError(`filter: column '${name}' holds dates; compare it with an ISO date such as "2024-01-31", not '${text}'`);
    }
    const v = column.values;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      out[i] = x === x && test(op, x, y) ? 1 : 0;
    }
    return out;
  }
  if (op !== '=' && op !== '!=') {
    throw new InputError(`filter: column '${name}' is ${column.type}; only =, != and in work on it, not ${op}`);
  }
  if (column.type === 'boolean') {
    const text = value.kind === 'number' ? formatNumber(value.value) : value.value.toLowerCase();
    const target = text === 'true' || text === '1' ? 1 : text === 'false' || text === '0' ? 0 : -1;
    if (target < 0) throw new InputError(`filter: column '${name}' is boolean; compare it with true or false`);
    const v = column.values;
    for (let i = 0; i < n; i++) out[i] = v[i] !== BOOL_MISSING && (v[i] === target) === (op === '=') ? 1 : 0;
    return out;
  }
  const text = value.kind === 'number' ? formatNumber(value.value) : value.value;
  let code = column.dictionary.indexOf(text);
  if (code < 0 && value.kind === 'number') {
    // A number typed in the filter matches a category spelled differently (e.g. 1 vs 1.0).
    code = column.dictionary.findIndex((d) => Number(d) === value.value);
  }
  if (code < 0) {
    // A value that never occurs is almost always a typo (or the wrong case): say so.
    const suggestion = column.dictionary.length <= 10_000 ? closestName(text, column.dictionary) : null;
    throw new InputError(
      `filter: column '${name}' has no value '${text}'` + (suggestion !== null ? ` (did you mean '${suggestion}'?)` : ''),
    );
  }
  const codes = column.codes;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    out[i] = c !== CODE_MISSING && (c === code) === (op === '=') ? 1 : 0;
  }
  return out;
}

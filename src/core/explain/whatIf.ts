/**
 * What-if: one row of the data with some values edited, as a one-row table the explainers score,
 * and what the edit means for trust ("Introducing MLOps", chapter 4: a model is only as good as
 * the data it has seen): a number outside the range of the reference rows, a category they never
 * had, or a combination of categories that no reference row has.
 */
import { gatherColumn } from '../data/gatherRows';
import type { Column, Table } from '../data/table';
import { BOOL_MISSING, CODE_MISSING } from '../data/table';
import { InputError } from '../errors/errors';

export type EditValue = number | string | boolean | null;

export interface EditFlag {
  column: string;
  kind: 'outside-range' | 'unseen-category' | 'unseen-combination';
  message: string;
}

/** Row `row` of the table as a one-row table, with `edits` (column → value; null = missing) applied. */
export function editedRow(table: Table, row: number, edits: Record<string, EditValue>): Table {
  for (const name of Object.keys(edits)) if (!table.columns.some((c) => c.name === name)) throw new InputError(`column '${name}' not found`);
  return { rowCount: 1, columns: table.columns.map((c) => (c.name in edits ? withValue(gatherColumn(c, [row]), edits[c.name]) : gatherColumn(c, [row]))) };
}

function withValue(column: Column, value: EditValue): Column {
  switch (column.type) {
    case 'numeric':
    case 'datetime': {
      if (value !== null && typeof value !== 'number') throw new InputError(`'${String(value)}' is not a number, but column '${column.name}' is ${column.type}`);
      const values = Float64Array.of(value ?? NaN);
      return { ...column, values, raw: { kind: 'numbers', values } };
    }
    case 'boolean':
      if (value !== null && typeof value !== 'boolean') throw new InputError(`'${String(value)}' is not true or false, but column '${column.name}' is boolean`);
      return { ...column, values: Uint8Array.of(value === null ? BOOL_MISSING : value ? 1 : 0) };
    default: {
      if (value === null) return { ...column, codes: Int32Array.of(CODE_MISSING) };
      const label = String(value);
      let code = column.dictionary.indexOf(label);
      const dictionary = code >= 0 ? column.dictionary : [...column.dictionary, label];
      if (code < 0) code = dictionary.length - 1;
      const codes = Int32Array.of(code);
      return { ...column, codes, dictionary, raw: { kind: 'strings', codes, dictionary } };
    }
  }
}

/**
 * Flags for the edited values of `columns` (the model's inputs) against the reference rows (the
 * training rows when known): numbers outside [min, max], categories never seen, and — when a text
 * column was edited — a combination of the row's text values that no reference row has.
 */
export function editFlags(table: Table, reference: ArrayLike<number>, edited: Table, columns: readonly string[], edits: Record<string, EditValue>): EditFlag[] {
  const flags: EditFlag[] = [];
  const byName = (t: Table, name: string) => t.columns.find((c) => c.name === name)!;
  for (const name of Object.keys(edits)) {
    const value = edits[name];
    if (value === null) continue;
    const column = byName(table, name);
    if ((column.type === 'numeric' || column.type === 'datetime') && typeof value === 'number') {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < reference.length; i++) {
        const v = column.values[reference[i]];
        if (v === v) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      if (value < lo || value > hi) flags.push({ column: name, kind: 'outside-range', message: `${name} = ${value} is outside the range of the reference rows (${lo} to ${hi}): the model has not seen such values` });
    } else if ((column.type === 'categorical' || column.type === 'text') && typeof value === 'string') {
      const code = column.dictionary.indexOf(value);
      let seen = false;
      if (code >= 0) for (let i = 0; i < reference.length && !seen; i++) seen = column.codes[reference[i]] === code;
      if (!seen) flags.push({ column: name, kind: 'unseen-category', message: `${name} = '${value}' never occurs in the reference rows: the model has not seen this category` });
    }
  }
  // a combination of the row's text values that no reference row has
  const texts = columns.map((n) => byName(table, n)).filter((c) => c.type === 'categorical' || c.type === 'text') as Extract<Column, { codes: Int32Array }>[];
  const editedText = texts.some((c) => c.name in edits);
  if (editedText && texts.length >= 2 && !flags.some((f) => f.kind === 'unseen-category')) {
    const wanted = texts.map((c) => {
      const e = byName(edited, c.name) as Extract<Column, { codes: Int32Array }>;
      return e.codes[0] === CODE_MISSING ? null : e.dictionary[e.codes[0]];
    });
    const codes = texts.map((c, k) => (wanted[k] === null ? CODE_MISSING : c.dictionary.indexOf(wanted[k]!)));
    let found = false;
    for (let i = 0; i < reference.length && !found; i++) found = texts.every((c, k) => c.codes[reference[i]] === codes[k]);
    if (!found) {
      const shown = texts.map((c, k) => `${c.name} = ${wanted[k] ?? 'missing'}`).join(', ');
      flags.push({ column: texts.filter((c) => c.name in edits).map((c) => c.name).join(', '), kind: 'unseen-combination', message: `no reference row has ${shown}: an unseen combination, so the prediction is an extrapolation` });
    }
  }
  return flags;
}

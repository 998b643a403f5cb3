/**
 * The rows an explanation works on, in one table: the explained rows of the data, then the
 * background rows (possibly from another file), one column per model input slot (`__slot0`, …,
 * the players: the model's raw input columns), so that hybrid rows — some players' values from an
 * explained row, the others' from a background row — are gathers of this table's rows. Text
 * columns from two files get one dictionary; a column that is numeric in one file and text in the
 * other is bad input.
 */
import { gatherColumn } from '../data/gatherRows';
import type { Column, StringColumn, Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { InputMapping } from '../inference/inputMapping';

export interface PlayerTable {
  table: Table;
  mapping: InputMapping;
  /** Explained rows are 0 … explained − 1, background rows explained … explained + background − 1. */
  explained: number;
  background: number;
}

export function playerTable(data: Table, dataRows: ArrayLike<number>, dataMapping: InputMapping, background: Table, backgroundRows: ArrayLike<number>, backgroundMapping: InputMapping): PlayerTable {
  const columns = dataMapping.map((name, k) => {
    const a = data.columns.find((c) => c.name === name)!;
    const b = background.columns.find((c) => c.name === backgroundMapping[k])!;
    return stack(gatherColumn(a, dataRows), gatherColumn(b, backgroundRows), `__slot${k}`);
  });
  return {
    table: { rowCount: dataRows.length + backgroundRows.length, columns },
    mapping: columns.map((c) => c.name),
    explained: dataRows.length,
    background: backgroundRows.length,
  };
}

/** Rows of a player table: row k of the result is row `sources[slot][k]` for each slot's column. */
export function hybridTable(players: PlayerTable, sources: (slot: number) => ArrayLike<number>, rows: number): Table {
  return { rowCount: rows, columns: players.table.columns.map((c, k) => gatherColumn(c, sources(k))) };
}

function stack(a: Column, b: Column, name: string): Column {
  const isText = (c: Column) => c.type === 'categorical' || c.type === 'text';
  if (isText(a) !== isText(b) || (!isText(a) && a.type !== b.type)) {
    throw new InputError(`column '${a.name}' is ${a.type} in the data but ${b.type} in the background rows`);
  }
  if (isText(a)) {
    const sa = a as StringColumn;
    const sb = b as StringColumn;
    const dictionary = [...sa.dictionary];
    const index = new Map(dictionary.map((v, i) => [v, i]));
    const remap = sb.dictionary.map((v) => {
      let i = index.get(v);
      if (i === undefined) {
        i = dictionary.length;
        dictionary.push(v);
        index.set(v, i);
      }
      return i;
    });
    const codes = new Int32Array(sa.codes.length + sb.codes.length);
    codes.set(sa.codes);
    sb.codes.forEach((c, i) => (codes[sa.codes.length + i] = c < 0 ? c : remap[c]));
    return { ...sa, name, codes, dictionary, raw: { kind: 'strings', codes, dictionary } };
  }
  const join = <T extends Float64Array | Uint8Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  if (a.type === 'boolean' && b.type === 'boolean') return { ...a, name, values: join(a.values, b.values, (m) => new Uint8Array(m)) };
  if ((a.type === 'numeric' || a.type === 'datetime') && (b.type === 'numeric' || b.type === 'datetime')) {
    const values = join(a.values, b.values, (m) => new Float64Array(m));
    return { ...a, name, values, raw: { kind: 'numbers', values } };
  }
  throw new InputError(`column '${a.name}' cannot be combined with the background's`);
}

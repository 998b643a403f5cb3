/**
 * Test helper: builds a Table (src/core/data/table.ts) from plain JSON column data, the way the
 * CSV reader would — raw numbers or dictionary-coded raw strings (first-appearance order) plus
 * the typed view for the requested type. Used by the stats tests with the fixtures written by
 * scripts/fixtures/make_stats_fixtures.py, so they do not depend on the CSV reader.
 */
import {
  BOOL_MISSING,
  CODE_MISSING,
  type Column,
  type ColumnType,
  type RawColumn,
  type RawStrings,
  type Table,
} from '../../data/table';

export interface JsonColumn {
  name: string;
  type: ColumnType;
  /** Raw kind; inferred from the data when omitted (all numbers → 'numbers'). */
  raw?: 'numbers' | 'strings';
  inferredType?: ColumnType;
  /** Raw values, null = missing. */
  data: readonly (number | string | boolean | null)[];
}

export function tableFromJson(columns: readonly JsonColumn[]): Table {
  const rowCount = columns.length ? columns[0].data.length : 0;
  for (const c of columns) {
    if (c.data.length !== rowCount) throw new Error(`column ${c.name}: ${c.data.length} rows, expected ${rowCount}`);
  }
  return { rowCount, columns: columns.map(columnFromJson) };
}

export function columnFromJson(spec: JsonColumn): Column {
  const kind = spec.raw ?? (spec.data.every((v) => v === null || typeof v === 'number') ? 'numbers' : 'strings');
  const raw: RawColumn =
    kind === 'numbers'
      ? { kind: 'numbers', values: Float64Array.from(spec.data, (v) => (v === null ? NaN : Number(v))) }
      : dictionaryCode(spec.data.map((v) => (v === null ? null : String(v))));
  const base = { name: spec.name, raw, inferredType: spec.inferredType ?? spec.type };
  switch (spec.type) {
    case 'numeric':
      if (raw.kind !== 'numbers') throw new Error(`column ${spec.name}: numeric view needs raw numbers`);
      return { ...base, type: 'numeric', values: raw.values };
    case 'datetime':
      return {
        ...base,
        type: 'datetime',
        values: raw.kind === 'numbers' ? raw.values : Float64Array.from(raw.codes, (c) => (c < 0 ? NaN : parseDatetime(raw.dictionary[c]))),
      };
    case 'boolean':
      return {
        ...base,
        type: 'boolean',
        values:
          raw.kind === 'numbers'
            ? Uint8Array.from(raw.values, (v) => (Number.isNaN(v) ? BOOL_MISSING : v !== 0 ? 1 : 0))
            : Uint8Array.from(raw.codes, (c) => (c < 0 ? BOOL_MISSING : parseBoolean(raw.dictionary[c]))),
      };
    default: {
      const view =
        raw.kind === 'strings'
          ? raw
          : dictionaryCode(Array.from(raw.values, (v) => (Number.isNaN(v) ? null : String(v))));
      return { ...base, type: spec.type, codes: view.codes, dictionary: view.dictionary };
    }
  }
}

function dictionaryCode(values: readonly (string | null)[]): RawStrings {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) {
      codes[i] = CODE_MISSING;
      return;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(v);
      index.set(v, c);
    }
    codes[i] = c;
  });
  return { kind: 'strings', codes, dictionary };
}

function parseBoolean(text: string): number {
  const t = text.toLowerCase();
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  throw new Error(`not a boolean: ${text}`);
}

/** ISO 8601 date or date-time; a space may replace 'T'; zone-less values are UTC. */
function parseDatetime(text: string): number {
  let t = text.trim().replace(' ', 'T');
  if (/T\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(t)) t += 'Z';
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`not a datetime: ${text}`);
  return ms;
}

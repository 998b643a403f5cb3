/**
 * Type inference and type conversion of columns, from their raw parsed form.
 *
 * Inference follows the CLI contract: numeric = every non-missing value is a JSON number;
 * boolean = all true/false (case-insensitive); datetime = all ISO 8601 dates/date-times
 * (UTC when zone-less); categorical = at most 50 distinct values; text otherwise.
 */
import { InputError } from '../errors/errors';
import { formatNumber } from './formatNumber';
import { parseIsoDatetime } from './datetime';
import { parseNumberText } from './csv/numberParser';
import type { BooleanColumn, Column, ColumnType, RawColumn, RawStrings } from './table';
import { BOOL_MISSING, CODE_MISSING } from './table';

export const MAX_CATEGORIES = 50;

export function inferType(raw: RawColumn): ColumnType {
  if (raw.kind === 'numbers') return 'numeric';
  const dict = raw.dictionary;
  if (dict.length > 0 && dict.every(isBooleanText)) return 'boolean';
  if (dict.length > 0 && dict.every((v) => !Number.isNaN(parseIsoDatetime(v)))) return 'datetime';
  return dict.length <= MAX_CATEGORIES ? 'categorical' : 'text';
}

function isBooleanText(v: string): boolean {
  const l = v.toLowerCase();
  return l === 'true' || l === 'false';
}

/** Builds the typed column for `type` from its raw values; throws InputError when impossible. */
export function makeColumn(name: string, raw: RawColumn, type: ColumnType, inferredType: ColumnType = type): Column {
  switch (type) {
    case 'numeric':
      return { name, raw, inferredType, type, values: raw.kind === 'numbers' ? raw.values : stringsToNumbers(name, raw) };
    case 'datetime':
      return { name, raw, inferredType, type, values: toDatetimes(name, raw) };
    case 'boolean':
      return { name, raw, inferredType, type, values: toBooleans(name, raw) } satisfies BooleanColumn;
    case 'categorical':
    case 'text': {
      const strings = raw.kind === 'strings' ? raw : numbersToStrings(raw.values);
      return { name, raw, inferredType, type, codes: strings.codes, dictionary: strings.dictionary };
    }
  }
}

function mapCodes<T extends Float64Array | Uint8Array>(raw: RawStrings, perCode: ArrayLike<number>, out: T, missing: number): T {
  const codes = raw.codes;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    out[i] = c === CODE_MISSING ? missing : perCode[c];
  }
  return out;
}

function firstRowWithCode(raw: RawStrings, code: number): number {
  return raw.codes.indexOf(code) + 2; // +1 for 1-based, +1 for the header line
}

function stringsToNumbers(name: string, raw: RawStrings): Float64Array {
  const perCode = new Float64Array(raw.dictionary.length);
  raw.dictionary.forEach((v, k) => {
    const x = parseNumberText(v);
    if (Number.isNaN(x)) {
      throw new InputError(
        `column '${name}' cannot be numeric: '${v}' (line ${firstRowWithCode(raw, k)}) is not a number`,
      );
    }
    perCode[k] = x;
  });
  return mapCodes(raw, perCode, new Float64Array(raw.codes.length), NaN);
}

function toDatetimes(name: string, raw: RawColumn): Float64Array {
  if (raw.kind === 'numbers') {
    throw new InputError(`column '${name}' holds numbers; only ISO 8601 text (e.g. 2024-01-31 or 2024-01-31T08:00:00Z) can be a datetime`);
  }
  const perCode = new Float64Array(raw.dictionary.length);
  raw.dictionary.forEach((v, k) => {
    const t = parseIsoDatetime(v);
    if (Number.isNaN(t)) {
      throw new InputError(
        `column '${name}' cannot be a datetime: '${v}' (line ${firstRowWithCode(raw, k)}) is not an ISO 8601 date or date-time`,
      );
    }
    perCode[k] = t;
  });
  return mapCodes(raw, perCode, new Float64Array(raw.codes.length), NaN);
}

function toBooleans(name: string, raw: RawColumn): Uint8Array {
  const out = new Uint8Array(raw.kind === 'numbers' ? raw.values.length : raw.codes.length);
  if (raw.kind === 'numbers') {
    const v = raw.values;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (Number.isNaN(x)) out[i] = BOOL_MISSING;
      else if (x === 0 || x === 1) out[i] = x;
      else throw new InputError(`column '${name}' cannot be boolean: ${formatNumber(x)} (line ${i + 2}) is not 0 or 1`);
    }
    return out;
  }
  const perCode = raw.dictionary.map((v, k) => {
    const l = v.toLowerCase();
    if (l === 'true') return 1;
    if (l === 'false') return 0;
    throw new InputError(
      `column '${name}' cannot be boolean: '${v}' (line ${firstRowWithCode(raw, k)}) is not true or false`,
    );
  });
  return mapCodes(raw, perCode, out, BOOL_MISSING);
}

/** Numbers viewed as categories: dictionary of their shortest round-trip text, in order of first appearance. */
function numbersToStrings(values: Float64Array): RawStrings {
  const dict = new Map<number, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isNaN(x)) {
      codes[i] = CODE_MISSING;
      continue;
    }
    let code = dict.get(x);
    if (code === undefined) {
      code = dictionary.length;
      dict.set(x, code);
      dictionary.push(formatNumber(x));
    }
    codes[i] = code;
  }
  return { kind: 'strings', codes, dictionary };
}

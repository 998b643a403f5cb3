/**
 * Converts a column of decoded values (from Parquet or Arrow readers) into a raw column:
 * all numbers (or bigints) → numbers; anything else → text (booleans as true/false, dates
 * as ISO 8601 UTC), so type inference treats every format alike.
 */
import { formatIsoDatetime } from './datetime';
import type { RawColumn } from './table';

export function rawFromValues(values: ArrayLike<unknown>, asDatetime = false): RawColumn {
  const n = values.length;
  let allNumbers = !asDatetime;
  if (allNumbers) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== null && v !== undefined && typeof v !== 'number' && typeof v !== 'bigint') {
        allNumbers = false;
        break;
      }
    }
  }
  if (allNumbers) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      out[i] = v === null || v === undefined ? NaN : Number(v);
    }
    return { kind: 'numbers', values: out };
  }
  const codes = new Int32Array(n);
  const dict = new Map<string, number>();
  const dictionary: string[] = [];
  for (let i = 0; i < n; i++) {
    const text = toText(values[i], asDatetime);
    if (text === null) {
      codes[i] = -1;
      continue;
    }
    let code = dict.get(text);
    if (code === undefined) {
      code = dictionary.length;
      dict.set(text, code);
      dictionary.push(text);
    }
    codes[i] = code;
  }
  return { kind: 'strings', codes, dictionary };
}

function toText(v: unknown, asDatetime: boolean): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : formatIsoDatetime(v.getTime());
  if (asDatetime && (typeof v === 'number' || typeof v === 'bigint')) return formatIsoDatetime(Number(v));
  if (typeof v === 'number') return Number.isNaN(v) ? null : String(v);
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));
}

/**
 * The JSON Canonicalization Scheme (RFC 8785): no whitespace, object members sorted by their
 * names' UTF-16 code units, strings escaped as ECMAScript's JSON.stringify escapes them, numbers
 * in ECMAScript's shortest round-trip form (-0 as 0). NaN, infinities, undefined and functions
 * have no JSON form and are refused. A snapshot's `id` is the SHA-256 of this text (UTF-8).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      // sort by UTF-16 code units: JavaScript's default string comparison
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
}

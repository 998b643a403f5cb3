/**
 * ISO 8601 / RFC 3339 dates and date-times, as the CLI contract defines them: `YYYY-MM-DD`,
 * optionally followed by `T` or a space and `HH:MM[:SS[.fff…]]`, optionally followed by `Z` or
 * `±HH:MM` / `±HHMM`. Values without a zone are UTC — never the machine's local time.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Milliseconds since 1970-01-01T00:00Z, or NaN when `text` is not an ISO date/date-time. */
export function parseIsoDatetime(text: string): number {
  const m = ISO.exec(text);
  if (!m) return NaN;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1) return NaN;
  const dim = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > dim) return NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (m[4] !== undefined) {
    hour = +m[4];
    minute = +m[5];
    second = m[6] !== undefined ? +m[6] : 0;
    if (hour > 23 || minute > 59 || second > 59) return NaN;
    if (m[7] !== undefined) ms = Number('0.' + m[7]) * 1000;
  }
  let t = Date.UTC(year, month - 1, day, hour, minute, second) + ms;
  // Date.UTC maps years 0–99 to 1900–1999; set the full year explicitly.
  if (year < 100) {
    const d = new Date(t);
    d.setUTCFullYear(year);
    t = d.getTime();
  }
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const zh = +digits.slice(0, 2);
    const zm = +digits.slice(2, 4);
    if (zh > 23 || zm > 59) return NaN;
    t -= sign * (zh * 60 + zm) * 60000;
  }
  return t;
}

/** Formats milliseconds since the epoch as ISO 8601 UTC (date only when the time is midnight). */
export function formatIsoDatetime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

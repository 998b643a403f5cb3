/**
 * Number formatting for display. Every formatter has a `full` counterpart (the shortest text
 * that reads back as the same number) for titles/tooltips, so full precision stays available.
 */
const LOCALE = 'en-US';

const grouped = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const grouped1 = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const sig4 = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 4 });
const pct1 = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct2 = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const MISSING_TEXT = '—';

/** Full precision text of a number (round-trips), `—` for null. */
export function fullNumber(x: number | null | undefined): string {
  if (x === null || x === undefined) return MISSING_TEXT;
  if (Object.is(x, -0)) return '0';
  return String(x);
}

/** A count: 48842 → "48,842". */
export function formatCount(n: number): string {
  return grouped.format(n);
}

/** A statistic shown compactly: 4 significant digits, grouped thousands, exponent for extremes. */
export function formatStat(x: number | null | undefined): string {
  if (x === null || x === undefined) return MISSING_TEXT;
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e15 || a < 1e-4) return x.toExponential(2);
  if (Number.isInteger(x)) return grouped.format(x);
  if (a >= 10_000) return grouped.format(x);
  if (a >= 1000) return grouped1.format(x);
  return sig4.format(x);
}

/** A fraction in [0, 1] as a percentage with one decimal ("23.9%"); tiny non-zero shares keep two. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return MISSING_TEXT;
  if (fraction !== 0 && Math.abs(fraction) < 0.001) return pct2.format(fraction);
  return pct1.format(fraction);
}

/** A p-value: 4 significant digits, in scientific notation below 0.0001 (e.g. "3.2e-12"); 0 only when it underflows. */
export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return MISSING_TEXT;
  if (p === 0) return '< 1e-300';
  if (p < 1e-4) return p.toExponential(2);
  return sig4.format(p);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "48,842 rows × 16 columns" (singular forms for 1). */
export function formatShape(rows: number, columns: number): string {
  return `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'} × ${formatCount(columns)} ${columns === 1 ? 'column' : 'columns'}`;
}

/** A datetime in milliseconds since the epoch, as ISO text (UTC), trimmed of a zero time. */
export function formatDatetime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return MISSING_TEXT;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** A cell value as shown in tables: numbers at full precision, booleans as true/false. */
export function formatCell(v: number | boolean | string | null): string {
  if (v === null) return MISSING_TEXT;
  if (typeof v === 'number') return fullNumber(v);
  return String(v);
}

/**
 * How the audit report writes numbers (plain text, escaped by the caller if needed): figures to
 * four decimals, counts with thousands separators, rates as percentages, p-values with a floor,
 * and "—" for a value the snapshot leaves undefined.
 */
export const MISSING = '—';

/** Plain text (escape before use in HTML), like every formatter here. A figure: integers in full, others to 4 decimals (tiny ones in exponent form). */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  if (Number.isInteger(x)) return formatCount(x);
  if (Math.abs(x) >= 1000) return x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  if (Math.abs(x) < 1e-4) return x.toExponential(2);
  return x.toFixed(4);
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return MISSING;
  return n.toLocaleString('en-US');
}

/** A share as a percentage to one decimal: 0.1234 → "12.3%". */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  return `${(x * 100).toFixed(1)}%`;
}

/** A 95 % interval: "[0.7812, 0.8433]". */
export function formatInterval(ci: readonly [number, number] | null | undefined, format: (x: number) => string = formatNumber): string {
  return ci ? `[${format(ci[0])}, ${format(ci[1])}]` : MISSING;
}

export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return MISSING;
  return p < 1e-4 ? '< 0.0001' : p.toFixed(4);
}

/** A byte count: "12,345 bytes (12.1 KB)". */
export function formatBytes(n: number): string {
  const units = ['KB', 'MB', 'GB'];
  let value = n;
  let unit = '';
  for (const u of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  return unit ? `${formatCount(n)} bytes (${value.toFixed(1)} ${unit})` : `${formatCount(n)} bytes`;
}

/** The byte length of base64 text once decoded. */
export function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((text.length * 3) / 4) - padding);
}

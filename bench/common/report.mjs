// How the benchmarks print: durations, rates, ratios, aligned text tables, medians.
export const fmtMs = (ms) => (ms == null ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const fmtRate = (r) => (r == null ? '—' : r >= 1e6 ? `${(r / 1e6).toFixed(2)}M/s` : `${(r / 1e3).toFixed(0)}k/s`);
export const fmtX = (x) => (x == null || !Number.isFinite(x) ? '—' : `${x.toFixed(x >= 10 ? 1 : 2)}×`);
export const fmtInt = (n) => n.toLocaleString('en-US');

/** A text table: first column left-aligned unless `align` says otherwise ('l' / 'r' per column). */
export function table(headers, rows, align) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '—')));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => ((align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].map((l) => ('  ' + l).trimEnd()).join('\n');
}

/** Median of the finite numbers in `xs` (null when there are none). */
export const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

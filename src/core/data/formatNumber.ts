/** The shortest text that reads back as the same number (JavaScript's round-trip formatting; -0 as "0"). */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

import { formatStat, fullNumber } from './format';

/** A number shown compactly, with its full precision in the title (tooltip). */
export function Num({ value, format = formatStat }: { value: number | null | undefined; format?: (x: number | null | undefined) => string }) {
  if (value === null || value === undefined) return <span className="gb-missing" title="not applicable / undefined">—</span>;
  return <span title={fullNumber(value)}>{format(value)}</span>;
}

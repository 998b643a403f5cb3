/** `--expires N{s,m,h,d}` (shared/spec/cli.md) in milliseconds. */
import { InputError } from '../../core/errors/errors';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string, option = '--expires'): number {
  const m = /^([0-9]{1,9})([smhd])$/.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new InputError(`${option} '${text}' is not a duration (a positive whole number with s, m, h or d: 90d, 12h, 30m, 45s)`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

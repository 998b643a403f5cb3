/** Typed option values shared by commands: numbers and comma-separated lists. */
import { InputError } from '../../core/errors/errors';
import { stringOption, type ParsedOptions } from '../args';

export function numberOption(options: ParsedOptions, name: string): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new InputError(`--${name} must be a number (got '${text}')`);
  return v;
}

/** `--features a,b,c` → ['a', 'b', 'c'] (names trimmed; empty names are bad input). */
export function listOption(options: ParsedOptions, name: string): string[] | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new InputError(`--${name} must be a comma-separated list of column names (got '${text}')`);
  return items;
}

/** `--seed N`: a whole number. */
export function seedOption(options: ParsedOptions): number | undefined {
  const seed = numberOption(options, 'seed');
  if (seed !== undefined && !Number.isInteger(seed)) throw new InputError(`--seed must be a whole number (got '${stringOption(options, 'seed')}')`);
  return seed;
}

/**
 * Command-line options: `--name value`, `--name=value` and boolean `--flag`. Unknown options,
 * missing values and repeated options are bad input (InputError).
 */
import { InputError } from '../core/errors/errors';

export interface OptionSpec {
  /** Takes a value (`--data FILE`) or is a flag (`--ice`). */
  value: boolean;
  required?: boolean;
}

export type ParsedOptions = Record<string, string | true>;

export function parseOptions(command: string, argv: readonly string[], spec: Record<string, OptionSpec>): ParsedOptions {
  const out: ParsedOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new InputError(`${command}: unexpected argument '${arg}' (options start with --)`);
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const option = spec[name];
    if (!option) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(', ');
      throw new InputError(`${command}: unknown option '--${name}' (expected one of ${known})`);
    }
    if (name in out) throw new InputError(`${command}: option '--${name}' is given twice`);
    if (!option.value) {
      if (eq >= 0) throw new InputError(`${command}: option '--${name}' takes no value`);
      out[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw new InputError(`${command}: option '--${name}' needs a value`);
      }
      i++;
    }
    out[name] = value;
  }
  for (const [name, option] of Object.entries(spec)) {
    if (option.required && !(name in out)) throw new InputError(`${command}: option '--${name}' is required`);
  }
  return out;
}

export function stringOption(options: ParsedOptions, name: string): string | undefined {
  const v = options[name];
  return typeof v === 'string' ? v : undefined;
}

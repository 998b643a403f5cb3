/** Reads `--data` for a command, with the shared reading options (--delimiter, --decimal). */
import { readDataset, type DatasetRead } from '../../core/data/readDataset';
import type { Delimiter } from '../../core/data/csv/csvOptions';
import type { Table } from '../../core/data/table';
import { InputError } from '../../core/errors/errors';
import type { OptionSpec, ParsedOptions } from '../args';
import { stringOption } from '../args';
import { fileSource } from './fileSource';

export const READ_OPTIONS: Record<string, OptionSpec> = {
  delimiter: { value: true },
  decimal: { value: true },
};

const DELIMITERS: Record<string, Delimiter> = { ',': ',', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t', '|': '|' };

export async function readTable(path: string, options: ParsedOptions): Promise<Table> {
  return (await readDatasetFile(path, options)).table;
}

/** The whole read: table, format and the CSV dialect used. */
export async function readDatasetFile(path: string, options: ParsedOptions): Promise<DatasetRead> {
  const decimal = stringOption(options, 'decimal');
  if (decimal !== undefined && decimal !== '.' && decimal !== ',') {
    throw new InputError(`--decimal must be '.' or ',' (got '${decimal}')`);
  }
  const delimiterText = stringOption(options, 'delimiter');
  let delimiter: Delimiter | undefined;
  if (delimiterText !== undefined) {
    delimiter = DELIMITERS[delimiterText];
    if (!delimiter) throw new InputError(`--delimiter must be ',', ';', 'tab' or '|' (got '${delimiterText}')`);
  } else if (decimal === ',') {
    delimiter = ';';
  }
  return readDataset(fileSource(path), { delimiter, decimal: decimal as '.' | ',' | undefined });
}

/** `glassbox profile --data FILE [--out FILE]`: per-column statistics, as in shared/spec/cli.md. */
import { profileTable } from '../../core/stats/profile';
import type { ProfileResult } from '../../core/stats/results';
import { parseOptions, stringOption } from '../args';
import type { CliIo } from '../io/writeOutput';
import { toJson, writeOutput } from '../io/writeOutput';
import { READ_OPTIONS, readTable } from '../io/readTable';

export async function profileCommand(argv: readonly string[], io: CliIo): Promise<ProfileResult> {
  const options = parseOptions('profile', argv, {
    data: { value: true, required: true },
    out: { value: true },
    ...READ_OPTIONS,
  });
  const table = await readTable(stringOption(options, 'data')!, options);
  const result = profileTable(table);
  writeOutput(toJson(result), stringOption(options, 'out'), io);
  return result;
}

/**
 * `glassbox report --snapshot exp.json --out report.html` (shared/spec/cli.md, "report"): the
 * self-contained HTML audit report of a snapshot (core/report/auditReport.ts). A file that is not
 * JSON, or JSON that is not a snapshot, is unreadable input (exit 2, no output file).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../../core/errors/errors';
import { parseSnapshot } from '../../core/experiment/readSnapshot';
import { auditReport } from '../../core/report/auditReport';
import { parseOptions, stringOption } from '../args';
import { writeOutput, type CliIo } from '../io/writeOutput';

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<string> {
  const options = parseOptions('report', argv, {
    snapshot: { value: true, required: true },
    out: { value: true, required: true },
  });
  const path = stringOption(options, 'snapshot')!;
  const snapshot = parseSnapshot(readSnapshotText(path), path);
  const html = await auditReport(snapshot, { snapshotFile: basename(path) });
  writeOutput(html, stringOption(options, 'out'), io);
  return html;
}

/** The snapshot file's text; a missing file, a directory or an unreadable file is bad input naming the path. */
function readSnapshotText(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`'${path}' is a directory, not a snapshot file`);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `snapshot file '${path}' not found` : `cannot read snapshot '${path}' (${code ?? (e as Error).message})`);
  }
}

/**
 * `glassbox drift --reference a.csv --current b.csv [--columns c1,c2] [--bins 10] [--seed 0]
 * --out drift.json` (shared/spec/cli.md, "drift"): per column the KS or chi-squared test, PSI and
 * Wasserstein distance, and the domain classifier's out-of-fold AUC and top features
 * (core/drift/driftReport.ts) — the contract's fields first, then effect sizes, severities, the
 * row counts, a plain-language summary and the thresholds used.
 */
import { driftJson, driftReport, type DriftReport } from '../../core/drift/driftReport';
import { parseOptions, stringOption } from '../args';
import { listOption, numberOption, seedOption } from '../io/optionValues';
import { READ_OPTIONS, readTable } from '../io/readTable';
import { toJson, writeOutput, type CliIo } from '../io/writeOutput';

export async function driftCommand(argv: readonly string[], io: CliIo): Promise<DriftReport> {
  const options = parseOptions('drift', argv, {
    reference: { value: true, required: true },
    current: { value: true, required: true },
    columns: { value: true },
    bins: { value: true },
    seed: { value: true },
    out: { value: true, required: true },
    ...READ_OPTIONS,
  });
  const reference = await readTable(stringOption(options, 'reference')!, options);
  const current = await readTable(stringOption(options, 'current')!, options);
  const report = await driftReport(
    { table: reference, rows: null },
    { table: current, rows: null },
    { columns: listOption(options, 'columns'), bins: numberOption(options, 'bins') ?? 10, seed: seedOption(options) ?? 0 },
    { pause: () => Promise.resolve() },
  );
  writeOutput(toJson(driftJson(report)), stringOption(options, 'out'), io);
  return report;
}

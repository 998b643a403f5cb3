/**
 * `glassbox fairness --data d.csv --target y --pred yhat [--score s] --sensitive a[,b]
 * [--positive L] [--favorable L] [--bins 4] [--seed 0] --out fairness.json`
 * (shared/spec/cli.md, "fairness"): per-group metrics with 95 % bootstrap intervals and the
 * disparities per attribute (core/fairness/fairnessReport.ts), with the contract's fields first,
 * then the plain-language summary and the definitions used.
 */
import { fairnessReport, type FairnessReport } from '../../core/fairness/fairnessReport';
import { parseOptions, stringOption } from '../args';
import { listOption, numberOption, seedOption } from '../io/optionValues';
import { READ_OPTIONS, readTable } from '../io/readTable';
import { toJson, writeOutput, type CliIo } from '../io/writeOutput';

export async function fairnessCommand(argv: readonly string[], io: CliIo): Promise<FairnessReport> {
  const options = parseOptions('fairness', argv, {
    data: { value: true, required: true },
    target: { value: true, required: true },
    pred: { value: true, required: true },
    score: { value: true },
    sensitive: { value: true, required: true },
    positive: { value: true },
    favorable: { value: true },
    bins: { value: true },
    seed: { value: true },
    out: { value: true, required: true },
    ...READ_OPTIONS,
  });
  const data = stringOption(options, 'data')!;
  const table = await readTable(data, options);
  const report = fairnessReport(table, {
    target: stringOption(options, 'target')!,
    pred: stringOption(options, 'pred')!,
    score: stringOption(options, 'score'),
    sensitive: listOption(options, 'sensitive') ?? [],
    positive: stringOption(options, 'positive'),
    favorable: stringOption(options, 'favorable'),
    bins: numberOption(options, 'bins') ?? 4,
    seed: seedOption(options) ?? 0,
    source: data,
  });
  writeOutput(toJson(fairnessJson(report)), stringOption(options, 'out'), io);
  return report;
}

/** The JSON `glassbox fairness` writes (and the worker's report gives): the contract's fields, then summary and definitions. */
export function fairnessJson(report: FairnessReport) {
  const { favorable, overall, groups, disparities, summary, definitions } = report;
  return { favorable, overall, groups, disparities, summary, definitions };
}

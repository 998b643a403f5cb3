/**
 * `glassbox metrics --data p.csv --target y --score s [--threshold 0.5] [--task …] [--positive L]
 * [--ci] [--seed 0] [--out FILE]` (shared/spec/cli.md, "metrics").
 */
import { evaluateScores, type MetricsResult, type Task } from '../../core/validation/evaluateScores';
import { InputError } from '../../core/errors/errors';
import { parseOptions, stringOption } from '../args';
import { numberOption, seedOption } from '../io/optionValues';
import type { CliIo } from '../io/writeOutput';
import { toJson, writeOutput } from '../io/writeOutput';
import { READ_OPTIONS, readTable } from '../io/readTable';

export async function metricsCommand(argv: readonly string[], io: CliIo): Promise<MetricsResult> {
  const options = parseOptions('metrics', argv, {
    data: { value: true, required: true },
    target: { value: true, required: true },
    score: { value: true, required: true },
    threshold: { value: true },
    task: { value: true },
    positive: { value: true },
    ci: { value: false },
    seed: { value: true },
    out: { value: true },
    ...READ_OPTIONS,
  });
  const task = stringOption(options, 'task');
  if (task !== undefined && task !== 'classification' && task !== 'regression') {
    throw new InputError(`--task must be 'classification' or 'regression' (got '${task}')`);
  }
  const threshold = numberOption(options, 'threshold');
  const seed = seedOption(options);
  const data = stringOption(options, 'data')!;
  const table = await readTable(data, options);
  const result = evaluateScores(table, {
    target: stringOption(options, 'target')!,
    score: stringOption(options, 'score')!,
    threshold,
    task: task as Task | undefined,
    positive: stringOption(options, 'positive'),
    ci: options.ci === true,
    seed,
    source: data,
  });
  writeOutput(toJson(result), stringOption(options, 'out'), io);
  return result;
}

/**
 * `glassbox shap --model m.onnx --data d.csv --background bg.csv [--rows 0:20]
 * [--method auto|tree|exact|kernel] [--output margin|probability] [--samples N] [--seed 42] --out shap.json`
 * (shared/spec/cli.md, "shap") → { method, output, features, baseValue, rows, values, stderr (kernel) }.
 * Interventional Shapley values against every row of the background file (core/explain/shapValues.ts).
 */
import { basename } from 'node:path';
import { InputError, ModelError } from '../../core/errors/errors';
import { shapValues, type ShapMethod, type ShapOutput, type ShapResult } from '../../core/explain/shapValues';
import { parseOptions, stringOption } from '../args';
import { numberOption, seedOption } from '../io/optionValues';
import { readModelBytes } from '../io/readModelFile';
import { READ_OPTIONS, readTable } from '../io/readTable';
import { toJson, writeOutput, type CliIo } from '../io/writeOutput';

export const DEFAULT_ROWS = '0:20';

export async function shapCommand(argv: readonly string[], io: CliIo): Promise<ShapResult> {
  const options = parseOptions('shap', argv, {
    model: { value: true, required: true },
    data: { value: true, required: true },
    background: { value: true, required: true },
    rows: { value: true },
    method: { value: true },
    output: { value: true },
    samples: { value: true },
    seed: { value: true },
    out: { value: true, required: true },
    ...READ_OPTIONS,
  });
  const method = stringOption(options, 'method') ?? 'auto';
  if (!['auto', 'tree', 'exact', 'kernel'].includes(method)) throw new InputError(`--method must be auto, tree, exact or kernel (got '${method}')`);
  const output = stringOption(options, 'output');
  if (output !== undefined && output !== 'margin' && output !== 'probability') throw new InputError(`--output must be margin or probability (got '${output}')`);
  const samples = numberOption(options, 'samples');
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= 2)) throw new InputError(`--samples must be a whole number ≥ 2 (got ${samples})`);
  const modelPath = stringOption(options, 'model')!;
  const model = readModelBytes(modelPath);
  const dataPath = stringOption(options, 'data')!;
  const backgroundPath = stringOption(options, 'background')!;
  const data = await readTable(dataPath, options);
  const background = await readTable(backgroundPath, options);
  const [from, to] = parseRows(stringOption(options, 'rows') ?? DEFAULT_ROWS, data.rowCount, dataPath);
  let result: ShapResult;
  try {
    result = await shapValues({
      model,
      data,
      dataSource: dataPath,
      rows: Int32Array.from({ length: to - from }, (_, i) => from + i),
      background,
      backgroundSource: backgroundPath,
      backgroundRows: Int32Array.from({ length: background.rowCount }, (_, i) => i),
      method: method as ShapMethod | 'auto',
      output: output as ShapOutput | undefined,
      samples,
      seed: seedOption(options) ?? 42,
    });
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(`model ${basename(modelPath)}: ${e.message}`);
    throw e;
  }
  const { predictions: _predictions, ...contract } = result;
  writeOutput(toJson(contract), stringOption(options, 'out'), io);
  return result;
}

/** `A:B` → rows A … B − 1 of the data (B clipped to its row count). */
export function parseRows(text: string, rowCount: number, source: string): [number, number] {
  const match = /^(\d+):(\d+)$/.exec(text.trim());
  if (!match) throw new InputError(`--rows must be A:B, 0-based rows A to B − 1 (got '${text}')`);
  const from = Number(match[1]);
  const to = Math.min(Number(match[2]), rowCount);
  if (from >= to) throw new InputError(`--rows ${text} selects no row of ${source} (it has ${rowCount} rows)`);
  return [from, to];
}

/**
 * `glassbox train --data d.csv --target y --model logistic|linear [--recipe r.json]
 * [--params JSON] [--seed 42] [--exclude a,b] [--positive L] --out model.onnx`
 * (shared/spec/cli.md, "train"): fits the recipe (the default one unless given) and the model on
 * every row with a target, and writes one self-contained ONNX file.
 */
import { basename } from 'node:path';
import { exportPipeline, trainPipeline, type TrainedPipeline } from '../../core/pipeline/trainPipeline';
import { parseModelKind, parseTrainParams } from '../../core/pipeline/trainParams';
import { parseOptions, stringOption } from '../args';
import { fileSha256 } from '../io/fileHash';
import { listOption, seedOption } from '../io/optionValues';
import { readRecipeFile } from '../io/readRecipeFile';
import { READ_OPTIONS, readTable } from '../io/readTable';
import { writeOutput, type CliIo } from '../io/writeOutput';

export const TRAIN_OPTIONS = {
  data: { value: true, required: true },
  target: { value: true, required: true },
  model: { value: true, required: true },
  recipe: { value: true },
  params: { value: true },
  seed: { value: true },
  exclude: { value: true },
  positive: { value: true },
  out: { value: true, required: true },
  ...READ_OPTIONS,
} as const;

export async function trainCommand(argv: readonly string[], io: CliIo): Promise<TrainedPipeline> {
  const options = parseOptions('train', argv, TRAIN_OPTIONS);
  const kind = parseModelKind(stringOption(options, 'model'));
  const params = parseTrainParams(stringOption(options, 'params'), kind);
  const seed = seedOption(options) ?? 42;
  const recipe = readRecipeFile(stringOption(options, 'recipe'));
  const data = stringOption(options, 'data')!;
  const out = stringOption(options, 'out')!;
  const table = await readTable(data, options);
  const pipeline = trainPipeline(table, {
    target: stringOption(options, 'target')!,
    kind,
    recipe,
    params,
    seed,
    exclude: listOption(options, 'exclude'),
    positive: stringOption(options, 'positive'),
    source: data,
  });
  const bytes = await exportPipeline(pipeline, { dataSha256: await fileSha256(data), dataName: basename(data) });
  writeOutput(bytes, out, io);
  return pipeline;
}

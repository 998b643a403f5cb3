/**
 * `glassbox cv --data d.csv --target y --model KIND [--recipe r.json] [--params JSON] [--folds 5]
 * [--stratify] [--group COL | --time COL] [--seed 42] [--exclude a,b] [--positive L] --out cv.json`
 * (shared/spec/cli.md, "cv"): the fold metrics, their mean and std, and the out-of-fold
 * predictions in `<out without .json>.oof.csv` (row, fold, prediction, score).
 */
import { crossValidate, type CvResult } from '../../core/pipeline/crossValidate';
import { parseModelKind, parseTrainParams } from '../../core/pipeline/trainParams';
import { parseOptions, stringOption } from '../args';
import { listOption, numberOption, seedOption } from '../io/optionValues';
import { readRecipeFile } from '../io/readRecipeFile';
import { TRAIN_OPTIONS } from './train';
import { readTable } from '../io/readTable';
import { toJson, writeOutput, type CliIo } from '../io/writeOutput';

export async function cvCommand(argv: readonly string[], io: CliIo): Promise<CvResult> {
  const options = parseOptions('cv', argv, {
    ...TRAIN_OPTIONS,
    folds: { value: true },
    stratify: { value: false },
    group: { value: true },
    time: { value: true },
  });
  const kind = parseModelKind(stringOption(options, 'model'));
  const params = parseTrainParams(stringOption(options, 'params'), kind);
  const seed = seedOption(options) ?? 42;
  const folds = numberOption(options, 'folds') ?? 5;
  const out = stringOption(options, 'out')!;
  const oofPath = `${out.replace(/\.json$/i, '')}.oof.csv`;
  const recipe = readRecipeFile(stringOption(options, 'recipe'));
  const data = stringOption(options, 'data')!;
  const table = await readTable(data, options);
  const result = crossValidate(table, {
    target: stringOption(options, 'target')!,
    kind,
    recipe,
    params,
    seed,
    folds,
    stratify: options.stratify === true,
    group: stringOption(options, 'group'),
    time: stringOption(options, 'time'),
    exclude: listOption(options, 'exclude'),
    positive: stringOption(options, 'positive'),
    source: data,
  });
  writeOutput(oofCsv(result), oofPath, io);
  writeOutput(toJson({ folds: result.folds, mean: result.mean, std: result.std, oof: oofPath }), out, io);
  return result;
}

function oofCsv(result: CvResult): string {
  const { row, fold, prediction, score } = result.oof;
  const quote = (v: string | number | null) => {
    if (v === null) return '';
    const t = String(v);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const lines = ['row,fold,prediction,score'];
  for (let i = 0; i < row.length; i++) lines.push(`${row[i]},${fold[i]},${quote(prediction[i])},${score ? score[i] : ''}`);
  return lines.join('\n') + '\n';
}

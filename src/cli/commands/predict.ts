/**
 * `glassbox predict --model m.onnx --data d.csv [--threshold 0.5] [--features a,b,c] [--out preds.csv]`
 * (shared/spec/cli.md, "predict"): the input CSV with its fields copied verbatim, plus
 * `prediction` (class label or value) and, for binary classifiers, `score`.
 * Scores are computed in deterministic mode (1 thread, fixed batch size).
 */
import { forEachCsvRecord } from '../../core/data/csv/csvRecords';
import { InputError } from '../../core/errors/errors';
import { resolveMapping } from '../../core/inference/inputMapping';
import { checkThreshold, DEFAULT_THRESHOLD, predictionsFrom, type Predictions } from '../../core/inference/predictions';
import { parseOptions, stringOption } from '../args';
import { fileSource } from '../io/fileSource';
import { listOption, numberOption } from '../io/optionValues';
import { openModelFile } from '../io/readModelFile';
import { READ_OPTIONS, readDatasetFile } from '../io/readTable';
import { openOutputStream, type CliIo } from '../io/writeOutput';

export async function predictCommand(argv: readonly string[], io: CliIo): Promise<Predictions> {
  const options = parseOptions('predict', argv, {
    model: { value: true, required: true },
    data: { value: true, required: true },
    threshold: { value: true },
    features: { value: true },
    out: { value: true },
    ...READ_OPTIONS,
  });
  const threshold = numberOption(options, 'threshold') ?? DEFAULT_THRESHOLD;
  checkThreshold(threshold);
  const dataPath = stringOption(options, 'data')!;
  const scorer = await openModelFile(stringOption(options, 'model')!);
  try {
    const read = await readDatasetFile(dataPath, options);
    if (read.format !== 'csv') {
      throw new InputError(`predict copies the input CSV verbatim, but ${dataPath} is a ${read.format} file: convert it to CSV first`);
    }
    const mapping = resolveMapping(scorer.signature, read.table, dataPath, listOption(options, 'features'));
    const scores = await scorer.score(read.table, mapping);
    const predictions = predictionsFrom(scorer.signature, scores, threshold);
    await writePredictionsCsv(dataPath, read.delimiter ?? ',', read.decimal, predictions, stringOption(options, 'out'), io);
    return predictions;
  } finally {
    await scorer.dispose();
  }
}

const encoder = new TextEncoder();
const CHUNK = 1 << 20;
/** Room kept free at the end of the buffer for one row's added fields. */
const SUFFIX_ROOM = 1024;

async function writePredictionsCsv(
  path: string,
  delimiter: string,
  decimal: '.' | ',',
  predictions: Predictions,
  out: string | undefined,
  io: CliIo,
): Promise<void> {
  const stream = openOutputStream(out, io);
  let buffer = new Uint8Array(CHUNK);
  let used = 0;
  const flushIfFull = (room: number): void => {
    if (used + room <= buffer.length) return;
    stream.write(buffer.subarray(0, used));
    used = 0;
    if (room > buffer.length) buffer = new Uint8Array(room * 2);
  };
  const put = (bytes: Uint8Array): void => {
    flushIfFull(bytes.length);
    buffer.set(bytes, used);
    used += bytes.length;
  };
  const putText = (text: string): void => {
    flushIfFull(Math.max(SUFFIX_ROOM, text.length * 3));
    used += encoder.encodeInto(text, buffer.subarray(used)).written;
  };
  const field = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return decimal === ',' ? String(value).replace('.', ',') : String(value);
    return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  // Class labels repeat on every row: format each distinct one once.
  const labelText = new Map<string | number, string>();
  const predictionText = (value: string | number | null): string => {
    if (value === null || typeof value === 'number') return field(value);
    let text = labelText.get(value);
    if (text === undefined) labelText.set(value, (text = field(value)));
    return text;
  };
  try {
    const rows = predictions.prediction.length;
    const score = predictions.score;
    const records = await forEachCsvRecord(fileSource(path), (record, index) => {
      if (index > rows) return;
      put(record);
      if (index === 0) {
        putText(predictions.header.map((h) => delimiter + field(h)).join('') + '\n');
        return;
      }
      const i = index - 1;
      const value = predictions.prediction[i];
      const text = typeof value === 'string' ? predictionText(value) : field(value);
      putText(score ? `${delimiter}${text}${delimiter}${field(score[i])}\n` : `${delimiter}${text}\n`);
    });
    if (records - 1 !== rows) throw new InputError(`${path} changed while it was being read (${records - 1} records, ${rows} rows scored)`);
    stream.write(buffer.subarray(0, used));
    stream.commit();
  } catch (e) {
    stream.abort();
    throw e;
  }
}

/** Plain-language descriptions of a model, for the summary (and the people who sign it off). */
import { describeShape } from '../../core/inference/modelSignature';
import type { ModelInfo } from '../../workers/workbenchApi';

const TYPE_WORDS: Record<string, string> = {
  float32: 'float',
  float64: 'double',
  int64: 'int64',
  string: 'text',
  bool: 'boolean',
};

/** An element type as people say it: `float32` → "float (32-bit)". */
export function typeWords(elementType: string | null): string {
  if (elementType === null) return 'not a tensor';
  if (elementType === 'float32') return 'float (32-bit)';
  if (elementType === 'float64') return 'double (64-bit)';
  return TYPE_WORDS[elementType] ?? elementType;
}

/** How the model takes its inputs, in one sentence. */
export function layoutWords(info: ModelInfo): string {
  const { signature, description } = info;
  if (signature.layout === 'matrix') {
    const input = description.inputs[0];
    const f = signature.featureCount;
    const features = f === null ? 'an unstated number of features' : `${f} feature${f === 1 ? '' : 's'}`;
    const order = signature.featureNames
      ? 'in the order listed by its feature_names metadata'
      : 'in an order the model does not state (map them by hand)';
    return `One ${typeWords(input?.elementType ?? null)} matrix '${input?.name ?? '?'}' ${describeShape(input?.shape ?? null)}: one row per sample, ${features} per row, ${order}.`;
  }
  const n = signature.inputs.length;
  const text = signature.inputs.filter((i) => i.elementType === 'string').length;
  const kinds = text === 0 ? 'all numeric' : text === n ? 'all text' : `${n - text} numeric, ${text} text`;
  return `One input per column: ${n} input${n === 1 ? '' : 's'} (${kinds}), each [N, 1], fed from the dataset column of the same name unless you map another.`;
}

/** What the score means. */
export function taskWords(info: ModelInfo): string {
  const s = info.signature;
  if (s.task === 'regression') return 'Regression: the score is the predicted value.';
  const labels = (s.classLabels ?? []).map(String);
  return `Binary classification: the score is P(${String(s.positive)}), the probability of the positive class (classes ${labels.join(' and ')}).`;
}

/** How an output is used: the score, or ignored (labels come from the threshold). */
export function outputUse(info: ModelInfo, outputName: string): { score: boolean; text: string } {
  const s = info.signature;
  if (outputName === s.scoreOutput.name) {
    if (s.task === 'regression') return { score: true, text: 'Read as the score (the predicted value)' };
    const { width, index } = s.scoreOutput;
    const where = width === 2 ? `column ${index + 1} of 2` : 'its only column';
    return { score: true, text: `Read as the score: P(${String(s.positive)}), ${where}` };
  }
  if (s.task === 'classification') return { score: false, text: 'Ignored: labels come from score ≥ threshold' };
  return { score: false, text: 'Not used' };
}

/** Opsets as "ai.onnx 17, ai.onnx.ml 3". */
export function opsetWords(info: ModelInfo): string {
  const list = info.description.opsets.map((o) => `${o.domain === '' ? 'ai.onnx' : o.domain} ${o.version}`);
  return list.length ? list.join(', ') : 'none declared';
}

/** "Scored 20,000 rows in 0.4 s · 1 thread · batch 4,096". */
export function scoringWords(summary: { rows: number; ms: number; threads: number; batchSize: number }): string {
  const seconds = summary.ms / 1000;
  const time = seconds < 0.1 ? seconds.toFixed(2) : seconds < 10 ? seconds.toFixed(1) : Math.round(seconds).toString();
  const count = (n: number) => n.toLocaleString('en-US');
  return `Scored ${count(summary.rows)} rows in ${time} s · ${summary.threads} thread${summary.threads === 1 ? '' : 's'} · batch ${count(summary.batchSize)}`;
}

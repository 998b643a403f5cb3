/**
 * `--params` of glassbox train / cv (shared/spec/cli.md, "train"): a JSON object with the
 * contract's names. Names that do not apply to the chosen model are refused, so a typo or a
 * misplaced tree setting never passes silently.
 */
import { InputError } from '../errors/errors';

export type ModelKind = 'logistic' | 'linear' | 'tree' | 'forest' | 'gbdt';
export const MODEL_KINDS: readonly ModelKind[] = ['logistic', 'linear', 'tree', 'forest', 'gbdt'];

export interface TrainParams {
  nEstimators?: number;
  maxDepth?: number;
  learningRate?: number;
  minSamplesLeaf?: number;
  l2?: number;
  subsample?: number;
  colsampleByTree?: number;
  maxBins?: number;
  /**
   * gbdt only, an extension of the contract (off by default): stop when the loss on a seeded
   * validation split of the training rows (`validationFraction`, default 0.1; stratified for
   * classifiers) has not improved for this many rounds, and keep the trees up to the best round.
   */
  earlyStoppingRounds?: number;
  validationFraction?: number;
}

const APPLIES: Record<ModelKind, (keyof TrainParams)[]> = {
  logistic: ['l2'],
  linear: ['l2'],
  tree: ['maxDepth', 'minSamplesLeaf', 'maxBins'],
  forest: ['nEstimators', 'maxDepth', 'minSamplesLeaf', 'colsampleByTree', 'subsample', 'maxBins'],
  gbdt: ['nEstimators', 'maxDepth', 'learningRate', 'minSamplesLeaf', 'l2', 'subsample', 'colsampleByTree', 'maxBins', 'earlyStoppingRounds', 'validationFraction'],
};

export function parseModelKind(text: string | undefined): ModelKind {
  if (!MODEL_KINDS.includes(text as ModelKind)) {
    throw new InputError(`--model must be one of ${MODEL_KINDS.join(', ')} (got '${text ?? ''}')`);
  }
  return text as ModelKind;
}

export function parseTrainParams(text: string | undefined, kind: ModelKind): TrainParams {
  if (text === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InputError(`--params must be a JSON object, e.g. '{"l2": 0.1}' (got '${text}')`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InputError(`--params must be a JSON object, e.g. '{"l2": 0.1}'`);
  const out: TrainParams = {};
  for (const [name, value] of Object.entries(json)) {
    if (!APPLIES[kind].includes(name as keyof TrainParams)) {
      const all = [...new Set(Object.values(APPLIES).flat())];
      throw new InputError(
        all.includes(name as keyof TrainParams)
          ? `--params: '${name}' does not apply to ${kind} models (they take ${APPLIES[kind].join(', ')})`
          : `--params: unknown parameter '${name}' (${kind} models take ${APPLIES[kind].join(', ')})`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(`--params: '${name}' must be a number`);
    const integer = name === 'nEstimators' || name === 'maxDepth' || name === 'minSamplesLeaf' || name === 'maxBins' || name === 'earlyStoppingRounds';
    if ((integer && (!Number.isInteger(value) || value < 1)) || value < 0) {
      throw new InputError(`--params: '${name}' must be ${integer ? 'a whole number ≥ 1' : 'a number ≥ 0'} (got ${value})`);
    }
    const fraction = name === 'subsample' || name === 'colsampleByTree' || name === 'validationFraction';
    if (fraction && !(value > 0 && value <= 1 && (name !== 'validationFraction' || value < 1))) {
      throw new InputError(`--params: '${name}' must be a fraction in (0, 1${name === 'validationFraction' ? ')' : ']'} (got ${value})`);
    }
    if (name === 'maxBins' && (value < 2 || value > 255)) throw new InputError(`--params: 'maxBins' must be from 2 to 255 (got ${value})`);
    out[name as keyof TrainParams] = value;
  }
  return out;
}

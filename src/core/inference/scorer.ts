/**
 * The Scorer: the one way anything in Glassbox gets predictions. It batches rows of a core
 * table into ONNX tensors, runs an onnxruntime-web session and returns Float64Array scores —
 * P(positive) for binary classifiers, the value for regressors. Labels are never read from the
 * model: they come from `score >= threshold` (see predictions.ts).
 *
 * Deterministic mode (the contract's recorded numbers): one thread and a fixed batch size
 * (SCORING_BATCH_SIZE), so the same inputs give bit-identical scores in the browser and the CLI.
 */
import type { Table } from '../data/table';
import { CancelledError, ModelError } from '../errors/errors';
import { FeedEncoder, type FeedTensor } from './feedEncoder';
import type { InputMapping } from './inputMapping';
import { analyseModel, multiClass, type ModelSignature } from './modelSignature';
import { readModelDescription, type ModelDescription } from './onnx/modelDescription';
import { ort, runtimeThreads } from './onnxRuntime';
import { explainRuntimeError } from './runtimeErrors';

/** Rows per session run. Fixed: float32 results may change in the last bits with the batch size. */
export const SCORING_BATCH_SIZE = 4096;

export interface ScoreOptions {
  /** Rows to score (table row indices); all rows when omitted. */
  rows?: Int32Array | null;
  signal?: AbortSignal;
  /** Rows scored so far and the total, after each batch. */
  onProgress?: (done: number, total: number) => void;
  /** Awaited between batches so that a worker can receive a cancel message. */
  pause?: () => Promise<void>;
}

export interface Scorer {
  readonly description: ModelDescription;
  readonly signature: ModelSignature;
  score(table: Table, mapping: InputMapping, options?: ScoreOptions): Promise<Float64Array>;
  dispose(): Promise<void>;
}

/** Read, check and open a model. Throws ModelError naming the problem for anything Glassbox cannot use. */
export async function openScorer(bytes: Uint8Array): Promise<Scorer> {
  const description = readModelDescription(bytes);
  const signature = analyseModel(description);
  runtimeThreads();
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (e) {
    throw explainRuntimeError(e, 'load');
  }
  return new OnnxScorer(description, signature, session);
}

class OnnxScorer implements Scorer {
  constructor(
    readonly description: ModelDescription,
    readonly signature: ModelSignature,
    private readonly session: ort.InferenceSession,
  ) {}

  async score(table: Table, mapping: InputMapping, options: ScoreOptions = {}): Promise<Float64Array> {
    const rows = options.rows ?? null;
    const total = rows ? rows.length : table.rowCount;
    const scores = new Float64Array(total);
    const batch = Math.min(SCORING_BATCH_SIZE, Math.max(total, 1));
    const encoder = new FeedEncoder(this.signature, table, mapping, batch);
    const outputName = this.signature.scoreOutput.name;
    for (let start = 0; start < total; start += SCORING_BATCH_SIZE) {
      if (options.pause) await options.pause();
      if (options.signal?.aborted) throw new CancelledError();
      const end = Math.min(total, start + SCORING_BATCH_SIZE);
      const feeds = toOrtFeeds(encoder.encode(rows, start, end));
      let result: ort.InferenceSession.ReturnType;
      try {
        result = await this.session.run(feeds, [outputName]);
      } catch (e) {
        throw explainRuntimeError(e, 'run');
      }
      this.readScores(result[outputName], scores, start, end - start);
      options.onProgress?.(end, total);
    }
    return scores;
  }

  private readScores(tensor: ort.Tensor | undefined, out: Float64Array, offset: number, n: number): void {
    const name = this.signature.scoreOutput.name;
    if (!tensor || (tensor.type !== 'float32' && tensor.type !== 'float64')) {
      throw new ModelError(`the model's output '${name}' is not a float tensor (got ${tensor?.type ?? 'nothing'})`);
    }
    const dims = tensor.dims;
    const width = dims.length === 1 ? 1 : dims[1];
    if (dims[0] !== n || dims.length > 2) {
      throw new ModelError(`the model's output '${name}' has shape [${dims.join(', ')}] for ${n} rows; expected [${n}, 2] or [${n}, 1]`);
    }
    if (width > 2) throw multiClass(name, width);
    if (width === 2 && this.signature.task === 'regression') {
      throw new ModelError(`the model's output '${name}' has two columns, which is a classifier's, but the model says it is a regressor`);
    }
    const data = tensor.data as Float32Array | Float64Array;
    const index = width === 2 ? 1 : 0;
    for (let i = 0; i < n; i++) out[offset + i] = data[i * width + index];
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

/** Feed tensors as onnxruntime tensors. */
export function toOrtFeeds(feeds: FeedTensor[]): Record<string, ort.Tensor> {
  const out: Record<string, ort.Tensor> = {};
  for (const f of feeds) {
    out[f.name] = f.type === 'string'
      ? new ort.Tensor('string', f.data as string[], f.dims)
      : new ort.Tensor(f.type, f.data as Float32Array, f.dims);
  }
  return out;
}

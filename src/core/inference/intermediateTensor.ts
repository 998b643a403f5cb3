/**
 * Reads an intermediate tensor of a model — e.g. the features a tree ensemble or a linear layer
 * receives after the model's own preprocessing — for rows of a table: the model is copied with
 * that tensor as its only output (graphOutputs.ts) and run by onnxruntime-web with the same feeds
 * and batch size as the Scorer (one thread in deterministic mode). Float tensors of shape [N, F]
 * (or [N]) only.
 */
import type { Table } from '../data/table';
import { CancelledError, ModelError } from '../errors/errors';
import { FeedEncoder } from './feedEncoder';
import type { InputMapping } from './inputMapping';
import type { ModelSignature } from './modelSignature';
import { withGraphOutputs } from './onnx/graphOutputs';
import { ort, runtimeThreads } from './onnxRuntime';
import { explainRuntimeError } from './runtimeErrors';
import { SCORING_BATCH_SIZE, toOrtFeeds } from './scorer';

export interface IntermediateValues {
  /** Values per row. */
  width: number;
  /** Row-major: row i's values at [i·width, (i + 1)·width). */
  data: Float64Array;
}

export async function readIntermediate(
  model: Uint8Array,
  signature: ModelSignature,
  tensor: string,
  table: Table,
  mapping: InputMapping,
  options: { rows?: Int32Array | null; signal?: AbortSignal; pause?: () => Promise<void> } = {},
): Promise<IntermediateValues> {
  runtimeThreads();
  let session: ort.InferenceSession | null = null;
  let lastError: unknown = null;
  for (const elementType of ['float32', 'float64'] as const) {
    try {
      session = await ort.InferenceSession.create(withGraphOutputs(model, [{ name: tensor, elementType }]), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
      break;
    } catch (e) {
      lastError = e;
    }
  }
  if (!session) throw explainRuntimeError(lastError, 'load');
  try {
    const rows = options.rows ?? null;
    const total = rows ? rows.length : table.rowCount;
    const batch = Math.min(SCORING_BATCH_SIZE, Math.max(total, 1));
    const encoder = new FeedEncoder(signature, table, mapping, batch);
    let width = -1;
    let data = new Float64Array(0);
    for (let start = 0; start < total; start += SCORING_BATCH_SIZE) {
      if (options.pause) await options.pause();
      if (options.signal?.aborted) throw new CancelledError();
      const end = Math.min(total, start + SCORING_BATCH_SIZE);
      let result: ort.InferenceSession.ReturnType;
      try {
        result = await session.run(toOrtFeeds(encoder.encode(rows, start, end)), [tensor]);
      } catch (e) {
        throw explainRuntimeError(e, 'run');
      }
      const out = result[tensor];
      if (!out || (out.type !== 'float32' && out.type !== 'float64') || out.dims[0] !== end - start || out.dims.length > 2) {
        throw new ModelError(`the model's tensor '${tensor}' is not a float [rows, features] tensor (got ${out?.type ?? 'nothing'} [${out?.dims.join(', ') ?? ''}])`);
      }
      const w = out.dims.length === 1 ? 1 : out.dims[1];
      if (width < 0) {
        width = w;
        data = new Float64Array(total * width);
      }
      data.set(out.data as Float32Array | Float64Array, start * width);
    }
    return { width: Math.max(width, 0), data };
  } finally {
    await session.release();
  }
}

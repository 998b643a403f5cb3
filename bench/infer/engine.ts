/**
 * The Glassbox engine APIs the Node side of the inference benchmark measures, bundled for Node
 * by bench/infer/build.mjs (→ bench/out/infer-engine.mjs; onnxruntime-web stays an external
 * import, so a task that imports it too shares the one runtime instance).
 */
import type { ByteSource } from '../../src/core/data/byteSource';
import { fileSource } from '../../src/cli/io/fileSource';

export { readDataset } from '../../src/core/data/readDataset';
export { configureRuntime } from '../../src/core/inference/onnxRuntime';
export { resolveMapping } from '../../src/core/inference/inputMapping';
export { openScorer, SCORING_BATCH_SIZE } from '../../src/core/inference/scorer';

/** A CSV file as a re-openable byte stream: the CLI's own file source. */
export function nodeFileSource(path: string): ByteSource {
  return fileSource(path);
}

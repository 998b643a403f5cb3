/**
 * onnxruntime's error messages, turned into messages that say what is wrong with the model.
 * The raw text is kept at the end for anyone who wants to look it up.
 */
import { GlassboxError, ModelError } from '../errors/errors';

export function explainRuntimeError(e: unknown, stage: 'load' | 'run'): GlassboxError {
  if (e instanceof GlassboxError) return e;
  const raw = String((e as Error)?.message ?? e)
    .replace(/^(Error:\s*)+/, '')
    .trim();
  const detail = raw.replace(/\s+/g, ' ').slice(0, 300);
  const missingKernel = /Could not find an implementation for (\w+)\((\d+)\)/.exec(raw);
  if (missingKernel) {
    return new ModelError(
      `onnxruntime-web has no implementation of operator ${missingKernel[1]} (opset ${missingKernel[2]}) for the model's input types, so it cannot run this model`,
    );
  }
  const unknownOp = /(?:No Op registered for|Unrecognized operator:?)\s*'?(\w+)'?/i.exec(raw);
  if (unknownOp) return new ModelError(`the model uses operator '${unknownOp[1]}', which onnxruntime does not know`);
  if (stage === 'load') {
    if (/protobuf parsing failed|Failed to load model|INVALID_PROTOBUF/i.test(raw)) {
      return new ModelError(`the file is not a valid ONNX model (onnxruntime could not parse it): ${detail}`);
    }
    return new ModelError(`onnxruntime could not load the model: ${detail}`);
  }
  return new ModelError(`onnxruntime failed while scoring: ${detail}`);
}

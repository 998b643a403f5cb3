/** What produced a snapshot: the Glassbox version and commit, the runtime (browser or Node), the onnxruntime-web version. */
import { GLASSBOX_VERSION } from '../version';
import { onnxRuntimeVersion } from '../inference/onnxRuntime';

export interface Environment {
  glassbox: string;
  commit: string | null;
  runtime: string;
  onnxruntime: string;
}

export function environment(runtime: string, commit: string | null): Environment {
  return { glassbox: GLASSBOX_VERSION, commit, runtime, onnxruntime: onnxRuntimeVersion() };
}

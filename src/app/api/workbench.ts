/**
 * The UI's handle on the workbench worker. The table lives in the worker; every call is
 * asynchronous and goes through TanStack Query (see ./queries.ts and the session provider).
 * The first call tells the worker how many threads onnxruntime may use (see model/scoringMode.ts);
 * Comlink delivers calls in order, so this precedes any model.
 */
import type { Remote } from 'comlink';
import type { WorkbenchApi } from '../../workers/workbenchApi';
import { getWorkbench } from '../../workers/workbenchClient';
import { scoringMode, threadsFor } from '../model/scoringMode';

export type Workbench = Remote<WorkbenchApi>;

let configured = false;

export function workbench(): Workbench {
  const remote = getWorkbench();
  if (!configured) {
    configured = true;
    void remote.configureScoring(threadsFor(scoringMode()));
  }
  return remote;
}

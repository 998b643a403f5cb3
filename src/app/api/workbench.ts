/**
 * The UI's handle on the workbench worker. The table lives in the worker; every call is
 * asynchronous and goes through TanStack Query (see ./queries.ts and the session provider).
 */
import type { Remote } from 'comlink';
import type { WorkbenchApi } from '../../workers/workbenchApi';
import { getWorkbench } from '../../workers/workbenchClient';

export type Workbench = Remote<WorkbenchApi>;

export function workbench(): Workbench {
  return getWorkbench();
}

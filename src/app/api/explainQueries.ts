/**
 * The Explain step's worker calls as TanStack queries keyed by the dataset, the scoring (model +
 * mapping) and the settings: an explanation computed once is shown again at once when the view
 * is revisited. A query runs only when the user asks (`request` not null); leaving or cancelling
 * aborts it, which cancels the worker's job.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExplainRequest, JobProgressReport, ModelImportanceRequest, PdpRequest, WhatIfRequest } from '../../workers/workbenchApi';
import { callback } from '../../workers/workbenchClient';
import { useDataset } from '../session/SessionProvider';
import { jobFor } from './queries';
import { queryKeys, type DatasetKey } from './queryKeys';
import { workbench } from './workbench';

type Progressive<R, T> = (jobId: string, request: R, onProgress: (p: JobProgressReport) => void) => Promise<T>;

/** A worker job with progress as a query that runs on request and stays cached; `cancel` aborts it (and the worker's job). */
function useRequestedJob<R, T>(key: (ds: DatasetKey, scoring: string, r: R) => readonly unknown[], run: Progressive<R, T>, scoring: string | null, request: R | null, none: R) {
  const { key: ds } = useDataset();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<JobProgressReport | null>(null);
  const queryKey = key(ds, scoring ?? '', request ?? none);
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => {
      setProgress(null);
      return run(jobFor(signal), request!, callback(setProgress));
    },
    enabled: scoring !== null && request !== null,
    staleTime: Infinity,
    retry: false,
  });
  const cancel = () => void queryClient.cancelQueries({ queryKey });
  return { ...query, progress: query.isFetching ? progress : null, cancel };
}

export function useExplanation(scoring: string | null, request: ExplainRequest | null) {
  return useRequestedJob(queryKeys.explanation, (id, r, p) => workbench().explainRows(id, r, p), scoring, request, {});
}

export function usePartialDependence(scoring: string | null, request: PdpRequest | null) {
  return useRequestedJob(queryKeys.partialDependence, (id, r, p) => workbench().partialDependence(id, r, p), scoring, request, { feature: '' });
}

/** Permutation importance of the scored model, on request. */
export function useModelImportance(scoring: string | null, request: ModelImportanceRequest | null) {
  return useRequestedJob(queryKeys.modelImportance, (id, r, p) => workbench().modelImportance(id, r, p), scoring, request, { target: '' });
}

/** A what-if edit, recomputed as the values change (the previous answer stays on screen meanwhile). */
export function useWhatIf(scoring: string | null, request: WhatIfRequest | null) {
  const { key } = useDataset();
  return useQuery({
    queryKey: queryKeys.whatIf(key, scoring ?? '', request ?? { row: -1, edits: {} }),
    queryFn: ({ signal }) => workbench().whatIf(jobFor(signal), request!),
    enabled: scoring !== null && request !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

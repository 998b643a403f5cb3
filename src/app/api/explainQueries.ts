/**
 * The Explain step's worker calls as TanStack queries keyed by the dataset, the scoring (model +
 * mapping) and the settings: an explanation computed once is shown again at once when the view
 * is revisited. A query runs only when the user asks (`request` not null); leaving or cancelling
 * aborts it, which cancels the worker's job.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExplainRequest, ModelImportanceRequest, PdpRequest, WhatIfRequest } from '../../workers/workbenchApi';
import { useDataset } from '../session/SessionProvider';
import { jobFor } from './queries';
import { queryKeys } from './queryKeys';
import { useRequestedJob } from './requestedJob';
import { workbench } from './workbench';

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

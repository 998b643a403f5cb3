/**
 * The Explain step's worker calls as TanStack queries keyed by the dataset, the scoring (model +
 * mapping) and the settings: an explanation computed once is shown again at once when the view
 * is revisited. A query runs only when the user asks (`request` not null); leaving or cancelling
 * aborts it, which cancels the worker's job.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExplainRequest, JobProgressReport, ModelImportanceRequest, PdpRequest, WhatIfRequest } from '../../workers/workbenchApi';
import { callback } from '../../workers/workbenchClient';
import { useDataset } from '../session/SessionProvider';
import { jobFor } from './queries';
import { queryKeys } from './queryKeys';
import { workbench } from './workbench';

export function useExplanation(scoring: string | null, request: ExplainRequest | null) {
  const { key } = useDataset();
  const [progress, setProgress] = useState<JobProgressReport | null>(null);
  const query = useQuery({
    queryKey: queryKeys.explanation(key, scoring ?? '', request ?? {}),
    queryFn: ({ signal }) => {
      setProgress(null);
      return workbench().explainRows(jobFor(signal), request!, callback(setProgress));
    },
    enabled: scoring !== null && request !== null,
    staleTime: Infinity,
    retry: false,
  });
  return { ...query, progress: query.isFetching ? progress : null };
}

export function usePartialDependence(scoring: string | null, request: PdpRequest | null) {
  const { key } = useDataset();
  const [progress, setProgress] = useState<JobProgressReport | null>(null);
  const query = useQuery({
    queryKey: queryKeys.partialDependence(key, scoring ?? '', request ?? { feature: '' }),
    queryFn: ({ signal }) => {
      setProgress(null);
      return workbench().partialDependence(jobFor(signal), request!, callback(setProgress));
    },
    enabled: scoring !== null && request !== null,
    staleTime: Infinity,
    retry: false,
  });
  return { ...query, progress: query.isFetching ? progress : null };
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

/** Permutation importance of the scored model, on request. */
export function useModelImportance(scoring: string | null, request: ModelImportanceRequest | null) {
  const { key } = useDataset();
  const [progress, setProgress] = useState<JobProgressReport | null>(null);
  const query = useQuery({
    queryKey: queryKeys.modelImportance(key, scoring ?? '', request ?? { target: '' }),
    queryFn: ({ signal }) => {
      setProgress(null);
      return workbench().modelImportance(jobFor(signal), request!, callback(setProgress));
    },
    enabled: scoring !== null && request !== null,
    staleTime: Infinity,
    retry: false,
  });
  return { ...query, progress: query.isFetching ? progress : null };
}

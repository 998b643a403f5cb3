/**
 * The Fairness step's worker calls as TanStack queries keyed by the dataset, the scoring, the
 * settings and the filter: the bootstrap report (progress, cancel; recomputed when the threshold
 * settles) and the threshold view (counts at every threshold, so the sliders never wait on it).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FairnessRequest, JobProgressReport, ThresholdRequest } from '../../workers/workbenchApi';
import { callback } from '../../workers/workbenchClient';
import { useDataset } from '../session/SessionProvider';
import { filterArg, jobFor } from './queries';
import { queryKeys } from './queryKeys';
import { workbench } from './workbench';

export function useFairnessReport(scoring: string | null, request: FairnessRequest | null) {
  const { key, filter } = useDataset();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<JobProgressReport | null>(null);
  const queryKey = queryKeys.fairness(key, scoring ?? '', request ?? { target: '', sensitive: [], bins: 4, threshold: 0.5 }, filter);
  const query = useQuery({
    queryKey,
    queryFn: ({ signal }) => {
      setProgress(null);
      return workbench().fairness(jobFor(signal), request!, filterArg(filter), callback(setProgress));
    },
    enabled: scoring !== null && request !== null && request.sensitive.length > 0,
    placeholderData: keepPreviousData,
  });
  const cancel = () => void queryClient.cancelQueries({ queryKey });
  return { ...query, progress: query.isFetching ? progress : null, cancel };
}

export function useThresholdView(scoring: string | null, request: ThresholdRequest | null) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.thresholdView(key, scoring ?? '', request ?? { target: '', sensitive: [], bins: 4, values: { tp: 0, fp: 0, fn: 0, tn: 0 } }, filter),
    queryFn: () => workbench().thresholdView(request!, filterArg(filter)),
    enabled: scoring !== null && request !== null && request.sensitive.length > 0,
    placeholderData: keepPreviousData,
  });
}

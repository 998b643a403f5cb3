/**
 * A worker job with progress as a TanStack query that runs only on request (`request` not null)
 * and stays cached under its key; `cancel` aborts it, which cancels the worker's job.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { JobProgressReport } from '../../workers/workbenchApi';
import { callback } from '../../workers/workbenchClient';
import { useDataset } from '../session/SessionProvider';
import { jobFor } from './queries';
import type { DatasetKey } from './queryKeys';

export type Progressive<R, T> = (jobId: string, request: R, onProgress: (p: JobProgressReport) => void) => Promise<T>;

/** A worker job with progress as a query that runs on request and stays cached; `cancel` aborts it (and the worker's job). */
export function useRequestedJob<R, T>(key: (ds: DatasetKey, scoring: string, r: R) => readonly unknown[], run: Progressive<R, T>, scoring: string | null, request: R | null, none: R) {
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


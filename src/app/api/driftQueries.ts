/**
 * The Drift step's worker calls: the comparison file read into the worker (a mutation: it
 * replaces the previous one), and the drift report as a job run on request (progress, cancel),
 * cached by the dataset, the scoring, the comparison file, the request and the filter.
 */
import { useMutation } from '@tanstack/react-query';
import type { DataSource, DriftRequest, LoadOptions } from '../../workers/workbenchApi';
import { useDataset } from '../session/SessionProvider';
import { filterArg, jobFor } from './queries';
import { queryKeys } from './queryKeys';
import { useRequestedJob } from './requestedJob';
import { workbench } from './workbench';

export function useLoadComparison() {
  return useMutation({
    mutationFn: ({ source, options }: { source: DataSource; options: LoadOptions }) => workbench().loadComparison(jobFor(new AbortController().signal), source, options),
  });
}

export function useDrift(scoring: string | null, comparison: string | null, request: DriftRequest | null) {
  const { filter } = useDataset();
  return useRequestedJob(
    // runs with or without a model: the scoring is part of the key, not a condition
    (ds, _s, r) => queryKeys.drift(ds, scoring ?? '', comparison ?? '', r, filter),
    (id, r, p) => workbench().drift(id, r, filterArg(filter), p),
    '',
    request,
    { split: { kind: 'file' }, bins: 10, seed: 0, classifier: false },
  );
}

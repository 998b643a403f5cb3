/**
 * Server state: every read from the worker is a TanStack query keyed by the dataset identity,
 * its version and the active subpopulation filter (see ./queryKeys.ts).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { callback } from '../../workers/workbenchClient';
import type { CorrelationMethod } from '../../core/stats/results';
import type { FilterCheck, JobProgressReport } from '../../workers/workbenchApi';
import { useDataset } from '../session/SessionProvider';
import { queryKeys } from './queryKeys';
import { workbench } from './workbench';

/** '' means no filter; the API takes `undefined` for that. */
export function filterArg(filter: string): string | undefined {
  return filter.trim() === '' ? undefined : filter;
}

/** Combines the global filter with a group's own filter (both optional). */
export function combineFilters(global: string, own: string): string {
  const g = global.trim();
  const o = own.trim();
  if (!g) return o;
  if (!o) return g;
  return `(${g}) and (${o})`;
}

let jobCounter = 0;

/**
 * A job id for one worker call, cancelled in the worker when TanStack Query aborts the query
 * (the user moved on: another filter, another tab), so superseded work is dropped.
 */
export function jobFor(signal: AbortSignal): string {
  const id = `q${++jobCounter}`;
  signal.addEventListener('abort', () => void workbench().cancel(id), { once: true });
  return id;
}

/** The profile, with the progress (columns done) of the computation under way. */
export function useProfile() {
  const { key, filter } = useDataset();
  const [progress, setProgress] = useState<JobProgressReport | null>(null);
  const query = useQuery({
    queryKey: queryKeys.profile(key, filter),
    queryFn: ({ signal }) => {
      setProgress(null);
      return workbench().profile(filterArg(filter), jobFor(signal), callback(setProgress));
    },
    placeholderData: keepPreviousData,
  });
  return { ...query, progress: query.isFetching ? progress : null };
}

export function useColumnDetail(name: string | null) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.column(key, name ?? '', filter),
    queryFn: ({ signal }) => workbench().column(name ?? '', filterArg(filter), jobFor(signal)),
    enabled: name !== null,
  });
}

export function useMissingness() {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.missingness(key, filter),
    queryFn: ({ signal }) => workbench().missingness(filterArg(filter), jobFor(signal)),
  });
}

export function useCorrelations(method: CorrelationMethod) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.correlations(key, method, filter),
    queryFn: ({ signal }) => workbench().correlations(method, filterArg(filter), jobFor(signal)),
  });
}

export function useTargetAnalysis(target: string | null, positive: string | null) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.target(key, target ?? '', positive, filter),
    queryFn: ({ signal }) => workbench().targetAnalysis(target ?? '', positive ?? undefined, filterArg(filter), jobFor(signal)),
    enabled: target !== null,
  });
}

export interface CompareParams {
  column: string;
  filterA: string;
  filterB: string;
  numericTest: 'welch-t' | 'mann-whitney';
}

export function useCompare(params: CompareParams | null) {
  const { key, filter } = useDataset();
  const a = params ? combineFilters(filter, params.filterA) : '';
  const b = params ? combineFilters(filter, params.filterB) : '';
  return useQuery({
    queryKey: queryKeys.compare(key, params?.column ?? '', a, b, params?.numericTest ?? ''),
    queryFn: ({ signal }) => workbench().compare(params?.column ?? '', a, b, params?.numericTest, jobFor(signal)),
    enabled: params !== null,
  });
}

export function useCheckFilter(text: string) {
  const { key } = useDataset();
  const trimmed = text.trim();
  return useQuery({
    queryKey: queryKeys.checkFilter(key, trimmed),
    queryFn: (): Promise<FilterCheck> => workbench().checkFilter(trimmed),
    enabled: trimmed !== '',
    staleTime: Infinity,
  });
}

/**
 * Server state: every read from the worker is a TanStack query keyed by the dataset identity,
 * its version and the active subpopulation filter (see ./queryKeys.ts).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CorrelationMethod } from '../../core/stats/results';
import type { FilterCheck } from '../../workers/workbenchApi';
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

export function useProfile() {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.profile(key, filter),
    queryFn: () => workbench().profile(filterArg(filter)),
    placeholderData: keepPreviousData,
  });
}

export function useColumnDetail(name: string | null) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.column(key, name ?? '', filter),
    queryFn: () => workbench().column(name ?? '', filterArg(filter)),
    enabled: name !== null,
  });
}

export function useMissingness() {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.missingness(key, filter),
    queryFn: () => workbench().missingness(filterArg(filter)),
  });
}

export function useCorrelations(method: CorrelationMethod) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.correlations(key, method, filter),
    queryFn: () => workbench().correlations(method, filterArg(filter)),
  });
}

export function useTargetAnalysis(target: string | null, positive: string | null) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.target(key, target ?? '', positive, filter),
    queryFn: () => workbench().targetAnalysis(target ?? '', positive ?? undefined, filterArg(filter)),
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
    queryFn: () => workbench().compare(params?.column ?? '', a, b, params?.numericTest),
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

/**
 * Reads about the scored model, as TanStack queries keyed by the dataset, the scoring and the
 * subpopulation filter (see ./queryKeys.ts). Superseded evaluations are cancelled in the worker.
 */
import { useQuery, type QueryKey } from '@tanstack/react-query';
import type { MetricsResult } from '../../core/validation/evaluateScores';
import type { ModelEvaluation, ThresholdMetrics } from '../../core/validation/modelEvaluation';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { useDataset } from '../session/SessionProvider';
import { filterArg, jobFor } from './queries';
import { queryKeys } from './queryKeys';
import { workbench } from './workbench';

/** The seed of the bootstrap intervals, so the figures can be reproduced with `glassbox metrics --ci --seed 42`. */
export const METRICS_SEED = 42;

/** Curves and threshold-free figures; `scoring` is the id of the current scoring (null = not scored). */
export function useModelEvaluation(scoring: string | null, request: EvaluationRequest | null) {
  const { key, filter } = useDataset();
  return useQuery({
    queryKey: queryKeys.modelEvaluation(key, scoring ?? '', request ?? { target: '' }, filter),
    queryFn: ({ signal }): Promise<ModelEvaluation> => workbench().evaluateModel(request!, filterArg(filter), jobFor(signal)),
    enabled: scoring !== null && request !== null,
  });
}

/**
 * Placeholder while the threshold moves: the previous threshold's figures (shown as updating),
 * but never another target's, class's or filter's.
 */
function previousThreshold<T>(key: readonly unknown[], thresholdAt: number) {
  return (previous: T | undefined, previousQuery: { queryKey: QueryKey } | undefined): T | undefined => {
    const before = previousQuery?.queryKey;
    if (!before || before.length !== key.length) return undefined;
    return key.every((part, i) => i === thresholdAt || part === before[i]) ? previous : undefined;
  };
}

/**
 * `glassbox metrics` with 95 % bootstrap intervals at a threshold (a few seconds on 50,000 rows,
 * during which the worker answers nothing else: `after` holds it back until the fast figures are in).
 */
export function useModelMetrics(scoring: string | null, request: EvaluationRequest | null, threshold: number, after = true) {
  const { key, filter } = useDataset();
  const queryKey = queryKeys.modelMetrics(key, scoring ?? '', request ?? { target: '' }, threshold, filter);
  return useQuery<MetricsResult, Error, MetricsResult, QueryKey>({
    queryKey,
    queryFn: ({ signal }): Promise<MetricsResult> =>
      workbench().modelMetrics({ ...request!, threshold, ci: true, seed: METRICS_SEED }, filterArg(filter), jobFor(signal)),
    enabled: scoring !== null && request !== null && after,
    placeholderData: previousThreshold<MetricsResult>(queryKey, queryKey.length - 2),
  });
}

/** The confusion matrix at a threshold (fast: follows the slider). */
export function useThresholdMetrics(scoring: string | null, request: EvaluationRequest | null, threshold: number) {
  const { key, filter } = useDataset();
  const queryKey = queryKeys.thresholdMetrics(key, scoring ?? '', request ?? { target: '' }, threshold, filter);
  return useQuery<ThresholdMetrics, Error, ThresholdMetrics, QueryKey>({
    queryKey,
    queryFn: (): Promise<ThresholdMetrics> => workbench().thresholdMetrics({ ...request!, threshold }, filterArg(filter)),
    enabled: scoring !== null && request !== null && request.task !== 'regression',
    placeholderData: previousThreshold<ThresholdMetrics>(queryKey, queryKey.length - 2),
  });
}

/** A column's profile over all rows (its classes), whatever the filter: the target's task does not depend on the scope. */
export function useTargetProfile(name: string | null) {
  const { key } = useDataset();
  return useQuery({
    queryKey: queryKeys.column(key, name ?? '', ''),
    queryFn: ({ signal }) => workbench().column(name ?? '', undefined, jobFor(signal)),
    enabled: name !== null,
  });
}

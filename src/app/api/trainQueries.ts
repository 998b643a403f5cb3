/**
 * Worker reads of the Train step, as TanStack queries keyed by the dataset (see ./queryKeys.ts).
 * Training uses every row of the dataset, so these ignore the subpopulation filter.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MetricsResult } from '../../core/validation/evaluateScores';
import type { EvaluationRequest, RecipeStepPreview, TrainingRequest } from '../../workers/workbenchApi';
import { useDataset } from '../session/SessionProvider';
import { METRICS_SEED } from './modelQueries';
import { jobFor } from './queries';
import { queryKeys } from './queryKeys';
import { workbench } from './workbench';

/** The contract's default recipe for a target and exclusions; `scaled` for linear models. */
export function useDefaultRecipe(target: string | null, exclude: readonly string[], scaled: boolean, enabled = true) {
  const { key } = useDataset();
  return useQuery({
    queryKey: queryKeys.defaultRecipe(key, target ?? '', exclude, scaled),
    queryFn: () => workbench().defaultRecipe(target ?? '', [...exclude], scaled),
    enabled: enabled && target !== null,
  });
}

/** The target analysis over all rows (mutual-information ranking, breakdowns): what feature selection reads. */
export function useTargetAnalysisAllRows(target: string | null, positive: string | null) {
  const { key } = useDataset();
  return useQuery({
    queryKey: queryKeys.target(key, target ?? '', positive, ''),
    queryFn: ({ signal }) => workbench().targetAnalysis(target ?? '', positive ?? undefined, undefined, jobFor(signal)),
    enabled: target !== null,
  });
}

/** `glassbox metrics --ci --seed 42` at threshold 0.5 on the rows the last training held out. */
export function useHoldoutMetrics(scoring: string | null, request: EvaluationRequest | null) {
  const { key } = useDataset();
  const r: EvaluationRequest = { ...(request ?? { target: '' }), split: 'test' };
  return useQuery<MetricsResult>({
    queryKey: queryKeys.modelMetrics(key, scoring ?? '', r, 0.5, ''),
    queryFn: ({ signal }) => workbench().modelMetrics({ ...r, threshold: 0.5, ci: true, seed: METRICS_SEED }, undefined, jobFor(signal)),
    enabled: scoring !== null && request !== null,
  });
}

/**
 * One column before and after a recipe step, fitted on the training rows of `request` (its
 * holdout left out). Only what shapes the preview is in the key: the recipe up to the step, the
 * target, exclusions, holdout and seed. While a new preview is computed the previous one stays.
 */
export function useRecipeStepPreview(request: TrainingRequest | null, step: number, column: string | null) {
  const { key } = useDataset();
  const scoped: TrainingRequest | null = request && request.recipe ? { ...request, recipe: { ...request.recipe, steps: request.recipe.steps.slice(0, step + 1) }, cv: undefined, params: undefined, calibration: undefined } : null;
  return useQuery<RecipeStepPreview>({
    queryKey: queryKeys.recipePreview(key, scoped ? JSON.stringify(scoped) : '', step, column ?? ''),
    queryFn: () => workbench().previewRecipeStep(scoped!, step, column!),
    enabled: scoped !== null && column !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/**
 * The recipe the Train step uses: the one edited by hand, else the contract's default for the
 * target and exclusions (with standard scaling for linear models, without for tree models).
 */
import type { Recipe } from '../../core/recipe/recipe';
import { useDefaultRecipe } from '../api/trainQueries';
import { useTrain } from './TrainProvider';

export interface TrainRecipe {
  recipe: Recipe | null;
  /** True when edited by hand (false: it follows the default recipe). */
  edited: boolean;
  loading: boolean;
  error: unknown;
}

export function useTrainRecipe(target: string | null): TrainRecipe {
  const { editedRecipe, settings } = useTrain();
  const fallback = useDefaultRecipe(target, settings.exclude, settings.model === 'linear', editedRecipe === null);
  if (editedRecipe) return { recipe: editedRecipe, edited: true, loading: false, error: null };
  return { recipe: fallback.data ?? null, edited: false, loading: fallback.isPending && target !== null, error: fallback.error };
}

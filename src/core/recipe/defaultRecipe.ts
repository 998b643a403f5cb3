/**
 * The contract's default recipe (shared/spec/cli.md, "train"): median imputation + missing
 * indicator for numeric (and datetime, as days) columns, mode imputation for booleans (0/1),
 * mode imputation + one-hot (top 20 + "other") for categorical columns, text columns dropped,
 * and standard scaling of the numeric columns for logistic/linear models. Every column gets its
 * imputation (and numeric ones their indicator) even without missing training values, so that
 * missing values met when scoring are handled the same way.
 */
import type { Table } from '../data/table';
import { RECIPE_VERSION, type Recipe, type RecipeStep } from './recipe';

export function defaultRecipe(table: Table, exclude: readonly string[], options: { scale: boolean }): Recipe {
  const skip = new Set(exclude);
  const numeric: string[] = [];
  const booleans: string[] = [];
  const categorical: string[] = [];
  for (const c of table.columns) {
    if (skip.has(c.name)) continue;
    if (c.type === 'numeric' || c.type === 'datetime') numeric.push(c.name);
    else if (c.type === 'boolean') booleans.push(c.name);
    else if (c.type === 'categorical') categorical.push(c.name);
  }
  const steps: RecipeStep[] = [];
  if (numeric.length) steps.push({ step: 'impute', columns: numeric, strategy: 'median', indicator: true });
  if (booleans.length) steps.push({ step: 'impute', columns: booleans, strategy: 'mode' });
  if (categorical.length) steps.push({ step: 'impute', columns: categorical, strategy: 'mode' });
  if (categorical.length) steps.push({ step: 'oneHot', columns: categorical, top: 20 });
  if (options.scale && numeric.length) steps.push({ step: 'scale', columns: numeric, method: 'standard' });
  return { version: RECIPE_VERSION, steps };
}

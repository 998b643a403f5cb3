/**
 * A recipe as a file: exported as the JSON that `glassbox train --recipe` reads, imported through
 * the engine's own check (core/recipe/recipe.ts), so a bad file is refused with the same message
 * the CLI gives.
 */
import { parseRecipe, type Recipe } from '../../core/recipe/recipe';

/** The recipe as pretty JSON text (what the download holds). */
export function recipeText(recipe: Recipe): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}

/** A file name for the recipe of a target, e.g. `recipe-default.json`. */
export function recipeFileName(target: string | null): string {
  const base = target ? `recipe-${target}` : 'recipe';
  return `${base.replace(/[^A-Za-z0-9_.-]+/g, '_')}.json`;
}

/** Reads an uploaded recipe; throws the engine's InputError (its message names the file and the problem). */
export function readRecipe(text: string, fileName: string): Recipe {
  return parseRecipe(text, fileName);
}

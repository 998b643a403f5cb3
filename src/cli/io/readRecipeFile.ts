/** Reads `--recipe FILE` (recipe JSON, version 1). */
import { readFileSync } from 'node:fs';
import { InputError } from '../../core/errors/errors';
import { parseRecipe, type Recipe } from '../../core/recipe/recipe';

export function readRecipeFile(path: string | undefined): Recipe | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `recipe file '${path}' not found` : `cannot read recipe '${path}' (${code ?? (e as Error).message})`);
  }
  return parseRecipe(text, path);
}

/** Reads `--model FILE` and opens it as a Scorer; errors name the file. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { GlassboxError, InputError, ModelError } from '../../core/errors/errors';
import { openScorer, type Scorer } from '../../core/inference/scorer';

export function readModelBytes(path: string): Uint8Array {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`'${path}' is a directory, not a model file`);
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `model file '${path}' not found` : `cannot read model '${path}' (${code ?? (e as Error).message})`);
  }
}

export async function openModelFile(path: string): Promise<Scorer> {
  const bytes = readModelBytes(path);
  try {
    return await openScorer(bytes);
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(`model ${basename(path)}: ${e.message}`);
    if (e instanceof GlassboxError) throw e;
    throw e;
  }
}

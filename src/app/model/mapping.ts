/** Small rules about the column mapping of a model's slots. */
import type { ModelInfo } from '../../workers/workbenchApi';

export const DEFAULT_THRESHOLD = 0.5;

/** True when every slot has a column. */
export function completeMapping(mapping: readonly (string | null)[]): mapping is string[] {
  return mapping.length > 0 && mapping.every((c) => c !== null);
}

/**
 * The saved mapping for a restored model, kept where its columns still exist; the suggestion
 * when the saved mapping does not fit the model (another number of slots).
 */
export function restoredMapping(saved: readonly (string | null)[], info: ModelInfo, columns: readonly string[]): (string | null)[] {
  if (saved.length !== info.slots.length) return info.suggestedMapping;
  const names = new Set(columns);
  return saved.map((c, k) => (c !== null && names.has(c) ? c : (info.suggestedMapping[k] ?? null)));
}

/**
 * The Drift step's setup and the worker request it makes: first choices (a condition split,
 * every column, 10 bins, seed 0, the domain classifier on), and the request — or why it cannot
 * be made yet (no condition, no date column or cut, no comparison file).
 */
import type { DriftRequest } from '../../workers/workbenchApi';
import type { DriftSetup } from '../session/types';

export const DEFAULT_DRIFT_SETUP: DriftSetup = {
  mode: 'condition',
  current: '',
  reference: '',
  dateColumn: null,
  at: '',
  columns: [],
  bins: 10,
  seed: 0,
  classifier: true,
  file: null,
  ran: null,
};

export function driftRequest(setup: DriftSetup, model: { target?: string; positive?: string; threshold: number } | null): DriftRequest | string {
  const common = { columns: setup.columns.length ? setup.columns : undefined, bins: setup.bins, seed: setup.seed, classifier: setup.classifier, ...(model ?? {}) };
  if (setup.mode === 'condition') {
    if (setup.current.trim() === '') return 'Write the condition that picks the current rows, e.g. alcohol >= 11.';
    return { split: { kind: 'condition', current: setup.current.trim(), ...(setup.reference.trim() ? { reference: setup.reference.trim() } : {}) }, ...common };
  }
  if (setup.mode === 'date') {
    if (!setup.dateColumn) return 'Choose the date (or number) column to split at.';
    if (setup.at.trim() === '') return `Enter where to split ${setup.dateColumn}, e.g. 2024-01-01.`;
    return { split: { kind: 'date', column: setup.dateColumn, at: setup.at.trim() }, ...common };
  }
  if (!setup.file) return 'Choose the file with the current data.';
  return { split: { kind: 'file' }, ...common };
}

/**
 * The results a saved experiment carries besides its evaluation: the latest drift comparison and
 * the explanations computed for this scoring, read from the query cache where the Drift and
 * Explain steps left them (nothing is recomputed; what was not run is not recorded).
 */
import type { QueryClient } from '@tanstack/react-query';
import { driftJson } from '../../core/drift/driftReport';
import type { DriftView, ExplainResult, PdpView } from '../../workers/workbenchApi';
import { queryKeys, type DatasetKey } from '../api/queryKeys';

function latest<T>(client: QueryClient, prefix: readonly unknown[]): T[] {
  return client
    .getQueryCache()
    .findAll({ queryKey: prefix })
    .filter((q) => q.state.data !== undefined)
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .map((q) => q.state.data as T);
}

export function recordedDrift(client: QueryClient, ds: DatasetKey): Record<string, unknown> | null {
  const view = latest<DriftView>(client, [...queryKeys.version(ds), 'drift'])[0];
  if (!view) return null;
  return JSON.parse(JSON.stringify({ ...driftJson(view.report), labels: view.labels, seed: view.seed, bins: view.bins })) as Record<string, unknown>;
}

/** One-way partial dependence curves of this scoring (one per column, the latest), without ICE curves. */
export function recordedPartialDependence(client: QueryClient, ds: DatasetKey, scoring: string): Record<string, unknown>[] {
  const seen = new Set<string>();
  return latest<PdpView>(client, [...queryKeys.version(ds), 'pdp', scoring])
    .filter((p) => p.feature2 === undefined && !seen.has(p.feature) && seen.add(p.feature))
    .map((p) => ({ kind: 'pdp', feature: p.feature, grid: p.grid, average: p.average, rows: p.rows, totalRows: p.totalRows, seed: p.seed }));
}

/** Up to three explanations of this scoring: method, scale, rows explained, background row ids, seed and mean |value| per column. */
export function recordedExplanations(client: QueryClient, ds: DatasetKey, scoring: string): Record<string, unknown>[] {
  return latest<ExplainResult>(client, [...queryKeys.version(ds), 'explain', scoring])
    .slice(0, 3)
    .map((e) => ({
      kind: 'shap',
      method: e.method,
      output: e.output,
      baseValue: e.baseValue,
      rows: e.rows,
      background: e.backgroundRows,
      seed: e.seed,
      totalRows: e.totalRows,
      importance: e.features.map((name, j) => ({ name, value: e.values.reduce((s, row) => s + Math.abs(row[j]), 0) / Math.max(1, e.values.length) })),
    }));
}

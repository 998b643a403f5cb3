/**
 * Vega-Lite specs are pure functions from the engine's pre-aggregated results (never raw rows),
 * one file per chart. Each spec carries a title and a description (the chart's accessible name).
 */
import type { TopLevelSpec } from 'vega-lite';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function specBase(title: string, subtitle?: string | string[]): Pick<TopLevelSpec, '$schema' | 'title' | 'description'> {
  const lines = subtitle === undefined ? [] : Array.isArray(subtitle) ? subtitle : [subtitle];
  return {
    $schema: SCHEMA,
    title: lines.length ? { text: title, subtitle: lines.length === 1 ? lines[0] : lines } : title,
    description: lines.length ? `${title}. ${lines.join('. ')}` : title,
  };
}

/** Cell size of a heatmap with n rows/columns: fits ~640 px, between 22 and 56 px a cell. */
export function cellStep(n: number): number {
  return Math.max(22, Math.min(56, Math.floor(640 / Math.max(1, n))));
}

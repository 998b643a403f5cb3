/**
 * What a report section is made of: HTML fragments (already escaped) and charts (Vega-Lite specs
 * drawn to inline SVG when the report is assembled, if they fit its size budget).
 */
import type { TopLevelSpec } from 'vega-lite';

export interface ChartPart {
  /** The chart's accessible name and caption (plain text). */
  title: string;
  spec: TopLevelSpec;
}

export type ReportPart = string | ChartPart;

export interface ReportSection {
  /** The fragment id (`#data`), for the table of contents. */
  id: string;
  title: string;
  parts: ReportPart[];
}

/**
 * The audit report's charts as Vega-Lite specs, built from the snapshot's aggregated figures only
 * (never data rows): metrics with their 95 % intervals, selection rate per group with interval
 * whiskers, PSI per column against the drift thresholds, the domain classifier's top features,
 * the CV metric per fold and explanation importances. Fixed sizes (they are drawn headless), a
 * generic font stack (no web fonts) and no ARIA detail inside the SVG (the figure carries the
 * chart's name; the tables next to it carry the figures).
 */
import type { Config, TopLevelSpec } from 'vega-lite';

const NAVY = '#2d5798';
const DARK = '#1c2b44';
const ORANGE = '#d9480f';
const GRAY = '#868e96';
const WIDTH = 460;
const STEP = 20;

export const REPORT_CHART_CONFIG: Config = {
  font: 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 6,
  aria: false,
  view: { stroke: null },
  axis: { labelColor: '#495057', titleColor: '#343a40', labelFontSize: 10, titleFontSize: 10, gridColor: '#eceff2', domainColor: GRAY, tickColor: GRAY, labelLimit: 260, tickCount: 5 },
  legend: { labelFontSize: 10, titleFontSize: 10, labelLimit: 160 },
};

function base(description: string): { description: string; config: Config; width: number } {
  return { description, config: REPORT_CHART_CONFIG, width: WIDTH };
}

export interface IntervalBar {
  label: string;
  value: number;
  low: number | null;
  high: number | null;
}

/** Horizontal bars on a 0–1 scale with 95 % interval whiskers (metrics, selection rates). */
export function intervalBarsSpec(description: string, bars: readonly IntervalBar[], axisTitle: string, options: { percent?: boolean; reference?: { value: number; label: string } } = {}): TopLevelSpec {
  const y = { field: 'label', type: 'nominal' as const, title: null, sort: null };
  const x = { field: 'value', type: 'quantitative' as const, title: axisTitle, scale: { domain: [0, 1] }, axis: options.percent ? { format: '.0%' } : { format: '.1f' } };
  const intervals = bars.filter((b) => b.low !== null && b.high !== null);
  const layer: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    { data: { values: bars.map((b) => ({ label: b.label, value: b.value })) }, mark: { type: 'bar', color: NAVY, opacity: 0.85, height: { band: 0.6 } }, encoding: { y, x } },
  ];
  if (intervals.length) {
    layer.push({
      data: { values: intervals.map((b) => ({ label: b.label, low: b.low, high: b.high })) },
      mark: { type: 'rule', color: DARK, strokeWidth: 1.5 },
      encoding: { y, x: { ...x, field: 'low' }, x2: { field: 'high' } },
    });
  }
  if (options.reference) {
    layer.push({ data: { values: [{ value: options.reference.value }] }, mark: { type: 'rule', color: ORANGE, strokeDash: [4, 3] }, encoding: { x } });
  }
  return { ...base(description), height: { step: STEP }, layer } as TopLevelSpec;
}

/** PSI per column, coloured by severity, with the moderate and major thresholds as dashed rules. */
export function psiSpec(description: string, columns: readonly { name: string; psi: number; severity: string }[], thresholds: { moderate: number; major: number }): TopLevelSpec {
  const x = { field: 'psi', type: 'quantitative' as const, title: 'Population stability index (PSI)' };
  return {
    ...base(description),
    height: { step: STEP },
    layer: [
      {
        data: { values: columns.map((c) => ({ name: c.name, psi: c.psi, severity: c.severity })) },
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          y: { field: 'name', type: 'nominal', title: null, sort: null },
          x,
          color: { field: 'severity', type: 'nominal', title: 'Severity', scale: { domain: ['none', 'moderate', 'major', 'unknown'], range: [NAVY, '#f08c00', '#c92a2a', GRAY] } },
        },
      },
      { data: { values: [{ psi: thresholds.moderate }, { psi: thresholds.major }] }, mark: { type: 'rule', color: ORANGE, strokeDash: [4, 3] }, encoding: { x } },
    ],
  } as TopLevelSpec;
}

/** Plain horizontal bars (importances, top features), in the given order. */
export function barsSpec(description: string, bars: readonly { name: string; value: number }[], axisTitle: string): TopLevelSpec {
  return {
    ...base(description),
    height: { step: STEP },
    data: { values: bars.map((b) => ({ name: b.name, value: b.value })) },
    mark: { type: 'bar', color: NAVY, height: { band: 0.6 } },
    encoding: { y: { field: 'name', type: 'nominal', title: null, sort: null }, x: { field: 'value', type: 'quantitative', title: axisTitle } },
  } as TopLevelSpec;
}

/** One dot per cross-validation fold and the mean as a dashed rule. */
export function foldsSpec(description: string, metric: string, folds: readonly { fold: string; value: number }[], mean: number | null): TopLevelSpec {
  const x = { field: 'value', type: 'quantitative' as const, title: metric, scale: { zero: false } };
  const layer: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    { data: { values: folds.map((f) => ({ fold: f.fold, value: f.value })) }, mark: { type: 'point', filled: true, size: 60, color: NAVY }, encoding: { y: { field: 'fold', type: 'nominal', title: null, sort: null }, x } },
  ];
  if (mean !== null) layer.push({ data: { values: [{ value: mean }] }, mark: { type: 'rule', color: ORANGE, strokeDash: [4, 3] }, encoding: { x } });
  return { ...base(description), height: { step: STEP }, layer } as TopLevelSpec;
}

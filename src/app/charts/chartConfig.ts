/** Shared Vega-Lite look: quiet axes, navy marks, the app's font. */
import type { Config } from 'vega-lite';

export const NAVY = '#2d5798';
export const NAVY_DARK = '#1c3d6e';
export const ORANGE = '#d9480f';
export const GRAY = '#adb5bd';
export const GROUP_A = '#2d5798';
export const GROUP_B = '#e8590c';

export const CHART_CONFIG: Config = {
  font: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  background: 'white',
  padding: 8,
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 13, fontWeight: 600, color: '#212529', subtitleColor: '#6c757d', subtitleFontSize: 11, offset: 10 },
  axis: {
    labelColor: '#495057',
    titleColor: '#343a40',
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 600,
    gridColor: '#e9ecef',
    domainColor: '#adb5bd',
    tickColor: '#adb5bd',
    labelLimit: 180,
  },
  legend: { labelColor: '#495057', titleColor: '#343a40', labelFontSize: 11, titleFontSize: 11 },
  bar: { color: NAVY },
  rect: { color: NAVY },
  range: { category: [GROUP_A, GROUP_B, '#2b8a3e', '#862e9c', '#c92a2a', '#5c940d'] },
};

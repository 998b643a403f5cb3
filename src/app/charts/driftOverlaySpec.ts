/** A column's reference and current distributions overlaid: histogram shares on common edges, or category shares side by side. */
import type { TopLevelSpec } from 'vega-lite';
import type { Overlay } from '../../core/drift/driftOverlay';
import { GROUP_A, GROUP_B } from './chartConfig';
import { specBase } from './specBase';

export function driftOverlaySpec(name: string, overlay: Overlay, labels: { reference: string; current: string }, subtitle: string[]): TopLevelSpec {
  const color = { field: 'side', type: 'nominal' as const, title: null, scale: { domain: [labels.reference, labels.current], range: [GROUP_A, GROUP_B] }, legend: { orient: 'top' as const, labelLimit: 320 } };
  if (overlay.kind === 'histogram') {
    const values = overlay.bins.flatMap((b) => [
      { side: labels.reference, start: b.start, end: b.end, share: b.reference },
      { side: labels.current, start: b.start, end: b.end, share: b.current },
    ]);
    const temporal = overlay.type === 'datetime';
    return {
      ...specBase(`${name}: reference vs current`, subtitle),
      width: 'container',
      height: 260,
      data: { values },
      mark: { type: 'bar', opacity: 0.55, binSpacing: 0 },
      encoding: {
        x: { field: 'start', type: temporal ? 'temporal' : 'quantitative', bin: { binned: true }, title: name },
        x2: { field: 'end' },
        y: { field: 'share', type: 'quantitative', title: 'Share of non-missing rows', axis: { format: '.0%' }, stack: null },
        color,
        tooltip: [
          { field: 'side', title: 'Rows' },
          { field: 'start', type: temporal ? 'temporal' : 'quantitative', title: 'From' },
          { field: 'end', type: temporal ? 'temporal' : 'quantitative', title: 'To' },
          { field: 'share', type: 'quantitative', title: 'Share', format: '.2%' },
        ],
      },
    };
  }
  const values = overlay.categories.flatMap((c) => [
    { side: labels.reference, category: c.label, share: c.reference },
    { side: labels.current, category: c.label, share: c.current },
  ]);
  return {
    ...specBase(`${name}: reference vs current`, subtitle),
    width: 'container',
    height: { step: 12 },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'category', type: 'nominal', title: name, sort: overlay.categories.map((c) => c.label) },
      yOffset: { field: 'side', sort: [labels.reference, labels.current] },
      x: { field: 'share', type: 'quantitative', title: 'Share of rows', axis: { format: '.0%' } },
      color,
      tooltip: [
        { field: 'side', title: 'Rows' },
        { field: 'category', title: name },
        { field: 'share', type: 'quantitative', title: 'Share', format: '.2%' },
      ],
    },
  };
}

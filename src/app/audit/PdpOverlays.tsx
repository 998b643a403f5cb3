import { SimpleGrid, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { pdpOverlaySpec, type RecordedPdp } from '../charts/pdpOverlaySpec';
import { ChartCard } from '../evaluation/ChartCard';

function recordedPdps(s: Snapshot): { feature: string; grid: (number | string | boolean)[]; average: number[] }[] {
  return s.explanations.flatMap((e) => (e.kind === 'pdp' && typeof e.feature === 'string' && Array.isArray(e.grid) && Array.isArray(e.average) ? [{ feature: e.feature, grid: e.grid as (number | string | boolean)[], average: e.average as number[] }] : []));
}

/** The partial dependence curves the experiments recorded, overlaid per column (columns recorded by at least two). */
export function PdpOverlays({ list }: { list: Snapshot[] }) {
  const byFeature = useMemo(() => {
    const map = new Map<string, RecordedPdp[]>();
    for (const s of list) {
      for (const p of recordedPdps(s)) {
        if (!map.has(p.feature)) map.set(p.feature, []);
        map.get(p.feature)!.push({ experiment: `${s.note ?? s.model.name} (${s.id.slice(0, 8)})`, grid: p.grid, average: p.average });
      }
    }
    return [...map.entries()].filter(([, curves]) => curves.length >= 2);
  }, [list]);
  if (byFeature.length === 0) {
    return (
      <Text size="xs" c="dimmed" mt="md" data-testid="compare-pdp-none">
        No column has partial dependence recorded by two of these experiments (compute it in the Explain step before saving).
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} mt="md" data-testid="compare-pdp">
      {byFeature.map(([feature, curves]) => (
        <ChartCard key={feature} spec={pdpOverlaySpec(feature, curves)} title={`Partial dependence on ${feature}`} testId="compare-pdp-chart" caption="Each experiment's recorded curve: where they part, the models respond differently to this column." />
      ))}
    </SimpleGrid>
  );
}

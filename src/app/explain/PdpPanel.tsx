import { Button, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { PdpRequest } from '../../workers/workbenchApi';
import { usePartialDependence } from '../api/explainQueries';
import { VegaChart } from '../charts/VegaChart';
import { RequestedJobStatus } from '../layout/RequestedJobStatus';
import { pdpSpec } from '../charts/pdpSpec';
import { pdp2dSpec } from '../charts/pdp2dSpec';
import { formatCount } from '../format/format';
import type { ImportedModel, Scored } from '../model/ModelProvider';
import { useDataset } from '../session/SessionProvider';
import { parseCustomGrid, type PdpSettings } from './explainSettings';

/** Partial dependence and ICE curves of the scored model on one of its input columns. */
export function PdpPanel({ model, scored, settings, onChange }: { model: ImportedModel; scored: Scored; settings: PdpSettings; onChange: (patch: Partial<PdpSettings>) => void }) {
  const columns = scored.summary.mapping;
  const classifier = model.info.signature.task === 'classification';
  const { feature, feature2, customGrid, gridSize, sample, ice, centred, seed, request } = settings;
  const { dataset } = useDataset();
  const featureType = dataset.summary.columns.find((c) => c.name === feature)?.type;
  const parsedGrid = customGrid.trim() === '' ? null : parseCustomGrid(customGrid, featureType);
  const gridProblem = customGrid.trim() !== '' && parsedGrid === null ? `Grid values must be ${featureType === 'numeric' ? 'numbers' : featureType === 'boolean' ? 'true or false' : featureType === 'datetime' ? 'dates' : 'labels'}, separated by commas.` : null;
  const setFeature = (v: string | null) => onChange({ feature: v });
  const setGridSize = (v: number) => onChange({ gridSize: v });
  const setSample = (v: number) => onChange({ sample: v });
  const setIce = (v: boolean) => onChange({ ice: v });
  const setCentred = (v: boolean) => onChange({ centred: v });
  const setSeed = (v: number) => onChange({ seed: v });
  const setRequest = (v: PdpRequest | null) => onChange({ request: v });
  const pdp = usePartialDependence(scored.id, request);
  const result = pdp.data ?? null;
  const unit = classifier ? 'P(positive)' : 'predicted value';
  const spec = useMemo(
    () =>
      result?.average2d && result.grid2 && result.feature2
        ? pdp2dSpec({
            features: [result.feature, result.feature2],
            grids: [result.grid, result.grid2],
            average: result.average2d,
            unit,
            subtitle: [`${formatCount(result.rows)} of ${formatCount(result.totalRows)} rows (seeded sample, seed ${result.seed}) · ${result.grid.length} × ${result.grid2.length} grid`],
          })
        : result
        ? pdpSpec({
            feature: result.feature,
            grid: result.grid,
            average: result.average,
            ice: result.ice?.slice(0, 100),
            centred,
            rug: result.rug,
            unit,
            subtitle: [`${formatCount(result.rows)} of ${formatCount(result.totalRows)} rows (seeded sample, seed ${result.seed})${result.ice ? ` · grey: ${Math.min(100, result.ice.length)} rows’ ICE curves` : ''}`],
          })
        : null,
    [result, centred, unit],
  );
  const run = () =>
    feature &&
    setRequest(feature2 && feature2 !== feature ? { feature, feature2, gridSize: Math.min(gridSize, 12), sample, seed } : { feature, ...(parsedGrid ? { grid: parsedGrid } : { gridSize }), ice, sample, seed });
  const cancel = () => {
    pdp.cancel();
    setRequest(null);
  };
  const busy = pdp.isFetching;
  return (
    <Stack gap="md" data-testid="pdp-panel">
      <Text size="sm" c="dimmed">
        The average prediction when every row’s value of one column is set to each point of a grid (the 5th–95th percentile range, or every category),
        the other columns kept as they are; ICE curves show the same for single rows. Flat means the model does not use the column — or uses it only
        together with others.
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select label="Column" data={columns} value={feature} onChange={setFeature} searchable allowDeselect={false} disabled={busy} w={220} data-testid="pdp-feature" />
        <Select
          label="With a second column (2-D)"
          placeholder="none: one-way"
          data={columns.filter((c) => c !== feature)}
          value={feature2}
          onChange={(v) => onChange({ feature2: v })}
          searchable
          clearable
          disabled={busy}
          w={220}
          data-testid="pdp-feature2"
        />
        <TextInput
          label="Custom grid (optional)"
          placeholder="e.g. 20000, 40000, 80000"
          value={customGrid}
          onChange={(e) => onChange({ customGrid: e.currentTarget.value })}
          error={gridProblem}
          disabled={busy || Boolean(feature2)}
          w={220}
          data-testid="pdp-custom-grid"
        />
        <NumberInput label="Grid points" value={gridSize} onChange={(v) => setGridSize(typeof v === 'number' ? v : 20)} min={2} max={100} allowDecimal={false} disabled={busy} w={120} data-testid="pdp-grid" />
        <NumberInput label="Rows (sample)" value={sample} onChange={(v) => setSample(typeof v === 'number' ? v : 1000)} min={1} allowDecimal={false} disabled={busy} w={140} data-testid="pdp-sample" />
        <NumberInput label="Seed" value={seed} onChange={(v) => setSeed(typeof v === 'number' ? v : 0)} allowDecimal={false} disabled={busy} w={100} />
        <Switch label="ICE curves" checked={ice} onChange={(e) => setIce(e.currentTarget.checked)} disabled={busy} mb={8} />
        <Switch label="Centred" checked={centred} onChange={(e) => setCentred(e.currentTarget.checked)} mb={8} data-testid="pdp-centred" />
        <Button leftSection={<IconChartLine size={16} aria-hidden />} onClick={run} loading={busy} disabled={!feature || gridProblem !== null} data-testid="pdp-run">
          Compute
        </Button>
      </Group>
      <RequestedJobStatus busy={busy} progress={pdp.progress} unit="Grid points" starting="Preparing…" what="partial dependence" onCancel={cancel} error={pdp.error} errorTitle="Could not compute the partial dependence" id="pdp" />
      {spec && !busy && <VegaChart spec={spec} title="Partial dependence" testId="pdp-chart" minHeight={300} />}
    </Stack>
  );
}

import { Button, Grid, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { IconChartDots } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { ExplainRequest } from '../../workers/workbenchApi';
import { useExplanation } from '../api/explainQueries';
import { VegaChart } from '../charts/VegaChart';
import { RequestedJobStatus } from '../layout/RequestedJobStatus';
import { beeswarmSpec } from '../charts/beeswarmSpec';
import { dependenceSpec } from '../charts/dependenceSpec';
import { shapImportanceSpec } from '../charts/shapImportanceSpec';
import { waterfallSpec } from '../charts/waterfallSpec';
import { formatCount } from '../format/format';
import type { ImportedModel, Scored } from '../model/ModelProvider';
import { useDataset, useSession } from '../session/SessionProvider';
import { hasTrees, type ShapSettings } from './explainSettings';
import { beeswarmPoints, dependencePoints, globalImportance, strongestInteraction, waterfall } from './shapSummary';

type Method = NonNullable<ExplainRequest['method']>;
type Output = NonNullable<ExplainRequest['output']>;

/** Shapley values of a sample of rows: settings, then global importance, the beeswarm and one row's waterfall. */
export function ShapPanel({ model, scored, settings, onChange }: { model: ImportedModel; scored: Scored; settings: ShapSettings; onChange: (patch: Partial<ShapSettings>) => void }) {
  const { filter } = useDataset();
  const { target } = useSession();
  const classifier = model.info.signature.task === 'classification';
  const trees = hasTrees(model);
  const { output, method, rows, backgroundSize, seed, request, row, dependence } = settings;
  const setOutput = (v: Output) => onChange({ output: v });
  const setMethod = (v: Method) => onChange({ method: v });
  const setRows = (v: number) => onChange({ rows: v });
  const setBackgroundSize = (v: number) => onChange({ backgroundSize: v });
  const setSeed = (v: number) => onChange({ seed: v });
  const setRequest = (v: ExplainRequest | null) => onChange({ request: v, row: 0, dependence: null });
  const setRow = (v: number) => onChange({ row: v });
  const explanation = useExplanation(scored.id, request);
  const result = explanation.data ?? null;
  const unit = result ? (result.output === 'probability' ? 'P(positive)' : classifier ? 'log-odds' : 'predicted value') : '';
  const subtitle = useMemo(
    () =>
      result
    ? [
        `${result.method === 'tree' ? 'TreeSHAP (exact)' : result.method === 'exact' ? 'exact enumeration' : 'KernelSHAP (estimate)'} · ${result.output === 'probability' ? 'probability' : classifier ? 'margin (log-odds)' : 'value'} scale`,
        `${formatCount(result.rows.length)} of ${formatCount(result.scopeRows)} rows${filter ? ' in the filter' : ''} · background ${formatCount(result.backgroundRows.length)} rows · seed ${result.seed}`,
      ]
    : [],
    [result, filter, classifier],
  );
  const importance = useMemo(() => (result ? globalImportance(result) : []), [result]);
  const specs = useMemo(() => {
    if (!result) return null;
    const at = Math.min(row, result.rows.length - 1);
    return {
      importance: shapImportanceSpec(importance, unit, subtitle),
      swarm: beeswarmSpec(beeswarmPoints(result), importance.map((i) => i.feature), unit, subtitle),
      waterfall: waterfallSpec(waterfall(result, at), unit, [`Row ${result.rows[at]}: base value ${result.baseValue.toFixed(4)} + Σ values = ${result.predictions[at].toFixed(4)}`, ...subtitle]),
    };
  }, [result, importance, row, unit, subtitle]);
  const dependenceFeature = dependence ?? importance[0]?.feature ?? null;
  const dependenceChart = useMemo(() => {
    if (!result || dependenceFeature === null) return null;
    const k = result.features.indexOf(dependenceFeature);
    const by = strongestInteraction(result, k);
    return dependenceSpec(dependencePoints(result, k, by), dependenceFeature, by === null ? null : result.features[by], unit, subtitle);
  }, [result, dependenceFeature, unit, subtitle]);
  const explain = () =>
    setRequest({
      sampleSize: rows,
      ...(filter ? { filter } : {}),
      backgroundSize,
      ...(classifier && target.column ? { target: { column: target.column, positive: target.positive ?? undefined } } : {}),
      method,
      output,
      seed,
    });
  const cancel = () => {
    explanation.cancel();
    setRequest(null);
  };
  const busy = explanation.isFetching;
  return (
    <Stack gap="md" data-testid="shap-panel">
      <Text size="sm" c="dimmed">
        Interventional Shapley values: how much each input column moves a row’s prediction away from the average prediction over background rows
        (SHAP’s definition; columns encoded into several features count as one). Tree models are explained exactly on their margin; other models by
        enumerating every coalition (up to 12 columns) or by KernelSHAP with a standard error.
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label="Scale"
          data={[
            ...(classifier ? [{ value: 'probability', label: 'Probability' }] : []),
            { value: 'margin', label: classifier ? 'Margin (log-odds)' : 'Value' },
          ]}
          value={output}
          onChange={(v) => v && setOutput(v as Output)}
          allowDeselect={false}
          disabled={busy}
          w={180}
          data-testid="shap-output"
        />
        <Select
          label="Method"
          data={[
            { value: 'auto', label: 'Automatic' },
            ...(trees ? [{ value: 'tree', label: 'TreeSHAP (margin)' }] : []),
            { value: 'exact', label: 'Exact (≤ 12 columns)' },
            { value: 'kernel', label: 'KernelSHAP' },
          ]}
          value={method}
          onChange={(v) => v && setMethod(v as Method)}
          allowDeselect={false}
          disabled={busy}
          w={190}
          data-testid="shap-method"
        />
        <NumberInput label="Rows to explain" value={rows} onChange={(v) => setRows(typeof v === 'number' ? v : 1)} min={1} max={5000} allowDecimal={false} disabled={busy} w={140} data-testid="shap-rows" />
        <NumberInput label="Background rows" value={backgroundSize} onChange={(v) => setBackgroundSize(typeof v === 'number' ? v : 1)} min={1} max={1000} allowDecimal={false} disabled={busy} w={150} data-testid="shap-background" />
        <NumberInput label="Seed" value={seed} onChange={(v) => setSeed(typeof v === 'number' ? v : 0)} allowDecimal={false} disabled={busy} w={110} data-testid="shap-seed" />
        <Button leftSection={<IconChartDots size={16} aria-hidden />} onClick={explain} loading={busy} data-testid="shap-run">
          Explain
        </Button>
      </Group>
      <RequestedJobStatus busy={busy} progress={explanation.progress} unit="Explaining rows" starting="Preparing the rows…" what="explanation" onCancel={cancel} error={explanation.error} errorTitle="Could not explain the model" id="shap" />
      {result && specs && !busy && (
        <>
          <Text size="sm" data-testid="shap-summary">
            {result.method === 'tree' ? 'TreeSHAP' : result.method === 'exact' ? 'Exact' : 'KernelSHAP'} on {formatCount(result.rows.length)} of {formatCount(result.scopeRows)} rows, background{' '}
            {formatCount(result.backgroundRows.length)} rows (seed {result.seed}); base value {result.baseValue.toFixed(4)} ({unit}).
            {result.stderr ? ` Largest standard error: ${Math.max(...result.stderr.flat()).toExponential(2)}.` : ''}
          </Text>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <VegaChart spec={specs.importance} title="Global importance" testId="shap-importance-chart" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <VegaChart spec={specs.swarm} title="Beeswarm" testId="shap-beeswarm-chart" />
            </Grid.Col>
          </Grid>
          <Select
            label="Row to explain in detail"
            data={result.rows.slice(0, 500).map((r, i) => ({ value: String(i), label: `Row ${r} — prediction ${result.predictions[i].toFixed(4)}` }))}
            value={String(Math.min(row, result.rows.length - 1))}
            onChange={(v) => v !== null && setRow(Number(v))}
            searchable
            allowDeselect={false}
            w={320}
            data-testid="shap-row"
          />
          <VegaChart spec={specs.waterfall} title="Waterfall" testId="shap-waterfall-chart" />
          <Select
            label="Dependence plot of"
            data={importance.map((i) => i.feature)}
            value={dependenceFeature}
            onChange={(v) => v && onChange({ dependence: v })}
            searchable
            allowDeselect={false}
            w={260}
            data-testid="shap-dependence-feature"
          />
          {dependenceChart && <VegaChart spec={dependenceChart} title="Dependence plot" testId="shap-dependence-chart" minHeight={300} />}
        </>
      )}
    </Stack>
  );
}

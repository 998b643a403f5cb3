import { Alert, Badge, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowBackUp } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { WhatIfRequest } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { useWhatIf } from '../api/explainQueries';
import { VegaChart } from '../charts/VegaChart';
import { waterfallSpec } from '../charts/waterfallSpec';
import type { ImportedModel, Scored } from '../model/ModelProvider';
import { useDataset, useSession } from '../session/SessionProvider';
import { hasTrees } from './explainSettings';
import { waterfall } from './shapSummary';

type Edit = number | string | boolean | null;

/**
 * What-if: one row, its values editable; the prediction and its explanation follow every edit
 * (tree models on the margin: exact TreeSHAP in well under 100 ms), with the edited values marked
 * and flagged when the reference rows never had them.
 */
export function WhatIfPanel({ model, scored }: { model: ImportedModel; scored: Scored }) {
  const { dataset } = useDataset();
  const { target } = useSession();
  const classifier = model.info.signature.task === 'classification';
  const output: WhatIfRequest['output'] = hasTrees(model) || !classifier ? 'margin' : 'probability';
  const [row, setRow] = useState(0);
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [debounced] = useDebouncedValue(edits, 120);
  const request = useMemo<WhatIfRequest>(
    () => ({ row, edits: debounced, output, ...(classifier && target.column ? { target: { column: target.column, positive: target.positive ?? undefined } } : {}) }),
    [row, debounced, output, classifier, target.column, target.positive],
  );
  const query = useWhatIf(scored.id, request);
  const result = query.data ?? null;
  const types = new Map(dataset.summary.columns.map((c) => [c.name, c.type]));
  const features = scored.summary.mapping;
  const unit = output === 'probability' ? 'P(positive)' : classifier ? 'log-odds' : 'predicted value';
  const shownValue = (k: number): Edit => (result ? (result.original.featureValues[0][k] as Edit) : null);
  const spec = useMemo(() => {
    if (!result) return null;
    const e = result.explanation;
    return waterfallSpec(waterfall(e, 0), unit, [`Row ${row}${Object.keys(debounced).length ? ' as edited' : ''}: base value ${e.baseValue.toFixed(4)} + Σ values = ${e.predictions[0].toFixed(4)}`, `${e.method === 'tree' ? 'TreeSHAP' : e.method === 'exact' ? 'exact' : 'KernelSHAP'} · background ${e.backgroundRows.length} rows · seed ${e.seed}`]);
  }, [result, unit, row, debounced]);
  const prediction = result?.explanation.predictions[0] ?? null;
  const original = result?.original.predictions[0] ?? null;
  const asProbability = (m: number) => (output === 'margin' && classifier ? 1 / (1 + Math.exp(-m)) : m);
  const error = query.error ? describeError(query.error) : null;
  const setEdit = (name: string, value: Edit, k: number) => {
    setEdits((cur) => {
      const next = { ...cur };
      if (value === shownValue(k) || (value === null && shownValue(k) === null)) delete next[name];
      else next[name] = value;
      return next;
    });
  };
  return (
    <Stack gap="md" data-testid="whatif-panel">
      <Text size="sm" c="dimmed">
        Pick a row and change its values: the prediction and the explanation follow. Edited values are marked; values the reference rows (
        {result?.reference ?? 'the data'}) never had are flagged, since the model’s answer there is an extrapolation.
      </Text>
      <Group align="flex-end" gap="md">
        <NumberInput
          label="Row"
          value={row}
          onChange={(v) => {
            setRow(typeof v === 'number' ? Math.max(0, Math.min(dataset.summary.rows - 1, Math.floor(v))) : 0);
            setEdits({});
          }}
          min={0}
          max={dataset.summary.rows - 1}
          allowDecimal={false}
          w={140}
          data-testid="whatif-row"
        />
        <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setEdits({})} disabled={Object.keys(edits).length === 0} data-testid="whatif-reset">
          Undo all edits
        </Button>
        {prediction !== null && original !== null && (
          <Text size="sm" data-testid="whatif-prediction">
            Prediction <b>{asProbability(prediction).toFixed(4)}</b>
            {output === 'margin' && classifier ? ` (log-odds ${prediction.toFixed(4)})` : ''}
            {Math.abs(prediction - original) > 0 ? ` — was ${asProbability(original).toFixed(4)} before the edits` : ''}
            <Text span size="xs" c="dimmed">
              {' '}
              · computed in {result!.ms} ms{query.isFetching ? ' · updating…' : ''}
            </Text>
          </Text>
        )}
      </Group>
      {result && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" data-testid="whatif-inputs">
          {features.map((name, k) => {
            const type = types.get(name);
            const value = name in edits ? edits[name] : shownValue(k);
            const edited = name in debounced;
            const flag = result.flags.find((f) => f.column.split(', ').includes(name));
            const label = (
              <Group gap={4} wrap="nowrap">
                {name}
                {edited && (
                  <Badge size="xs" color="navy" variant="light">
                    edited
                  </Badge>
                )}
                {flag && (
                  <Badge size="xs" color="orange" variant="light">
                    {flag.kind === 'outside-range' ? 'out of range' : flag.kind === 'unseen-category' ? 'unseen' : 'unseen combination'}
                  </Badge>
                )}
              </Group>
            );
            if (type === 'numeric')
              return <NumberInput key={name} label={label} value={typeof value === 'number' ? value : ''} onChange={(v) => setEdit(name, typeof v === 'number' ? v : null, k)} placeholder="missing" aria-label={name} data-testid={`whatif-input-${name}`} />;
            if (type === 'boolean')
              return (
                <Select key={name} label={label} data={['true', 'false']} value={value === null ? null : String(value)} onChange={(v) => setEdit(name, v === null ? null : v === 'true', k)} clearable aria-label={name} data-testid={`whatif-input-${name}`} />
              );
            if (type === 'datetime')
              return (
                <TextInput key={name} label={label} value={typeof value === 'number' ? new Date(value).toISOString().slice(0, 10) : String(value ?? '')} onChange={(e) => { const ms = Date.parse(e.currentTarget.value); setEdit(name, Number.isFinite(ms) ? ms : null, k); }} aria-label={name} data-testid={`whatif-input-${name}`} />
              );
            return <TextInput key={name} label={label} value={value === null ? '' : String(value)} onChange={(e) => setEdit(name, e.currentTarget.value === '' ? null : e.currentTarget.value, k)} placeholder="missing" aria-label={name} data-testid={`whatif-input-${name}`} />;
          })}
        </SimpleGrid>
      )}
      {result && result.flags.length > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Outside what the model has seen" data-testid="whatif-flags">
          <Stack gap={2}>
            {result.flags.map((f) => (
              <Text key={f.kind + f.column} size="sm">
                {f.message}.
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {error && error.kind !== 'cancelled' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Could not explain this row" data-testid="whatif-error">
          {error.message}
        </Alert>
      )}
      {spec && <VegaChart spec={spec} title="What-if waterfall" testId="whatif-waterfall" />}
    </Stack>
  );
}

import { Alert, Button, Checkbox, FileButton, Grid, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowsDiff, IconFileUpload } from '@tabler/icons-react';
import { describeError } from '../api/errors';
import { useDrift, useLoadComparison } from '../api/driftQueries';
import { RequestedJobStatus } from '../layout/RequestedJobStatus';
import { useModel } from '../model/ModelProvider';
import { useDataset, useSession } from '../session/SessionProvider';
import type { DriftSetup } from '../session/types';
import { DriftResults } from './DriftResults';
import { DEFAULT_DRIFT_SETUP, driftRequest } from './driftSetup';

/** The Drift step: choose reference and current rows (a condition, a date, another file), compare them column by column and as a whole. */
export function DriftStep() {
  const { dataset } = useDataset();
  const { driftSetup, setDriftSetup, target } = useSession();
  const { model, scored, threshold } = useModel();
  const setup = driftSetup ?? DEFAULT_DRIFT_SETUP;
  const patch = (p: Partial<DriftSetup>) => setDriftSetup({ ...setup, ...p });
  const columns = dataset.summary.columns.map((c) => c.name);
  const dateColumns = dataset.summary.columns.filter((c) => c.type === 'datetime' || c.type === 'numeric').map((c) => c.name);
  const scoring = model && scored && scored.modelId === model.id ? scored.id : null;
  const modelPart = scoring ? { ...(target.column ? { target: target.column } : {}), ...(target.positive ? { positive: target.positive } : {}), threshold } : null;
  const next = driftRequest(setup, modelPart);
  const drift = useDrift(scoring, setup.file?.id ?? null, setup.ran);
  const load = useLoadComparison();
  const loadError = load.error ? describeError(load.error) : null;

  return (
    <Stack gap="md" data-testid="drift-step">
      <Paper withBorder radius="sm" p="md">
        <Text size="sm" c="dimmed" mb="sm">
          Does new data still look like the data the model learned from? Compare a reference with current rows — a split of this dataset by a condition
          or a date, or another file — column by column (tests, PSI, Wasserstein distance, with effect sizes) and as a whole (a classifier trained to tell
          them apart).
        </Text>
        <SegmentedControl
          value={setup.mode}
          onChange={(v) => patch({ mode: v as DriftSetup['mode'] })}
          data={[
            { value: 'condition', label: 'Split by a condition' },
            { value: 'date', label: 'Split by a date' },
            { value: 'file', label: 'Another file' },
          ]}
          aria-label="How to choose the current rows"
          mb="sm"
          data-testid="drift-mode"
        />
        {setup.mode === 'condition' && (
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput label="Current rows" description="A condition, e.g. alcohol >= 11" value={setup.current} onChange={(e) => patch({ current: e.currentTarget.value })} ff="monospace" data-testid="drift-current" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <TextInput label="Reference rows (optional)" description="Default: every other row" value={setup.reference} onChange={(e) => patch({ reference: e.currentTarget.value })} ff="monospace" data-testid="drift-reference" />
            </Grid.Col>
          </Grid>
        )}
        {setup.mode === 'date' && (
          <Group align="flex-end" gap="sm">
            <Select label="Column" description="A date or number column" data={dateColumns} value={setup.dateColumn} onChange={(v) => patch({ dateColumn: v })} searchable w={260} data-testid="drift-date-column" />
            <TextInput label="Current from" description="Rows before it are the reference" placeholder="2024-01-01" value={setup.at} onChange={(e) => patch({ at: e.currentTarget.value })} w={200} data-testid="drift-date-at" />
          </Group>
        )}
        {setup.mode === 'file' && (
          <Group align="center" gap="sm">
            <FileButton
              onChange={(file) => {
                if (!file) return;
                load.mutate(
                  { source: { kind: 'file', file, name: file.name }, options: {} },
                  { onSuccess: (s) => patch({ file: { id: `${file.name}:${Date.now()}`, name: s.name, rows: s.rows, columns: s.columns.map((c) => c.name) } }) },
                );
              }}
              accept=".csv,.tsv,.txt,.parquet,.arrow,.feather"
            >
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFileUpload size={16} aria-hidden />} loading={load.isPending} data-testid="drift-file">
                  Choose the current data…
                </Button>
              )}
            </FileButton>
            <Text size="sm" c={setup.file ? undefined : 'dimmed'} data-testid="drift-file-name">
              {setup.file ? `${setup.file.name} · ${setup.file.rows.toLocaleString('en-US')} rows · reference: ${dataset.summary.name}` : `The open dataset (${dataset.summary.name}) is the reference.`}
            </Text>
          </Group>
        )}
        {loadError && (
          <Alert color="red" variant="light" mt="sm" title="Could not read that file" data-testid="drift-file-error">
            {loadError.message} The open dataset and your work are unchanged.
          </Alert>
        )}
        <Grid gap="sm" mt="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <MultiSelect label="Columns" description="Default: every column both sides have" data={columns} value={setup.columns} onChange={(v) => patch({ columns: v })} searchable clearable placeholder={setup.columns.length ? undefined : 'All columns'} data-testid="drift-columns" />
          </Grid.Col>
          <Grid.Col span={{ base: 4, md: 1.5 }}>
            <NumberInput label="PSI bins" value={setup.bins} onChange={(v) => typeof v === 'number' && v >= 2 && v <= 50 && patch({ bins: v })} min={2} max={50} allowDecimal={false} />
          </Grid.Col>
          <Grid.Col span={{ base: 4, md: 1.5 }}>
            <NumberInput label="Seed" value={setup.seed} onChange={(v) => typeof v === 'number' && patch({ seed: v })} allowDecimal={false} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Checkbox label="Domain classifier (trains 5 GBDTs)" checked={setup.classifier} onChange={(e) => patch({ classifier: e.currentTarget.checked })} mb={8} data-testid="drift-classifier" />
          </Grid.Col>
        </Grid>
        <Group mt="sm" gap="sm">
          <Button leftSection={<IconArrowsDiff size={16} aria-hidden />} disabled={typeof next === 'string'} onClick={() => typeof next !== 'string' && patch({ ran: next })} loading={drift.isFetching} data-testid="drift-run">
            Compare
          </Button>
          {typeof next === 'string' && (
            <Text size="sm" c="dimmed">
              {next}
            </Text>
          )}
        </Group>
      </Paper>
      <RequestedJobStatus busy={drift.isFetching} progress={drift.progress} unit="Domain classifier folds (training, then shuffles)" starting="Comparing the columns…" what="drift comparison" onCancel={drift.cancel} error={drift.error} errorTitle="Could not compare" id="drift" />
      {drift.data && !drift.isFetching && <DriftResults view={drift.data} />}
    </Stack>
  );
}

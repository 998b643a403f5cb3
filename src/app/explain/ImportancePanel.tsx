import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconArrowsShuffle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ModelImportanceRequest } from '../../workers/workbenchApi';
import { useModelImportance } from '../api/explainQueries';
import { VegaChart } from '../charts/VegaChart';
import { RequestedJobStatus } from '../layout/RequestedJobStatus';
import { permutationSpec } from '../charts/permutationSpec';
import { formatCount } from '../format/format';
import type { ImportedModel, Scored } from '../model/ModelProvider';
import { useSession } from '../session/SessionProvider';

/** Permutation importance of the scored model on the held-out rows (or all rows), with repeats and their spread. */
export function ImportancePanel({ model, scored }: { model: ImportedModel; scored: Scored }) {
  const { target } = useSession();
  const [repeats, setRepeats] = useState(5);
  const [sample, setSample] = useState(5000);
  const [seed, setSeed] = useState(42);
  const [request, setRequest] = useState<ModelImportanceRequest | null>(null);
  const importance = useModelImportance(scored.id, request);
  const result = importance.data ?? null;
  const metric = model.info.signature.task === 'classification' ? 'AUC' : 'R²';
  const spec = useMemo(
    () =>
      result
        ? permutationSpec(result.columns, metric, [
            `${formatCount(result.rows)} of ${formatCount(result.scopeRows)} ${result.evaluatedOn === 'holdout' ? 'held-out rows' : 'rows (no held-out rows: train with a holdout for an honest figure)'} · ${result.repeats} shuffles per column · seed ${result.seed} · ${metric} with nothing shuffled: ${result.baseline.toFixed(4)}`,
          ])
        : null,
    [result, metric],
  );
  const busy = importance.isFetching;
  if (!target.column) {
    return (
      <Text size="sm" c="dimmed" data-testid="importance-needs-target">
        Permutation importance measures how much the {metric} drops when a column is shuffled, so it needs the target column: choose it in the Train
        or Explore step.
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="importance-panel">
      <Text size="sm" c="dimmed">
        Each input column is shuffled among the rows (its link to the target broken, its distribution kept) and the model scored again; the drop in{' '}
        {metric} is the column’s importance (scikit-learn’s permutation_importance). On the rows the last training held out when there are some.
      </Text>
      <Group align="flex-end" gap="md">
        <NumberInput label="Shuffles per column" value={repeats} onChange={(v) => setRepeats(typeof v === 'number' ? v : 5)} min={1} max={50} allowDecimal={false} disabled={busy} w={160} data-testid="importance-repeats" />
        <NumberInput label="Rows (at most)" value={sample} onChange={(v) => setSample(typeof v === 'number' ? v : 5000)} min={10} allowDecimal={false} disabled={busy} w={140} />
        <NumberInput label="Seed" value={seed} onChange={(v) => setSeed(typeof v === 'number' ? v : 0)} allowDecimal={false} disabled={busy} w={100} />
        <Button leftSection={<IconArrowsShuffle size={16} aria-hidden />} onClick={() => setRequest({ target: target.column!, positive: target.positive ?? undefined, repeats, sample, seed })} loading={busy} data-testid="importance-run">
          Compute
        </Button>
      </Group>
      <RequestedJobStatus
        busy={busy}
        progress={importance.progress}
        unit="Columns shuffled"
        starting="Scoring the rows…"
        what="permutation importance"
        onCancel={() => {
          importance.cancel();
          setRequest(null);
        }}
        error={importance.error}
        errorTitle="Could not compute the importance"
        id="importance"
      />
      {spec && !busy && <VegaChart spec={spec} title="Permutation importance" testId="importance-chart" />}
    </Stack>
  );
}

import { Alert, Badge, Button, Grid, Group, Table, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { describeError } from '../api/errors';
import { jobFor } from '../api/queries';
import { workbench } from '../api/workbench';
import { rocOverlaySpec } from '../charts/rocOverlaySpec';
import { ChartCard } from '../evaluation/ChartCard';
import { formatCount, formatStat } from '../format/format';

const VERDICT_COLOR = { 'challenger better': 'teal', 'champion better': 'red', 'no clear difference': 'gray', undefined: 'gray' } as const;

/** Champion vs challenger, re-scored on the same rows in the worker: each metric's difference with its paired bootstrap interval, and both ROC curves. */
export function PairedComparison({ a, b }: { a: Snapshot; b: Snapshot }) {
  // the older experiment is the champion by default
  const [swapped, setSwapped] = useState(false);
  const [champion, challenger] = (a.createdAt <= b.createdAt) !== swapped ? [a, b] : [b, a];
  const label = (s: Snapshot) => `${s.note ?? s.model.name} (${s.id.slice(0, 8)})`;
  const result = useQuery({
    queryKey: ['snapshots', 'paired', champion.id, challenger.id],
    queryFn: ({ signal }) => workbench().compareSnapshots(jobFor(signal), champion, challenger),
  });
  const spec = useMemo(
    () => (result.data?.roc ? rocOverlaySpec([{ name: `champion: ${label(champion)}`, roc: result.data.roc.champion }, { name: `challenger: ${label(challenger)}`, roc: result.data.roc.challenger }], `${formatCount(result.data.rows)} rows, both models re-scored`) : null),
    [result.data, champion, challenger],
  );
  return (
    <div data-testid="paired-comparison">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          Does the challenger really beat the champion?
        </Text>
        <Button size="compact-xs" variant="subtle" leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => setSwapped((v) => !v)}>
          Swap roles
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        Champion: {label(champion)} · challenger: {label(challenger)}. Both models score the same rows again; each resample of those rows (1,000, seed 42) scores both, so the
        interval is that of their difference.
      </Text>
      {result.isPending && <Text size="sm">Re-scoring both models on the same rows…</Text>}
      {result.error && (
        <Alert color="red" variant="light" title="Could not compare">
          {describeError(result.error).message}
        </Alert>
      )}
      {result.data?.reason && (
        <Alert color="gray" variant="light" data-testid="paired-unavailable">
          No paired comparison: {result.data.reason}.
        </Alert>
      )}
      {result.data?.paired && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Table fz="sm" withTableBorder data-testid="paired-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Metric</Table.Th>
                  <Table.Th ta="right">Champion</Table.Th>
                  <Table.Th ta="right">Challenger</Table.Th>
                  <Table.Th ta="right">Difference [95%]</Table.Th>
                  <Table.Th>Verdict</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.data.paired.map((m) => (
                  <Table.Tr key={m.metric}>
                    <Table.Td>
                      {m.metric} <Text span size="xs" c="dimmed">({m.higherIsBetter ? 'higher is better' : 'lower is better'})</Text>
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatStat(m.champion)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatStat(m.challenger)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatStat(m.difference)} {m.ci ? `[${formatStat(m.ci[0])}, ${formatStat(m.ci[1])}]` : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={VERDICT_COLOR[m.verdict === 'undefined' ? 'undefined' : m.verdict]} styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}>
                        {m.verdict}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>{spec && <ChartCard spec={spec} title="ROC curves on the same rows" testId="paired-roc-chart" caption="Both models on the same rows; the higher curve separates the classes better." />}</Grid.Col>
        </Grid>
      )}
    </div>
  );
}

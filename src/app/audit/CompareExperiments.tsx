import { Button, Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { formatStat } from '../format/format';
import { useServer } from '../server/ServerProvider';
import { snapshotQuery } from './auditQueries';
import { ExperimentColumnsHeader } from './ExperimentColumnsHeader';
import { PairedComparison } from './PairedComparison';
import { PdpOverlays } from './PdpOverlays';
import { FairnessSideBySide } from './FairnessSideBySide';

const METRICS = ['auc', 'logLoss', 'accuracy', 'precision', 'recall', 'f1', 'brier', 'rmse', 'mae', 'r2'];

interface Row {
  label: string;
  values: string[];
}

/** Settings that tell the experiments apart (rows that differ are marked). */
function settingRows(list: Snapshot[]): Row[] {
  const t = (s: Snapshot) => s.training as { model?: string; params?: unknown; settings?: { seed?: number }; recipeHash?: string } | null;
  return [
    { label: 'Model file', values: list.map((s) => `${s.model.name} (${s.model.sha256.slice(0, 8)})`) },
    { label: 'Model kind', values: list.map((s) => t(s)?.model ?? (s.training ? 'linear' : 'imported')) },
    { label: 'Parameters', values: list.map((s) => JSON.stringify(t(s)?.params ?? {})) },
    { label: 'Recipe', values: list.map((s) => t(s)?.recipeHash?.slice(0, 12) ?? '—') },
    { label: 'Training seed', values: list.map((s) => String(t(s)?.settings?.seed ?? '—')) },
    { label: 'Data', values: list.map((s) => `${s.data.name} (${s.data.sha256.slice(0, 8)})`) },
    { label: 'Target', values: list.map((s) => `${s.evaluation.target}${s.evaluation.positive ? ` = ${s.evaluation.positive}` : ''}`) },
    { label: 'Threshold', values: list.map((s) => String(s.evaluation.threshold)) },
    { label: 'Rows evaluated', values: list.map((s) => `${s.evaluation.n}${s.evaluation.rows === 'all' ? ' (all)' : ''}`) },
  ];
}

/** Two or more experiments (from this browser or the team server) side by side: what differs in their settings, and their metrics with intervals. */
export function CompareExperiments({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const { state } = useServer();
  // from this browser, or the team server
  const results = useQueries({ queries: ids.map((id) => snapshotQuery(id, state)) });
  const failed = results.find((r) => r.error);
  if (failed) return <Text size="sm" c="red">Could not open the experiments: {failed.error!.message}</Text>;
  const list = results.map((r) => r.data).filter((s): s is Snapshot => !!s);
  if (list.length < ids.length) return <Text size="sm">Opening the experiments…</Text>;
  const ci = (s: Snapshot, k: string) => ((s.evaluation.metrics.ci ?? {}) as Record<string, [number, number] | null>)[k];
  const metricRows: Row[] = METRICS.filter((k) => list.some((s) => k in s.evaluation.metrics)).map((k) => ({
    label: k,
    values: list.map((s) => {
      const v = s.evaluation.metrics[k] as number | null | undefined;
      const interval = ci(s, k);
      return v === undefined ? '—' : `${formatStat(v)}${interval ? ` [${formatStat(interval[0])}, ${formatStat(interval[1])}]` : ''}`;
    }),
  }));
  return (
    <Paper withBorder radius="sm" p="md" data-testid="compare-experiments">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Comparison</Text>
        <Button size="xs" variant="subtle" onClick={onClose}>
          Close
        </Button>
      </Group>
      <ScrollArea type="auto">
        <Table fz="sm" withTableBorder withColumnBorders>
          <ExperimentColumnsHeader list={list} />
          <Table.Tbody>
            {[...settingRows(list), ...metricRows].map((r) => {
              const differs = new Set(r.values).size > 1;
              return (
                <Table.Tr key={r.label} bg={differs ? 'var(--mantine-color-yellow-0)' : undefined} data-differs={differs}>
                  <Table.Td fw={600}>{r.label}</Table.Td>
                  {r.values.map((v, i) => (
                    <Table.Td key={i} ff="monospace">
                      {v}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt="xs">
        Highlighted rows differ. Metrics with their 95% bootstrap intervals as recorded (each on its own rows); for two experiments on the same rows, the paired
        comparison below is the sharper test.
      </Text>
      {list.length === 2 && (
        <Paper mt="md" p={0}>
          <PairedComparison a={list[0]} b={list[1]} />
        </Paper>
      )}
      {list.some((s) => s.fairness) && <FairnessSideBySide list={list} />}
      <PdpOverlays list={list} />
    </Paper>
  );
}

import { Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { METRICS_SEED } from '../api/modelQueries';
import { fullNumber } from '../format/format';

export interface MetricRow {
  /** Machine name (as in `glassbox metrics`): used for test ids. */
  name: string;
  label: string;
  /** What it means, in a few words. */
  help: string;
  value: number | null | undefined;
  /** 95 % bootstrap interval; undefined while it is being computed, null when undefined in every resample. */
  ci: [number, number] | null | undefined;
  /** The interval belongs to other parameters (e.g. the previous threshold) and is being recomputed. */
  ciStale?: boolean;
}

export interface MetricGroup {
  title: ReactNode;
  rows: MetricRow[];
}

function fmt(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 1000 ? x.toLocaleString('en-US', { maximumFractionDigits: 2 }) : x.toFixed(4);
}

/** How the intervals were computed, and how to get the same with the CLI. */
export const INTERVALS_NOTE = `95% percentile bootstrap intervals (1,000 resamples, seed ${METRICS_SEED}), as glassbox metrics --ci --seed ${METRICS_SEED} gives on these rows.`;

/** The evaluation's "Performance" panel: the metrics on `rowsText` with their intervals. */
export function PerformancePanel({ groups, rowsText, fill }: { groups: MetricGroup[]; rowsText: string; fill?: boolean }) {
  return (
    <Paper withBorder radius="sm" p="md" h={fill ? '100%' : undefined}>
      <Title order={3} size="h5" mb="xs">
        Performance
      </Title>
      <MetricsTable groups={groups} caption={`On ${rowsText}. ${INTERVALS_NOTE}`} />
    </Paper>
  );
}

/** Metric, value and 95 % bootstrap interval, in groups. */
export function MetricsTable({ groups, caption }: { groups: MetricGroup[]; caption: string }) {
  return (
    <Table fz="sm" verticalSpacing={5} withTableBorder aria-label="Model metrics with 95% confidence intervals" data-testid="metrics-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Metric</Table.Th>
          <Table.Th scope="col" className="gb-num">
            Value
          </Table.Th>
          <Table.Th scope="col" className="gb-num">
            95% CI
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g, gi) => [
          <Table.Tr key={`g${gi}`} bg="gray.0">
            <Table.Th scope="colgroup" colSpan={3}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                {g.title}
              </Text>
            </Table.Th>
          </Table.Tr>,
          ...g.rows.map((r) => (
            <Table.Tr key={r.name} data-testid={`metric-${r.name}`}>
              <Table.Th scope="row" fw={500}>
                {r.label}
                <Text size="xs" c="dimmed" fw={400}>
                  {r.help}
                </Text>
              </Table.Th>
              <Table.Td className="gb-num" title={fullNumber(r.value ?? null)} data-testid={`metric-${r.name}-value`} fw={600}>
                {fmt(r.value)}
              </Table.Td>
              <Table.Td className="gb-num" data-testid={`metric-${r.name}-ci`} data-stale={r.ci === undefined || r.ciStale === true}>
                {r.ci === undefined ? (
                  <Loader size={12} aria-label="Computing the interval" />
                ) : (
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    {r.ciStale && <Loader size={10} aria-label="Updating the interval" />}
                    <span
                      data-testid={`metric-${r.name}-ci-text`}
                      style={{ opacity: r.ciStale ? 0.45 : 1 }}
                      title={r.ci === null ? 'Undefined in every resample' : `${fullNumber(r.ci[0])} to ${fullNumber(r.ci[1])}`}
                    >
                      {r.ci === null ? '—' : `${fmt(r.ci[0])} – ${fmt(r.ci[1])}`}
                    </span>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          )),
        ])}
      </Table.Tbody>
      <Table.Caption style={{ captionSide: 'bottom', textAlign: 'left' }}>
        <Text size="xs" c="dimmed" component="span">
          {caption}
        </Text>
      </Table.Caption>
    </Table>
  );
}

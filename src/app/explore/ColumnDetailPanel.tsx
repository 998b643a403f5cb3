import { Badge, CloseButton, Grid, Group, Paper, SimpleGrid, Switch, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { ColumnDetail } from '../../workers/workbenchApi';
import { useColumnDetail } from '../api/queries';
import { VegaChart } from '../charts/VegaChart';
import { categoriesSpec } from '../charts/categoriesSpec';
import { histogramSpec } from '../charts/histogramSpec';
import { TYPE_COLORS } from '../dataset/columnTypes';
import { Num } from '../format/Num';
import { formatCount, formatPercent } from '../format/format';
import { LoadingBlock, QueryError } from './QueryState';

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} className="gb-num" style={{ textAlign: 'left' }}>
        {children}
      </Text>
    </div>
  );
}

function DistributionChart({ detail }: { detail: ColumnDetail }) {
  const d = detail.distribution;
  const [logCounts, setLogCounts] = useState(false);
  const spec = useMemo(() => (d.kind === 'histogram' ? histogramSpec(d, { logCounts }) : categoriesSpec(d)), [d, logCounts]);
  const title = d.kind === 'histogram' ? `Distribution of ${d.column}` : `Most frequent values of ${d.column}`;
  if (d.kind === 'histogram' && d.bins.length === 0) return <Text c="dimmed">No non-missing values to plot.</Text>;
  if (d.kind === 'categories' && d.categories.length === 0 && d.missing === 0) return <Text c="dimmed">No values to plot.</Text>;
  return (
    <>
      <VegaChart spec={spec} title={title} testId="column-distribution-chart" />
      {d.kind === 'histogram' && (
        <Switch
          mt="xs"
          size="xs"
          label="Log scale for counts (shows sparse tails and outliers)"
          checked={logCounts}
          onChange={(e) => setLogCounts(e.currentTarget.checked)}
        />
      )}
    </>
  );
}

/** Detail of one profiled column: statistics, distribution chart, IQR outliers, top values. */
export function ColumnDetailPanel({ name, onClose }: { name: string; onClose: () => void }) {
  const q = useColumnDetail(name);
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={`Column detail: ${name}`} data-testid="column-detail" bg="white">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="xs">
          <Title order={3} size="h4" className="gb-mono">
            {name}
          </Title>
          {q.data && (
            <Badge variant="light" color={TYPE_COLORS[q.data.profile.type]} radius="sm">
              {q.data.profile.type}
            </Badge>
          )}
        </Group>
        <CloseButton onClick={onClose} aria-label="Close column detail" />
      </Group>
      {q.error ? (
        <QueryError error={q.error} title={`Could not analyse ${name}`} />
      ) : !q.data ? (
        <LoadingBlock lines={3} chart label={`Analysing ${name}`} />
      ) : (
        <Detail detail={q.data} />
      )}
    </Paper>
  );
}

function Detail({ detail }: { detail: ColumnDetail }) {
  const p = detail.profile;
  const o = detail.outliers;
  const total = p.count + p.missing;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" verticalSpacing="sm">
          <Stat label="Count">
            <Num value={p.count} />
          </Stat>
          <Stat label="Missing">
            {formatCount(p.missing)}{' '}
            <Text span size="xs" c="dimmed">
              ({formatPercent(total ? p.missing / total : 0)})
            </Text>
          </Stat>
          <Stat label="Distinct">
            <Num value={p.distinct} />
          </Stat>
          <Stat label="Mean">
            <Num value={p.mean} />
          </Stat>
          <Stat label="Std">
            <Num value={p.std} />
          </Stat>
          <Stat label="Min">
            <Num value={p.min} />
          </Stat>
          <Stat label="Q25">
            <Num value={p.q25} />
          </Stat>
          <Stat label="Median">
            <Num value={p.median} />
          </Stat>
          <Stat label="Q75">
            <Num value={p.q75} />
          </Stat>
          <Stat label="Max">
            <Num value={p.max} />
          </Stat>
        </SimpleGrid>
        {o && (
          <Paper withBorder p="sm" mt="md" radius="sm" bg="gray.0" data-testid="outliers">
            <Text size="sm" fw={600}>
              Outliers (Tukey's IQR rule, k = 1.5)
            </Text>
            <Text size="sm" mt={4}>
              Below <Num value={o.lowerFence} />: <b>{formatCount(o.low)}</b> rows · above <Num value={o.upperFence} />:{' '}
              <b>{formatCount(o.high)}</b> rows
            </Text>
            <Text size="xs" c="dimmed">
              {formatCount(o.low + o.high)} of {formatCount(p.count)} non-missing values ({formatPercent(p.count ? (o.low + o.high) / p.count : 0)})
            </Text>
          </Paper>
        )}
        {p.top.length > 0 && (
          <Table mt="md" fz="xs" verticalSpacing={2} withTableBorder aria-label={`Top values of ${p.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Top value</Table.Th>
                <Table.Th scope="col" className="gb-num">
                  Rows
                </Table.Th>
                <Table.Th scope="col" className="gb-num">
                  Share
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.top.map((t) => (
                <Table.Tr key={String(t.value)}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{String(t.value)}</Table.Td>
                  <Table.Td className="gb-num">{formatCount(t.count)}</Table.Td>
                  <Table.Td className="gb-num">{formatPercent(p.count ? t.count / p.count : 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <DistributionChart detail={detail} />
      </Grid.Col>
    </Grid>
  );
}

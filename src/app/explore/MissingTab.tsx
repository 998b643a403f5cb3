import { Badge, EmptyState, Grid, Group, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useMissingness } from '../api/queries';
import { VegaChart } from '../charts/VegaChart';
import { cooccurrenceSpec, missingBarsSpec } from '../charts/missingnessSpecs';
import { formatCount, formatPercent } from '../format/format';
import { LoadingBlock, QueryError } from './QueryState';

export function MissingTab() {
  const q = useMissingness();
  const m = q.data;
  const bars = useMemo(() => (m ? missingBarsSpec(m) : null), [m]);
  const heat = useMemo(() => (m && m.cooccurrence.names.length > 1 ? cooccurrenceSpec(m) : null), [m]);

  if (q.error) return <QueryError error={q.error} title="Could not analyse missing values" />;
  if (!m || !bars) return <LoadingBlock lines={6} chart label="Analysing missing values" />;

  const withMissing = m.columns.filter((c) => c.missing > 0);
  if (withMissing.length === 0) {
    return (
      <EmptyState
        icon={<IconCircleCheck size={32} />}
        title="No missing values"
        description={`All ${m.columns.length} columns are complete in the ${formatCount(m.rows)} rows in scope.`}
        data-testid="missing-empty"
      />
    );
  }
  const complete = m.columns.length - withMissing.length;

  return (
    <div data-testid="missing-view">
      <Text size="sm" c="dimmed" mb="md">
        {withMissing.length} of {m.columns.length} columns have missing values; {complete} {complete === 1 ? 'is' : 'are'} complete.
        {' '}Complete rows (nothing missing): {formatCount(m.completeRows)} of {formatCount(m.rows)} (
        {formatPercent(m.rows ? m.completeRows / m.rows : 0)}).
      </Text>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: heat ? 5 : 12 }}>
          <VegaChart spec={bars} title="Missing values per column" testId="missing-bars-chart" />
        </Grid.Col>
        {heat && (
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <VegaChart spec={heat} title="Missing values co-occurrence" testId="missing-cooccurrence-chart" />
          </Grid.Col>
        )}
      </Grid>
      <Title order={3} size="h5" mt="lg" mb="xs">
        Most common patterns of missingness
      </Title>
      <Table withTableBorder striped fz="sm" verticalSpacing={4} aria-label="Missing value patterns" data-testid="missing-patterns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Columns missing together</Table.Th>
            <Table.Th scope="col" className="gb-num">
              Rows
            </Table.Th>
            <Table.Th scope="col" className="gb-num">
              Share of rows
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.patterns.map((pat, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {pat.columns.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    (nothing missing)
                  </Text>
                ) : (
                  <Group gap={4}>
                    {pat.columns.map((c) => (
                      <Badge key={c} variant="light" color="orange" radius="sm" style={{ textTransform: 'none' }}>
                        {c}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td className="gb-num">{formatCount(pat.count)}</Table.Td>
              <Table.Td className="gb-num">{formatPercent(m.rows ? pat.count / m.rows : 0)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

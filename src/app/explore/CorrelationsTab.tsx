import { EmptyState, Grid, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconChartDots } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CorrelationMatrix, CorrelationMethod } from '../../core/stats/results';
import { useCorrelations } from '../api/queries';
import { VegaChart } from '../charts/VegaChart';
import { CORRELATION_LABELS, correlationSpec } from '../charts/correlationSpec';
import { formatCount, fullNumber } from '../format/format';
import { LoadingBlock, QueryError } from './QueryState';

const METHODS: { value: CorrelationMethod; label: string }[] = [
  { value: 'pearson', label: 'Pearson' },
  { value: 'spearman', label: 'Spearman' },
  { value: 'cramersV', label: "Cramér's V" },
];

const METHOD_HELP: Record<CorrelationMethod, string> = {
  pearson: 'Linear association between numeric columns (−1 to 1), on pairwise complete rows.',
  spearman: 'Monotonic (rank) association between numeric columns (−1 to 1), robust to outliers.',
  cramersV: 'Association between categorical columns (0 to 1), from the chi-squared statistic.',
};

function strongestPairs(c: CorrelationMatrix, k = 10) {
  const pairs: { a: string; b: string; value: number; n: number }[] = [];
  for (let i = 0; i < c.names.length; i++) {
    for (let j = i + 1; j < c.names.length; j++) {
      const v = c.values[i][j];
      if (v !== null) pairs.push({ a: c.names[i], b: c.names[j], value: v, n: c.n[i][j] });
    }
  }
  return pairs.sort((x, y) => Math.abs(y.value) - Math.abs(x.value)).slice(0, k);
}

export function CorrelationsTab() {
  const [method, setMethod] = useState<CorrelationMethod>('pearson');
  const q = useCorrelations(method);
  const c = q.data;
  const title = `${CORRELATION_LABELS[method]} correlation`;
  const spec = useMemo(() => (c && c.names.length >= 2 ? correlationSpec(c) : null), [c]);
  const pairs = useMemo(() => (c ? strongestPairs(c) : []), [c]);

  return (
    <div data-testid="correlations-view">
      <SegmentedControl
        value={method}
        onChange={(v) => setMethod(v as CorrelationMethod)}
        data={METHODS}
        aria-label="Correlation method"
        data-testid="correlation-method"
        mb="xs"
      />
      <Text size="sm" c="dimmed" mb="md">
        {METHOD_HELP[method]}
      </Text>
      {q.error ? (
        <QueryError error={q.error} title="Could not compute correlations" />
      ) : !c ? (
        <LoadingBlock lines={4} chart label="Computing correlations" />
      ) : !spec ? (
        <EmptyState
          icon={<IconChartDots size={32} />}
          title="Not enough columns"
          description={
            method === 'cramersV'
              ? "Cramér's V needs at least two categorical (or boolean) columns."
              : `${CORRELATION_LABELS[method]} correlation needs at least two numeric columns.`
          }
        />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <div style={{ overflowX: 'auto' }}>
              <VegaChart spec={spec} title={title} testId="correlation-chart" minHeight={320} />
            </div>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Title order={3} size="h5" mb="xs">
              Strongest pairs
            </Title>
            <Table withTableBorder striped fz="sm" verticalSpacing={4} aria-label={`Strongest ${title} pairs`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Columns</Table.Th>
                  <Table.Th scope="col" className="gb-num">
                    {method === 'cramersV' ? 'V' : 'r'}
                  </Table.Th>
                  <Table.Th scope="col" className="gb-num">
                    n
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pairs.map((p) => (
                  <Table.Tr key={`${p.a}|${p.b}`}>
                    <Table.Td>
                      {p.a} · {p.b}
                    </Table.Td>
                    <Table.Td className="gb-num" title={fullNumber(p.value)}>
                      {p.value.toFixed(3)}
                    </Table.Td>
                    <Table.Td className="gb-num">{formatCount(p.n)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
        </Grid>
      )}
    </div>
  );
}

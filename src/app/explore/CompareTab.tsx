import { Alert, Button, Grid, Group, NativeSelect, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import type { GroupComparison } from '../../core/stats/results';
import { useCompare, type CompareParams } from '../api/queries';
import { VegaChart } from '../charts/VegaChart';
import { TEST_LABELS, compareSpec } from '../charts/compareSpec';
import { Num } from '../format/Num';
import { formatCount, formatPValue, formatStat, fullNumber } from '../format/format';
import { useDataset, useSession } from '../session/SessionProvider';
import { LoadingBlock, QueryError } from './QueryState';

const TEST_HELP: Record<GroupComparison['test'], string> = {
  'welch-t': 'compares the means of the two groups without assuming equal variances.',
  'mann-whitney': 'compares the two distributions by ranks (robust to outliers and skew).',
  'chi-squared': 'tests whether the distribution of categories differs between the groups.',
};

export function interpretation(c: GroupComparison): string {
  const sig = c.pValue < 0.05;
  return sig
    ? `The difference is statistically significant at 5% (p = ${formatPValue(c.pValue)}, below 0.05).`
    : `The difference is not statistically significant at 5% (p = ${formatPValue(c.pValue)}, not below 0.05).`;
}

export function CompareTab() {
  const { dataset, filter } = useDataset();
  // The submitted comparison lives in the session (saved with the workspace); the form starts from it.
  const { comparison: submitted, setComparison: setSubmitted } = useSession();
  const names = dataset.summary.columns.map((c) => c.name);
  const [column, setColumn] = useState<string | null>(submitted?.column ?? null);
  const [filterA, setFilterA] = useState(submitted?.filterA ?? '');
  const [filterB, setFilterB] = useState(submitted?.filterB ?? '');
  const [numericTest, setNumericTest] = useState<CompareParams['numericTest']>(submitted?.numericTest ?? 'welch-t');
  const q = useCompare(submitted);
  const colType = dataset.summary.columns.find((c) => c.name === column)?.type;
  const numeric = colType === 'numeric' || colType === 'datetime';

  const run = (e: FormEvent) => {
    e.preventDefault();
    if (!column) return;
    setSubmitted({ column, filterA: filterA.trim(), filterB: filterB.trim(), numericTest });
  };

  return (
    <div data-testid="compare-view">
      <Text size="sm" c="dimmed" mb="sm">
        Compare one column between two subpopulations. Each group is a filter expression (empty = all rows)
        {filter ? <>, applied within the active filter <code>{filter}</code></> : null}.
      </Text>
      <form onSubmit={run} noValidate>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Column"
            aria-label="Column to compare"
            placeholder="Pick a column"
            data={names}
            value={column}
            onChange={setColumn}
            searchable
            data-testid="compare-column"
            style={{ flex: '1 1 200px' }}
          />
          <TextInput
            label="Group A"
            aria-label="Group A filter"
            placeholder="e.g. sex = Female"
            value={filterA}
            onChange={(e) => setFilterA(e.currentTarget.value)}
            classNames={{ input: 'gb-mono' }}
            spellCheck={false}
            data-testid="compare-filter-a"
            style={{ flex: '2 1 220px' }}
          />
          <TextInput
            label="Group B"
            aria-label="Group B filter"
            placeholder="e.g. sex = Male"
            value={filterB}
            onChange={(e) => setFilterB(e.currentTarget.value)}
            classNames={{ input: 'gb-mono' }}
            spellCheck={false}
            data-testid="compare-filter-b"
            style={{ flex: '2 1 220px' }}
          />
          <NativeSelect
            label="Numeric test"
            data={[
              { value: 'welch-t', label: "Welch's t-test" },
              { value: 'mann-whitney', label: 'Mann–Whitney U' },
            ]}
            value={numericTest}
            onChange={(e) => setNumericTest(e.currentTarget.value === 'mann-whitney' ? 'mann-whitney' : 'welch-t')}
            disabled={column !== null && !numeric}
            data-testid="compare-test"
            w={180}
          />
          <Button type="submit" disabled={!column} leftSection={<IconScale size={16} aria-hidden />} data-testid="compare-run">
            Compare
          </Button>
        </Group>
      </form>
      <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
        {!submitted ? (
          <Text c="dimmed" size="sm">
            Pick a column and two groups, then press Compare. Numeric columns use {numericTest === 'welch-t' ? "Welch's t-test" : 'the Mann–Whitney U test'}; categorical and boolean columns use the chi-squared test.
          </Text>
        ) : q.error ? (
          <QueryError error={q.error} title="Could not compare the groups" />
        ) : !q.data ? (
          <LoadingBlock lines={4} label="Comparing the groups" />
        ) : (
          <CompareResult result={q.data} params={submitted} />
        )}
      </div>
    </div>
  );
}

function CompareResult({ result, params }: { result: GroupComparison; params: CompareParams }) {
  const spec = useMemo(() => compareSpec(result), [result]);
  const sig = result.pValue < 0.05;
  const describe = (f: string) => (f ? f : 'all rows');
  return (
    <Grid gap="lg" data-testid="compare-result">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Alert color={sig ? 'navy' : 'gray'} variant="light" title={TEST_LABELS[result.test]} mb="md" data-testid="compare-interpretation">
          <Text size="sm">
            <b>{interpretation(result)}</b>
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {TEST_LABELS[result.test]} {TEST_HELP[result.test]}
          </Text>
        </Alert>
        <Table withTableBorder fz="sm" verticalSpacing={4} aria-label="Test result" mb="md">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Test</Table.Th>
              <Table.Td data-testid="compare-test-name">{TEST_LABELS[result.test]}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Statistic</Table.Th>
              <Table.Td title={fullNumber(result.statistic)}>{formatStat(result.statistic)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Degrees of freedom</Table.Th>
              <Table.Td>
                <Num value={result.df} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">p-value</Table.Th>
              <Table.Td title={fullNumber(result.pValue)} data-testid="compare-pvalue">
                {formatPValue(result.pValue)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Table withTableBorder fz="sm" verticalSpacing={4} aria-label="Groups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Group</Table.Th>
              <Table.Th scope="col">Filter</Table.Th>
              <Table.Th scope="col" className="gb-num">
                Rows
              </Table.Th>
              <Table.Th scope="col" className="gb-num">
                Mean
              </Table.Th>
              <Table.Th scope="col" className="gb-num">
                Median
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(
              [
                ['A', params.filterA, result.a],
                ['B', params.filterB, result.b],
              ] as const
            ).map(([label, f, g]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td className="gb-mono" style={{ fontSize: 12 }}>
                  {describe(f)}
                </Table.Td>
                <Table.Td className="gb-num">{formatCount(g.n)}</Table.Td>
                <Table.Td className="gb-num">
                  <Num value={g.mean} />
                </Table.Td>
                <Table.Td className="gb-num">
                  <Num value={g.median} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Paper p={0}>
          <Title order={3} size="h6" mb={4} c="dimmed">
            {result.column}: group A vs group B
          </Title>
          <VegaChart spec={spec} title={`${result.column}: group A vs group B`} testId="compare-chart" />
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

import { Anchor, Button, EmptyState, Grid, Group, Paper, Progress, ScrollArea, Select, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { TargetAnalysisResult } from '../../core/stats/results';
import { useProfile, useTargetAnalysis } from '../api/queries';
import { VegaChart } from '../charts/VegaChart';
import { targetBreakdownSpec } from '../charts/targetBreakdownSpec';
import { TYPE_COLORS } from '../dataset/columnTypes';
import { formatCount, formatPercent, formatStat, fullNumber } from '../format/format';
import { useDataset, useSession } from '../session/SessionProvider';
import { findDemo } from '../start/demoDatasets';
import { defaultPositive } from './positiveClass';
import { LoadingBlock, QueryError } from './QueryState';


export function TargetTab() {
  const { target, setTarget } = useSession();
  const { dataset } = useDataset();
  const profile = useProfile();
  const names = dataset.summary.columns.map((c) => c.name);
  const demo = dataset.source.kind === 'demo' ? findDemo(dataset.source.name) : undefined;
  const suggested = demo && names.includes(demo.target) && target.column !== demo.target ? demo.target : null;

  const targetProfile = profile.data?.columns.find((c) => c.name === target.column);
  const binary = targetProfile ? targetProfile.distinct === 2 : false;
  const positiveOptions = binary && targetProfile ? targetProfile.top.map((t) => String(t.value)) : [];
  const positive = binary ? (target.positive && positiveOptions.includes(target.positive) ? target.positive : defaultPositive(targetProfile)) : null;
  const ready = target.column !== null && targetProfile !== undefined;
  const analysis = useTargetAnalysis(ready ? target.column : null, positive);

  return (
    <div data-testid="target-view">
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <Select
          label="Target column"
          aria-label="Target column"
          placeholder="Pick the column to predict"
          data={names}
          value={target.column}
          onChange={(v) => setTarget({ column: v, positive: null })}
          searchable
          clearable
          w={280}
          nothingFoundMessage="No such column"
          data-testid="target-select"
        />
        {binary && (
          <Select
            label="Positive class"
            aria-label="Positive class"
            data={positiveOptions}
            value={positive}
            onChange={(v) => setTarget({ column: target.column, positive: v })}
            allowDeselect={false}
            w={200}
            data-testid="positive-select"
          />
        )}
        {suggested && (
          <Button variant="light" size="sm" onClick={() => setTarget({ column: suggested, positive: null })}>
            Use the documented target: {suggested}
          </Button>
        )}
      </Group>
      {target.column === null ? (
        <EmptyState
          icon={<IconTarget size={32} />}
          title="Pick a target"
          description="Choose the column a model would predict to see its rate or mean, the columns most related to it, and breakdowns by category or bin."
        />
      ) : profile.error ? (
        <QueryError error={profile.error} title="Could not profile the data" />
      ) : analysis.error ? (
        <QueryError error={analysis.error} title={`Could not analyse target ${target.column}`} />
      ) : !analysis.data ? (
        <LoadingBlock lines={6} label={`Analysing target ${target.column}`} />
      ) : (
        <TargetResult result={analysis.data} />
      )}
    </div>
  );
}

function TargetResult({ result }: { result: TargetAnalysisResult }) {
  const [picked, setPicked] = useState<string | null>(null);
  const selected = result.columns.find((c) => c.column === picked) ?? result.columns[0];
  const spec = useMemo(() => (selected ? targetBreakdownSpec(result, selected) : null), [result, selected]);
  const maxMi = Math.max(...result.columns.map((c) => c.mutualInformation), 1e-12);
  const classification = result.task === 'classification';

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="sm" radius="sm" bg="gray.0" mb="md" data-testid="target-overall">
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {classification ? 'Binary classification' : 'Regression'}
          </Text>
          <Text size="lg" fw={600}>
            {classification ? (
              <>
                Overall rate of {result.target} = {result.positive}:{' '}
                <span title={fullNumber(result.overall)}>{formatPercent(result.overall)}</span>
              </>
            ) : (
              <>
                Mean of {result.target}: <span title={fullNumber(result.overall)}>{formatStat(result.overall)}</span>
              </>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            over {formatCount(result.n)} rows with a known target
          </Text>
        </Paper>
        <Title order={3} size="h5" mb={4}>
          Columns ranked by mutual information with {result.target}
        </Title>
        <Text size="xs" c="dimmed" mb="xs">
          In nats; numeric columns are binned. Higher = more informative about the target (not necessarily causal).
        </Text>
        <ScrollArea.Autosize mah={460} type="auto" offsetScrollbars>
          <Table fz="sm" verticalSpacing={4} highlightOnHover aria-label="Columns ranked by mutual information" data-testid="target-ranking">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Column</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col" className="gb-num">
                  MI
                </Table.Th>
                <Table.Th scope="col" w={110}>
                  <VisuallyHidden>Relative MI</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.columns.map((c) => (
                <Table.Tr key={c.column} className={c.column === selected?.column ? 'gb-selected-row' : undefined}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      onClick={() => setPicked(c.column)}
                      aria-pressed={c.column === selected?.column}
                      aria-label={`Show ${result.target} by ${c.column}`}
                    >
                      {c.column}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c={`${TYPE_COLORS[c.type]}.8`}>
                      {c.type}
                    </Text>
                  </Table.Td>
                  <Table.Td className="gb-num" title={fullNumber(c.mutualInformation)}>
                    {c.mutualInformation.toFixed(4)}
                  </Table.Td>
                  <Table.Td>
                    <Progress value={(c.mutualInformation / maxMi) * 100} size="sm" aria-hidden />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        {selected && spec ? (
          <>
            <Select
              label="Break down by"
              aria-label="Breakdown column"
              data={result.columns.map((c) => c.column)}
              value={selected.column}
              onChange={(v) => v && setPicked(v)}
              allowDeselect={false}
              searchable
              w={280}
              mb="sm"
            />
            <VegaChart
              spec={spec}
              title={`${classification ? `Rate of ${result.target} = ${result.positive}` : `Mean ${result.target}`} by ${selected.column}`}
              testId="target-breakdown-chart"
              minHeight={280}
            />
          </>
        ) : (
          <Text c="dimmed">No other columns to break the target down by.</Text>
        )}
      </Grid.Col>
    </Grid>
  );
}

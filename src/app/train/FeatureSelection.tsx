import { ActionIcon, Badge, Button, Group, NumberInput, Paper, Progress, ScrollArea, SegmentedControl, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTargetAnalysisAllRows } from '../api/trainQueries';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { fullNumber } from '../format/format';
import { useDataset } from '../session/SessionProvider';
import { coefficientRanking, excludeAllButTop, type ColumnScore } from './featureRanking';
import { leakageFlags } from './leakage';
import { LeakageAlert } from './LeakageAlert';
import { useTrain } from './TrainProvider';
import type { RunRecord } from './runRecord';
import type { TrainTarget } from './trainSettings';

type Source = 'mi' | 'coef';

/** Rank columns by association with the target or by the last run's coefficients; keep the top k; flag leakage. */
export function FeatureSelection({ target, targetStd, run }: { target: TrainTarget; targetStd: number | null; run: RunRecord | null }) {
  const { dataset } = useDataset();
  const { settings, setExclude, job } = useTrain();
  const [source, setSource] = useState<Source>('mi');
  const analysis = useTargetAnalysisAllRows(target.column, target.positive);
  const columns = useMemo(() => dataset.summary.columns.map((c) => c.name), [dataset.summary.columns]);
  const flags = useMemo(() => (analysis.data ? leakageFlags(analysis.data, targetStd) : []), [analysis.data, targetStd]);
  const flagged = new Set(flags.map((f) => f.column));
  const runFits = run !== null && run.target.column === target.column;
  const by: Source = source === 'coef' && runFits ? 'coef' : 'mi';
  const ranking: ColumnScore[] = useMemo(() => {
    if (by === 'coef' && run) return coefficientRanking(run.features, run.coefficients, columns);
    return (analysis.data?.columns ?? []).map((c) => ({ column: c.column, value: c.mutualInformation }));
  }, [by, run, columns, analysis.data]);
  const [k, setK] = useState<number | string>(10);
  const max = Math.max(...ranking.map((r) => r.value), 1e-12);
  const excluded = settings.exclude;
  const busy = job !== null;
  const toggle = (column: string) => setExclude(excluded.includes(column) ? excluded.filter((c) => c !== column) : [...excluded, column]);
  const kValue = typeof k === 'number' ? k : Number.NaN;

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-feature-selection-heading" h="100%" data-testid="feature-selection">
      <Title order={3} size="h5" id="gb-feature-selection-heading">
        Feature selection
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Which columns carry information about {target.column}. Exclude a column with its eye button, or keep only the top k.
      </Text>
      <SegmentedControl
        size="xs"
        fullWidth
        value={by}
        onChange={(v) => setSource(v as Source)}
        data={[
          { value: 'mi', label: 'Mutual information' },
          { value: 'coef', label: runFits ? 'Last run’s coefficients' : 'Coefficients (train first)', disabled: !runFits },
        ]}
        aria-label="Rank columns by"
        mb="sm"
        data-testid="ranking-source"
      />
      {analysis.error ? (
        <QueryError error={analysis.error} title={`Could not rank the columns against ${target.column}`} />
      ) : !analysis.data ? (
        <LoadingBlock lines={6} label={`Ranking the columns against ${target.column}`} />
      ) : (
        <>
          <LeakageAlert flags={flags} excluded={excluded} onExclude={(cols) => setExclude([...excluded, ...cols.filter((c) => !excluded.includes(c))])} />
          <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars mt="sm">
            <Table fz="sm" verticalSpacing={3} highlightOnHover aria-label="Columns ranked" data-testid="feature-ranking">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={32} className="gb-num">
                    #
                  </Table.Th>
                  <Table.Th scope="col">Column</Table.Th>
                  <Table.Th scope="col" className="gb-num">
                    {by === 'mi' ? 'MI (nats)' : '|coef|'}
                  </Table.Th>
                  <Table.Th scope="col" w={70}>
                    <VisuallyHidden>Relative size</VisuallyHidden>
                  </Table.Th>
                  <Table.Th scope="col" w={40}>
                    <VisuallyHidden>Exclude or include</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ranking.map((r, i) => {
                  const out = excluded.includes(r.column);
                  return (
                    <Table.Tr key={r.column} style={{ opacity: out ? 0.5 : 1 }} data-testid={`ranking-row-${r.column}`} data-excluded={out}>
                      <Table.Td className="gb-num" c="dimmed">
                        {i + 1}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" td={out ? 'line-through' : undefined} style={{ wordBreak: 'break-all' }}>
                            {r.column}
                          </Text>
                          {flagged.has(r.column) && (
                            <Badge color="orange" variant="light" size="xs" radius="sm" data-testid={`leakage-flag-${r.column}`}>
                              leakage?
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td className="gb-num" title={r.feature ? `${r.feature}: ${fullNumber(r.value)}` : fullNumber(r.value)}>
                        {r.value.toFixed(4)}
                      </Table.Td>
                      <Table.Td>
                        <Progress value={(r.value / max) * 100} size="sm" color={flagged.has(r.column) ? 'orange' : 'navy'} aria-hidden />
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={out ? `Include ${r.column} again` : `Exclude ${r.column}`} openDelay={300}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            onClick={() => toggle(r.column)}
                            disabled={busy}
                            aria-label={out ? `Include ${r.column}` : `Exclude ${r.column}`}
                            aria-pressed={out}
                          >
                            {out ? <IconEyeOff size={15} aria-hidden /> : <IconEye size={15} aria-hidden />}
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          <Text size="xs" c="dimmed" mt={6}>
            {by === 'mi'
              ? 'Mutual information with the target on all rows (numeric columns in ~10 quantile bins, as in Explore › Target): association, not causation.'
              : 'The largest |coefficient| among each column’s features in the last run. With standard scaling it is the change in log-odds (or in the target) per standard deviation; one-hot coefficients compare a category with the rest.'}
          </Text>
          <Group gap="xs" mt="sm" align="flex-end">
            <NumberInput label="Keep the top" value={k} onChange={setK} min={1} max={Math.max(1, ranking.length)} allowDecimal={false} w={110} size="xs" data-testid="keep-top-k" />
            <Button
              size="xs"
              variant="default"
              disabled={busy || !(kValue >= 1) || ranking.length === 0}
              onClick={() => setExclude(excludeAllButTop(ranking, kValue, columns, target.column))}
              data-testid="keep-top-k-apply"
            >
              Keep top {Number.isFinite(kValue) ? kValue : 'k'}, exclude the rest
            </Button>
          </Group>
        </>
      )}
    </Paper>
  );
}

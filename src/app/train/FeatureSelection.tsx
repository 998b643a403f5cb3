import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Progress, ScrollArea, SegmentedControl, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconEye, IconEyeOff, IconPlayerPlay } from '@tabler/icons-react';
import { JobProgress } from '../layout/JobProgress';
import { useMemo, useState } from 'react';
import { useTargetAnalysisAllRows } from '../api/trainQueries';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { formatCount, fullNumber } from '../format/format';
import { useDataset } from '../session/SessionProvider';
import { excludeAllButTop, importanceRanking, type ColumnScore } from './featureRanking';
import { leakageFlags } from './leakage';
import { LeakageAlert } from './LeakageAlert';
import { MODEL_NAMES } from './modelNames';
import { useTrain } from './TrainProvider';
import { trainingRequest, type TrainTarget } from './trainSettings';
import type { Recipe } from '../../core/recipe/recipe';
import { requestKey, useQuickImportance } from './useQuickImportance';

type Source = 'mi' | 'quick';

/** Rank columns by association with the target or by a quick model's permutation importance; keep the top k; flag leakage. */
export function FeatureSelection({ target, targetStd, recipe }: { target: TrainTarget; targetStd: number | null; recipe: Recipe | null }) {
  const { dataset } = useDataset();
  const { settings, setExclude, job } = useTrain();
  const [by, setBy] = useState<Source>('mi');
  const analysis = useTargetAnalysisAllRows(target.column, target.positive);
  const quick = useQuickImportance();
  const columns = useMemo(() => dataset.summary.columns.map((c) => c.name), [dataset.summary.columns]);
  const flags = useMemo(() => (analysis.data ? leakageFlags(analysis.data, targetStd) : []), [analysis.data, targetStd]);
  const flagged = new Set(flags.map((f) => f.column));
  const request = recipe ? trainingRequest(target, settings, recipe) : null;
  const quickResult = quick.result && quick.result.kind === target.kind ? quick.result : null;
  const quickCurrent = quickResult !== null && request !== null && quick.resultFor === requestKey(request);
  const ranking: ColumnScore[] = useMemo(() => {
    if (by === 'quick') return quickResult ? importanceRanking(quickResult.columns) : [];
    return (analysis.data?.columns ?? []).map((c) => ({ column: c.column, value: c.mutualInformation }));
  }, [by, quickResult, analysis.data]);
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
        onChange={(v) => setBy(v as Source)}
        data={[
          { value: 'mi', label: 'Mutual information' },
          { value: 'quick', label: 'Quick model (permutation)' },
        ]}
        aria-label="Rank columns by"
        mb="sm"
        data-testid="ranking-source"
      />
      {by === 'quick' && (
        <QuickImportancePanel state={quick} result={quickResult} current={quickCurrent} disabled={busy || request === null} onRun={() => request && quick.run(request)} />
      )}
      {by === 'quick' && !quickResult ? null : analysis.error ? (
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
                    {by === 'mi' ? 'MI (nats)' : `${quickResult?.metric === 'r2' ? 'R²' : 'AUC'} drop`}
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
                      <Table.Td className="gb-num" title={r.spread !== undefined ? `${fullNumber(r.value)} ± ${fullNumber(r.spread)} (std over the shuffles)` : fullNumber(r.value)} data-testid={`ranking-value-${r.column}`}>
                        {r.value.toFixed(4)}
                      </Table.Td>
                      <Table.Td>
                        <Progress value={(Math.max(0, r.value) / max) * 100} size="sm" color={flagged.has(r.column) ? 'orange' : 'navy'} aria-hidden />
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
              : quickResult
                ? `Permutation importance (scikit-learn's definition): how much the ${quickResult.metric === 'r2' ? 'R²' : 'AUC'} of a quick ${MODEL_NAMES[quickResult.kind].toLowerCase()} model falls when a column is shuffled — mean of ${quickResult.repeats} shuffles, seed ${quickResult.seed}. Fitted on ${formatCount(quickResult.fitRows)} training rows with this recipe, measured on ${formatCount(quickResult.rows)} ${quickResult.evaluatedOn === 'holdout' ? 'held-out rows' : 'training rows kept out of the fit'} (of ${formatCount(quickResult.totalRows)}). A column's derived features (indicators, categories, date parts, ratios) are shuffled together; columns the recipe does not use are not listed.`
                : ''}
          </Text>
          <Group gap="xs" mt="sm" align="flex-end">
            <NumberInput label="Keep the top" value={k} onChange={setK} min={1} max={Math.max(1, ranking.length)} allowDecimal={false} w={110} size="xs" data-testid="keep-top-k" />
            <Button
              size="xs"
              variant="default"
              disabled={busy || !(kValue >= 1) || ranking.length === 0}
              onClick={() => setExclude(excludeAllButTop(ranking, kValue, columns, target.column, excluded))}
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

function QuickImportancePanel({
  state,
  result,
  current,
  disabled,
  onRun,
}: {
  state: ReturnType<typeof useQuickImportance>;
  result: unknown;
  current: boolean;
  disabled: boolean;
  onRun: () => void;
}) {
  return (
    <Stack gap={6} mb="xs" data-testid="quick-importance">
      {!result && !state.running && (
        <Text size="xs" c="dimmed">
          Fits the recipe and the model once on the training rows (no cross-validation) and measures, on rows it has not seen, how much the score
          falls when each column is shuffled.
        </Text>
      )}
      {state.running ? (
        <JobProgress
          text={state.running.total ? `Shuffling: ${state.running.done} of ${state.running.total} columns` : 'Fitting the quick model…'}
          fraction={state.running.total ? state.running.done / state.running.total : null}
          onCancel={state.cancel}
          cancelLabel="Cancel the quick model"
          barLabel="Quick model progress"
          testIds={{ bar: 'quick-importance-progress', cancel: 'quick-importance-cancel' }}
        />
      ) : (
        <Group gap="xs">
          <Button size="xs" variant={result ? 'default' : 'filled'} leftSection={<IconPlayerPlay size={14} aria-hidden />} onClick={onRun} disabled={disabled} data-testid="quick-importance-run">
            {result ? 'Run again' : 'Rank by a quick model'}
          </Button>
          {result !== null && !current && (
            <Text size="xs" c="orange.8" data-testid="quick-importance-stale">
              The settings or the recipe changed since this ranking.
            </Text>
          )}
        </Group>
      )}
      {state.error && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} aria-hidden />} title="Could not rank by a quick model" data-testid="quick-importance-error">
          {state.error}
        </Alert>
      )}
    </Stack>
  );
}

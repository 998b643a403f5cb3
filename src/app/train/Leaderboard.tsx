import { Anchor, Badge, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDuration } from '../format/format';
import { stepCount } from './recipeEdit';
import { SHORT_NAMES, paramsWords } from './modelNames';
import { looksTooGood, mainMetric, METRIC_LABELS, recordKind, recordParams, sortRuns, type RunRecord, type SortKey } from './runRecord';
import { RunSettings } from './RunSettings';
import { useTrain } from './TrainProvider';

const fmt = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4));

const COLUMNS: { key: SortKey | null; label: string; numeric?: boolean }[] = [
  { key: 'at', label: 'Run' },
  { key: 'kind', label: 'Model' },
  { key: null, label: 'Settings' },
  { key: null, label: 'Recipe' },
  { key: 'cv', label: 'CV mean ± std', numeric: true },
  { key: 'holdout', label: 'Held-out', numeric: true },
  { key: 'ms', label: 'Time', numeric: true },
];

/** Every training run on this dataset, sortable; select one to read its settings and train again with them. */
export function Leaderboard() {
  const { runs, selectedRunId, selectRun } = useTrain();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'at', descending: true });
  if (runs.length === 0) return null;
  const sorted = sortRuns(runs, sort.key, sort.descending);
  const selected = runs.find((r) => r.id === selectedRunId) ?? null;
  const numberOf = (r: RunRecord) => runs.indexOf(r) + 1;
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-leaderboard-heading" data-testid="leaderboard">
      <Title order={3} size="h5" id="gb-leaderboard-heading">
        Leaderboard
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Every run on this dataset, kept with the workspace, and every trial of a hyper-parameter search (cross-validated only). Compare on the
        cross-validation mean (AUC for classifiers, R² for regressions) and its spread across folds; the held-out figure is the final check of the
        run you keep. Select a run to see its settings and results.
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table fz="sm" verticalSpacing={5} highlightOnHover withTableBorder aria-label="Training runs" data-testid="leaderboard-table">
          <Table.Thead>
            <Table.Tr>
              {COLUMNS.map((c) => {
                const active = c.key !== null && sort.key === c.key;
                return (
                  <Table.Th key={c.label} scope="col" className={c.numeric ? 'gb-num' : undefined} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                    {c.key === null ? (
                      c.label
                    ) : (
                      <UnstyledButton
                        onClick={() => setSort((cur) => ({ key: c.key!, descending: cur.key === c.key ? !cur.descending : c.key !== 'kind' }))}
                        fz="sm"
                        fw={600}
                        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
                        aria-label={`Sort by ${c.label}`}
                        data-testid={`leaderboard-sort-${c.key}`}
                      >
                        {c.label}
                        {active ? sort.descending ? <IconArrowDown size={13} aria-hidden /> : <IconArrowUp size={13} aria-hidden /> : <IconSelector size={13} aria-hidden opacity={0.5} />}
                      </UnstyledButton>
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => {
              const metric = mainMetric(r.target.kind);
              const label = METRIC_LABELS[metric];
              const isSelected = r.id === selectedRunId;
              return (
                <Table.Tr key={r.id} className={isSelected ? 'gb-selected-row' : undefined} data-testid={`leaderboard-row-${numberOf(r)}`} aria-selected={isSelected}>
                  <Table.Td>
                    <Anchor component="button" type="button" fz="sm" fw={600} onClick={() => selectRun(r.id)} aria-pressed={isSelected} aria-label={`Select run ${numberOf(r)}`}>
                      #{numberOf(r)}
                    </Anchor>{' '}
                    <Text span size="xs" c="dimmed">
                      {new Date(r.at).toLocaleTimeString('en-GB')}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid={`leaderboard-model-${numberOf(r)}`}>
                    {SHORT_NAMES[recordKind(r)]}{' '}
                    <Text span size="xs" c="dimmed">
                      → {r.target.column}
                    </Text>
                    {r.search && (
                      <Badge size="xs" radius="sm" ml={6} variant={r.search.trial === null || r.search.trial === r.search.best ? 'filled' : 'light'} color={r.search.trial === null ? 'teal' : 'gray'}>
                        {r.search.trial === null ? `best of ${r.search.trials}-trial ${r.search.strategy} search` : `${r.search.strategy} trial ${r.search.trial}/${r.search.trials}${r.search.trial === r.search.best ? ' · best' : ''}`}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text span size="xs">
                      {paramsWords(recordKind(r), recordParams(r))}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {stepCount(r.recipe)}{' '}
                    <Text span size="xs" c="dimmed" className="gb-mono">
                      {r.recipeHash}
                    </Text>
                  </Table.Td>
                  <Table.Td className="gb-num" data-testid={`leaderboard-cv-${numberOf(r)}`}>
                    <Text span size="xs" c="dimmed">
                      {label}{' '}
                    </Text>
                    <b>{fmt(r.cv?.mean[metric])}</b>
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ± {fmt(r.cv?.std[metric])}
                    </Text>
                    {looksTooGood(r) && (
                      <Badge color="orange" variant="light" size="xs" ml={6} radius="sm">
                        too good?
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td className="gb-num" data-testid={`leaderboard-holdout-${numberOf(r)}`}>
                    {r.holdout ? (
                      <>
                        <Text span size="xs" c="dimmed">
                          {label}{' '}
                        </Text>
                        <b>{fmt(r.holdout[metric])}</b>
                      </>
                    ) : (
                      <Text span size="xs" c="dimmed">
                        {r.search && r.search.trial !== null ? 'CV only' : 'no holdout'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="gb-num">{formatDuration(r.ms)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {selected && <RunSettings record={selected} number={numberOf(selected)} />}
    </Paper>
  );
}

import { Alert, Badge, Box, Button, Group, Paper, Select, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCheck, IconInfoCircle, IconPlayerPlay, IconRestore } from '@tabler/icons-react';
import { useMemo } from 'react';
import { errorKindLabel } from '../api/errors';
import { TYPE_COLORS } from '../dataset/columnTypes';
import { useDataset, useSession } from '../session/SessionProvider';
import { completeMapping } from './mapping';
import type { ImportedModel } from './ModelProvider';
import { useModel } from './ModelProvider';
import { ScoringModeControl } from './ScoringModeControl';
import { ScoringProgress } from './ScoringProgress';
import { scoringWords, typeWords } from './modelText';

function sameMapping(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  return a.length === b.length && a.every((c, k) => c === b[k]);
}

/** One row per model slot with the dataset column feeding it; then Score. */
export function ModelMapping({ model }: { model: ImportedModel }) {
  const { dataset } = useDataset();
  const { setView } = useSession();
  const { mapping, run, training, scored, scoreError, scoreNotice, setSlot, resetMapping, score } = useModel();
  const busy = run !== null || training;
  const { slots, suggestedMapping } = model.info;
  const types = useMemo(() => new Map(dataset.summary.columns.map((c) => [c.name, c.type])), [dataset.summary.columns]);
  const options = useMemo(() => dataset.summary.columns.map((c) => ({ value: c.name, label: c.name })), [dataset.summary.columns]);
  const unmapped = mapping.filter((c) => c === null).length;
  const complete = completeMapping(mapping);
  const stale = scored !== null && !sameMapping(scored.summary.mapping, mapping);

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-model-mapping-heading" data-testid="model-mapping">
      <Title order={3} size="h5" id="gb-model-mapping-heading" mb={4}>
        Map the dataset's columns to the model's inputs
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Prefilled from the model's {model.info.signature.featureNames ? 'feature_names metadata' : 'input names'} where{' '}
        {dataset.summary.name} has a column of that name. Numbers, booleans (0/1) and dates are fed as numbers; missing values as
        NaN.
      </Text>
      {slots.length === 0 ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="The model does not say what it takes">
          Its input has no fixed width and no feature_names metadata, so Glassbox cannot tell how many columns to map. Score it with{' '}
          <code>glassbox predict --features a,b,c</code>, or re-export it with feature_names.
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" verticalSpacing={4} withTableBorder aria-label="Column for each model input">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={40} className="gb-num">
                  #
                </Table.Th>
                <Table.Th scope="col">Model input</Table.Th>
                <Table.Th scope="col">Expected column</Table.Th>
                <Table.Th scope="col">Fed as</Table.Th>
                <Table.Th scope="col" w={380}>
                  Dataset column
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slots.map((slot, k) => {
                const column = mapping[k] ?? null;
                const manual = column !== null && column !== suggestedMapping[k];
                return (
                  <Table.Tr key={`${slot.label}-${k}`} className={column === null ? 'gb-unmapped-row' : undefined} data-testid={`mapping-row-${k}`}>
                    <Table.Td className="gb-num" c="dimmed">
                      {k + 1}
                    </Table.Td>
                    <Table.Td className="gb-mono">{slot.label}</Table.Td>
                    <Table.Td className="gb-mono" c={slot.expected ? undefined : 'dimmed'}>
                      {slot.expected ?? 'not stated'}
                    </Table.Td>
                    <Table.Td>{typeWords(slot.elementType)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Select
                          aria-label={`Column for ${slot.label}`}
                          placeholder="Choose a column"
                          data={options}
                          value={column}
                          onChange={(v) => setSlot(k, v)}
                          searchable
                          clearable
                          disabled={busy}
                          nothingFoundMessage="No such column"
                          size="xs"
                          style={{ flex: 1 }}
                          error={column === null}
                          renderOption={({ option }) => (
                            <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
                              <span>{option.label}</span>
                              <Text size="xs" c={`${TYPE_COLORS[types.get(option.value) ?? 'text']}.8`} aria-hidden>
                                {types.get(option.value)}
                              </Text>
                            </Group>
                          )}
                          data-testid={`mapping-select-${k}`}
                        />
                        <Box w={84} style={{ flexShrink: 0 }}>
                          {column === null ? (
                            <Badge color="orange" variant="light" size="sm" radius="sm">
                              Not mapped
                            </Badge>
                          ) : manual ? (
                            <Badge color="gray" variant="outline" size="sm" radius="sm" title="Chosen by hand (differs from the model's name)">
                              By hand
                            </Badge>
                          ) : (
                            <IconCheck size={16} color="var(--mantine-color-green-7)" aria-label="Matches the model's name" style={{ display: 'block' }} />
                          )}
                        </Box>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={score} disabled={!complete || busy} data-testid="score-dataset">
            Score dataset
          </Button>
          {!sameMapping(mapping, suggestedMapping) && (
            <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} onClick={resetMapping} disabled={busy}>
              Reset to suggested
            </Button>
          )}
          <Text size="sm" c={unmapped ? 'orange.8' : 'dimmed'} data-testid="mapping-status">
            {slots.length === 0
              ? ''
              : unmapped
                ? `${unmapped} of ${slots.length} inputs not mapped yet`
                : `All ${slots.length} inputs mapped`}
          </Text>
        </Group>
        {scored && !stale && (
          <Button variant="light" rightSection={<IconArrowRight size={16} aria-hidden />} onClick={() => setView({ modelTab: 'evaluation' })} data-testid="go-to-evaluation">
            Evaluate the model
          </Button>
        )}
      </Group>

      <Box mt="md" maw={520}>
        <ScoringModeControl threadsInUse={model.info.threads} disabled={busy} />
      </Box>
      {run && <ScoringProgress run={run} />}
      {scoreError && (
        <Alert color="red" variant="light" mt="md" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={scoreError.title} data-testid="scoring-error">
          <Text size="sm">{scoreError.message}</Text>
          <Badge color="red" variant="outline" size="sm" mt={6}>
            {errorKindLabel(scoreError.kind)}
          </Badge>
        </Alert>
      )}
      {scoreNotice && !run && (
        <Alert color="gray" variant="light" mt="md" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="scoring-notice">
          {scoreNotice}
        </Alert>
      )}
      {scored && <ScoringResult stale={stale} />}
    </Paper>
  );
}

function ScoringResult({ stale }: { stale: boolean }) {
  const { scored } = useModel();
  if (!scored) return null;
  const s = scored.summary;
  return (
    <>
      <Group gap="xs" mt="md">
        <IconCheck size={16} color="var(--mantine-color-green-7)" aria-hidden />
        <Text size="sm" data-testid="scoring-summary">
          {scoringWords(s)}
        </Text>
      </Group>
      {s.missingScores > 0 && (
        <Text size="sm" c="orange.8" mt={4}>
          {s.missingScores.toLocaleString('en-US')} rows got no score (the model returned NaN); the evaluation leaves them out.
        </Text>
      )}
      {stale && (
        <Text size="sm" c="orange.8" mt={4} data-testid="mapping-stale">
          The mapping changed since this scoring: press Score dataset to use it (the evaluation still shows the previous scores).
        </Text>
      )}
    </>
  );
}

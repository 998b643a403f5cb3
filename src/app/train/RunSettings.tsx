import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconRepeat } from '@tabler/icons-react';
import { stepCount, stepWords, stepColumns } from './recipeEdit';
import { MODEL_NAMES, paramsWords } from './modelNames';
import { recordKind, recordParams, type RunRecord } from './runRecord';
import { useTrain } from './TrainProvider';
import { cvSchemeFor } from './trainSettings';

const SCHEME_NAMES = { kfold: 'k-fold', stratified: 'stratified k-fold', group: 'group k-fold', time: 'forward-chaining in time' } as const;

/** A run's settings in words, and "Train again with these settings". */
export function RunSettings({ record, number }: { record: RunRecord; number: number }) {
  const { restoreRun, job } = useTrain();
  const s = record.settings;
  const kind = recordKind(record);
  const scheme = cvSchemeFor(record.target.kind, s.cv.scheme);
  const rows: [string, string][] = [
    ['Target', `${record.target.column}${record.target.positive !== null ? ` (positive class ${record.target.positive})` : ''}`],
    [
      'Model',
      `${MODEL_NAMES[kind]}, ${paramsWords(kind, recordParams(record))}, seed ${s.seed}${kind === 'logistic' && s.calibration !== 'none' ? `, ${s.calibration} calibration` : ''}`,
    ],
    ['Excluded', s.exclude.length ? s.exclude.join(', ') : 'none'],
    ['Holdout', s.holdout.enabled ? `${Math.round(s.holdout.fraction * 100)}% ${s.holdout.mode === 'recent' ? `most recent by ${s.holdout.column ?? '?'}` : record.target.kind === 'logistic' ? 'at random (stratified)' : 'at random'}` : 'none'],
    ['Cross-validation', `${s.cv.folds} folds, ${SCHEME_NAMES[scheme]}${scheme === 'group' || scheme === 'time' ? ` by ${s.cv.column ?? '?'}` : ''}`],
  ];
  return (
    <Paper withBorder radius="sm" p="sm" mt="md" bg="gray.0" data-testid="run-settings">
      <Group justify="space-between" wrap="wrap" mb={6}>
        <Text fw={600} size="sm">
          Run {number}: settings
        </Text>
        <Button size="xs" variant="light" leftSection={<IconRepeat size={14} aria-hidden />} onClick={() => restoreRun(record.id)} disabled={job !== null} data-testid="train-again">
          Train again with these settings
        </Button>
      </Group>
      <Table fz="sm" verticalSpacing={2} withRowBorders={false}>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" w={150} fw={500} c="gray.7">
                {k}
              </Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row" w={150} fw={500} c="gray.7" style={{ verticalAlign: 'top' }}>
              Recipe
            </Table.Th>
            <Table.Td>
              <Text size="sm" mb={2}>
                {stepCount(record.recipe)} · <span className="gb-mono">{record.recipeHash}</span>
              </Text>
              {record.recipe.steps.map((st, i) => (
                <Text key={i} size="xs" c="dimmed">
                  {i + 1}. <Badge size="xs" variant="outline" color="gray" radius="sm">{String(st.step)}</Badge> {stepColumns(st).join(', ')} — {stepWords(st)}
                </Text>
              ))}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

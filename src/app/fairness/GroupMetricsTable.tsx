import { Badge, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import type { FairnessGroup } from '../../core/fairness/fairnessReport';
import { SMALL_GROUP } from '../../core/fairness/fairnessDefinitions';
import { formatCount, formatPercent, formatStat } from '../format/format';

const COLUMNS = [
  ['selectionRate', 'Selection rate', true],
  ['truePositiveRate', 'TPR', true],
  ['falsePositiveRate', 'FPR', true],
  ['precision', 'Precision', true],
  ['accuracy', 'Accuracy', true],
  ['auc', 'AUC', false],
  ['expectedCalibrationError', 'Calibration error', false],
] as const;

/** One attribute's groups: rows (small groups flagged), then each metric with its 95 % interval. */
export function GroupMetricsTable({ groups }: { groups: readonly FairnessGroup[] }) {
  return (
    <ScrollArea type="auto">
      <Table fz="sm" striped highlightOnHover withTableBorder data-testid="fairness-groups-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Group</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            {COLUMNS.map(([key, label]) => (
              <Table.Th key={key} ta="right">
                {label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.group} data-testid="fairness-group-row">
              <Table.Td>
                {g.group}{' '}
                {g.small && (
                  <Tooltip label={`Fewer than ${SMALL_GROUP} rows: too few to judge; its intervals are wide.`} withArrow>
                    <Badge size="xs" color="orange" variant="light" data-testid="small-group">
                      {g.count === 0 ? 'no rows' : 'small'}
                    </Badge>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCount(g.count)}
              </Table.Td>
              {COLUMNS.map(([key, , percent]) => {
                const value = g[key];
                const ci = g.ci[key];
                const fmt = (x: number) => (percent ? formatPercent(x) : formatStat(x));
                return (
                  <Table.Td key={key} ta="right" ff="monospace">
                    {value === null ? '—' : fmt(value)}
                    {ci && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        [{fmt(ci[0])}, {fmt(ci[1])}]
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

import { Table, Text } from '@mantine/core';
import type { Snapshot } from '../../core/experiment/snapshotSchema';

/** The header row of a side-by-side table: one column per experiment, named by its note (or model) and id. */
export function ExperimentColumnsHeader({ list }: { list: Snapshot[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th />
        {list.map((s) => (
          <Table.Th key={s.id}>
            {s.note ?? s.model.name}{' '}
            <Text span size="xs" c="dimmed" ff="monospace">
              {s.id.slice(0, 8)}
            </Text>
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

import { ActionIcon, Group, Loader, NativeSelect, Paper, ScrollArea, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ColumnType } from '../../core/data/table';
import { useDataset, useSession } from '../session/SessionProvider';
import { TYPE_LABELS, TYPE_OPTIONS, TypeIcon } from './columnTypes';

/** Every column with its inferred type and a select to override it (re-derived in the worker). */
export function ColumnList() {
  const { changeColumnType, pendingTypeColumn } = useSession();
  const { dataset } = useDataset();
  const columns = dataset.summary.columns;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="gb-columns-title">
      <Title order={3} size="h5" id="gb-columns-title">
        Columns ({columns.length})
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Types were inferred from the values; override one if it is wrong (e.g. a numeric code that is really a category).
      </Text>
      <ScrollArea.Autosize mah={520} type="auto" offsetScrollbars>
        <Table verticalSpacing={4} highlightOnHover stickyHeader layout="fixed" data-testid="column-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col" w={172}>
                Type
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((c) => {
              const overridden = c.type !== c.inferredType;
              const pending = pendingTypeColumn === c.name;
              return (
                <Table.Tr key={c.name} data-testid={`column-row-${c.name}`}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <TypeIcon type={c.type} />
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={500} truncate="end" title={c.name}>
                          {c.name}
                        </Text>
                        {overridden && (
                          <Text size="xs" c="orange.8">
                            inferred: {TYPE_LABELS[c.inferredType].toLowerCase()}
                          </Text>
                        )}
                      </div>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <NativeSelect
                        size="xs"
                        data={TYPE_OPTIONS}
                        value={c.type}
                        onChange={(e) => void changeColumnType(c.name, e.currentTarget.value as ColumnType)}
                        disabled={pendingTypeColumn !== null}
                        aria-label={`Type of ${c.name}`}
                        rightSection={pending ? <Loader size={12} /> : undefined}
                        style={{ flexGrow: 1 }}
                      />
                      {overridden ? (
                        <Tooltip label={`Back to the inferred type (${c.inferredType})`}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            onClick={() => void changeColumnType(c.name, c.inferredType)}
                            disabled={pendingTypeColumn !== null}
                            aria-label={`Use the inferred type for ${c.name}`}
                          >
                            <IconArrowBackUp size={14} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : (
                        <span style={{ width: 22 }} />
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  );
}

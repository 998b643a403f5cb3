import { Badge, Group, Paper, Text, Title, Tooltip } from '@mantine/core';
import { formatBytes, formatDuration, formatShape } from '../format/format';
import { useDataset } from '../session/SessionProvider';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function DatasetHeader() {
  const { dataset } = useDataset();
  const s = dataset.summary;
  const overrides = s.columns.filter((c) => c.type !== c.inferredType).length;
  return (
    <Paper withBorder p="md" radius="sm" component="header" aria-label="Dataset">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {dataset.source.kind === 'demo' ? 'Demo dataset' : 'Your file'}
          </Text>
          <Title order={2} size="h3" className="gb-mono" style={{ wordBreak: 'break-all' }} data-testid="dataset-name">
            {s.name}
          </Title>
          <Text size="lg" fw={500} data-testid="dataset-shape">
            {formatShape(s.rows, s.columns.length)}
          </Text>
        </div>
        <Group gap={6}>
          <Badge variant="light" radius="sm" data-testid="dataset-format">
            {s.format.toUpperCase()}
          </Badge>
          {s.format === 'csv' && s.delimiter && (
            <Badge variant="outline" color="gray" radius="sm">
              {DELIMITER_NAMES[s.delimiter] ?? s.delimiter}-separated
            </Badge>
          )}
          {s.format === 'csv' && (
            <Badge variant="outline" color="gray" radius="sm">
              decimal “{s.decimal}”
            </Badge>
          )}
          <Badge variant="outline" color="gray" radius="sm">
            {formatBytes(s.bytes)}
          </Badge>
          <Tooltip label={`${s.loadMs} ms`}>
            <Badge variant="outline" color="gray" radius="sm" tabIndex={0}>
              loaded in {formatDuration(s.loadMs)}
            </Badge>
          </Tooltip>
          {overrides > 0 && (
            <Badge variant="light" color="orange" radius="sm">
              {overrides} type {overrides === 1 ? 'override' : 'overrides'}
            </Badge>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

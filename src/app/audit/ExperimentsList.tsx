import { Alert, Anchor, Badge, Button, Checkbox, FileButton, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { IconArrowsLeftRight, IconFileImport, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { describeError } from '../api/errors';
import { QueryError } from '../explore/QueryState';
import { readSnapshotFile } from '../files/snapshotFile';
import { formatStat } from '../format/format';
import { viewToHash } from '../session/hashRoute';
import { useSession } from '../session/SessionProvider';
import type { SnapshotSummary } from '../workspace/snapshotStore';
import { useImportSnapshot, useSnapshotList } from './auditQueries';

function matches(s: SnapshotSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [s.note, s.author, s.model, s.data, s.target, s.id].some((t) => t !== null && t.toLowerCase().includes(q));
}

/** The experiments saved in this browser: search, filter by task, open, compare; snapshots opened from files join the list. */
export function ExperimentsList({ onCompare }: { onCompare: (ids: string[]) => void }) {
  const { view, setView } = useSession();
  const list = useSnapshotList();
  const importer = useImportSnapshot();
  const [query, setQuery] = useState('');
  const [task, setTask] = useState<'all' | 'classification' | 'regression'>('all');
  const [picked, setPicked] = useState<string[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const shown = useMemo(() => (list.data ?? []).filter((s) => (task === 'all' || s.task === task) && matches(s, query)), [list.data, task, query]);
  return (
    <Paper withBorder radius="sm" p="md" data-testid="experiments">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>Experiments in this browser</Text>
        <Group gap="xs">
          <FileButton
            accept=".json,application/json"
            onChange={(file) => {
              if (!file) return;
              setFileError(null);
              readSnapshotFile(file)
                .then((s) => importer.mutateAsync(s).then(() => setView({ ...view, step: 'audit', auditRef: s.id })))
                .catch((e: unknown) => setFileError(describeError(e).message));
            }}
          >
            {(props) => (
              <Button {...props} variant="default" size="xs" leftSection={<IconFileImport size={14} aria-hidden />} data-testid="open-snapshot-file">
                Open a snapshot file…
              </Button>
            )}
          </FileButton>
          <Button size="xs" variant="light" leftSection={<IconArrowsLeftRight size={14} aria-hidden />} disabled={picked.length < 2} onClick={() => onCompare(picked)} data-testid="compare-button">
            Compare {picked.length >= 2 ? picked.length : ''}
          </Button>
        </Group>
      </Group>
      {fileError && (
        <Alert color="red" variant="light" mb="sm" title="That file is not a snapshot Glassbox can read" data-testid="snapshot-file-error">
          {fileError}
        </Alert>
      )}
      <Group gap="sm" mb="sm">
        <TextInput leftSection={<IconSearch size={14} aria-hidden />} placeholder="Search notes, models, data, authors" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} aria-label="Search experiments" data-testid="experiments-search" />
        <SegmentedControl
          size="xs"
          value={task}
          onChange={(v) => setTask(v as typeof task)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'classification', label: 'Classifiers' },
            { value: 'regression', label: 'Regressors' },
          ]}
          aria-label="Task"
        />
      </Group>
      {list.error ? (
        <QueryError error={list.error} title="Could not read the experiments stored in this browser" />
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="experiments-empty">
          {list.data && list.data.length > 0 ? 'No experiment matches.' : 'No experiment saved yet: save one above, or open a snapshot file.'}
        </Text>
      ) : (
        <Table fz="sm" highlightOnHover withTableBorder data-testid="experiments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} aria-label="Compare" />
              <Table.Th>Saved</Table.Th>
              <Table.Th>Note</Table.Th>
              <Table.Th>Model</Table.Th>
              <Table.Th>Data</Table.Th>
              <Table.Th ta="right">Metric</Table.Th>
              <Table.Th>Recorded</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((s) => (
              <Table.Tr key={s.id} data-testid="experiment-row">
                <Table.Td>
                  <Checkbox aria-label={`Compare ${s.id.slice(0, 8)}`} checked={picked.includes(s.id)} onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      setPicked((cur) => (checked ? [...cur, s.id] : cur.filter((x) => x !== s.id)));
                    }} />
                </Table.Td>
                <Table.Td>
                  <Anchor href={viewToHash({ ...view, step: 'audit', auditRef: s.id })} onClick={(e) => (e.preventDefault(), setView({ step: 'audit', auditRef: s.id }))} data-testid="experiment-open">
                    {s.createdAt.slice(0, 19).replace('T', ' ')}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {s.id.slice(0, 12)}
                  </Text>
                </Table.Td>
                <Table.Td>{s.note ?? <Text c="dimmed">—</Text>}</Table.Td>
                <Table.Td>{s.model}</Table.Td>
                <Table.Td>
                  {s.data} → {s.target}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {s.metric.name} {formatStat(s.metric.value)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge size="xs" variant="light" color={s.embedded ? 'teal' : 'gray'}>
                      {s.embedded ? 'data embedded' : 'data referenced'}
                    </Badge>
                    {s.hasFairness && (
                      <Badge size="xs" variant="light">
                        fairness
                      </Badge>
                    )}
                    {s.parent && (
                      <Badge size="xs" variant="light" color="grape">
                        child of {s.parent.slice(0, 6)}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

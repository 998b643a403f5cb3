import { Alert, Anchor, Badge, Button, Checkbox, FileButton, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { IconArrowsLeftRight, IconFileImport, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { describeError } from '../api/errors';
import { QueryError } from '../explore/QueryState';
import { readSnapshotFile } from '../files/snapshotFile';
import { formatStat } from '../format/format';
import { viewToHash } from '../session/hashRoute';
import { useSession } from '../session/SessionProvider';
import type { Signoff, SnapshotListItem } from '../server/serverClient';
import { useServer } from '../server/ServerProvider';
import { useServerSnapshots, useSignoffIndex } from '../server/serverQueries';
import type { SnapshotSummary } from '../workspace/snapshotStore';
import { useImportSnapshot, useSnapshotList } from './auditQueries';

/** One experiment of the list: in this browser (with its summary), on the team server, or both. */
interface Row {
  id: string;
  createdAt: string;
  note: string | null;
  local: SnapshotSummary | null;
  remote: SnapshotListItem | null;
  waiting: boolean;
}

function mergeRows(local: SnapshotSummary[], remote: SnapshotListItem[], waiting: Set<string>): Row[] {
  const rows = new Map<string, Row>();
  for (const s of local) rows.set(s.id, { id: s.id, createdAt: s.createdAt, note: s.note, local: s, remote: null, waiting: waiting.has(s.id) });
  for (const r of remote) {
    const row = rows.get(r.id);
    if (row) row.remote = r;
    else rows.set(r.id, { id: r.id, createdAt: r.createdAt, note: r.note, local: null, remote: r, waiting: false });
  }
  return [...rows.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Each reviewer's latest decision on an experiment of the team server. */
function latestDecisions(signoffs: Signoff[]): Signoff[] {
  const byReviewer = new Map<string, Signoff>();
  for (const s of signoffs) byReviewer.set(s.reviewer, s);
  return [...byReviewer.values()];
}

function SignoffBadges({ signoffs }: { signoffs: Signoff[] }) {
  const latest = latestDecisions(signoffs);
  if (latest.length === 0) {
    return (
      <Badge size="xs" variant="light" color="yellow" data-testid="badge-awaiting">
        awaiting sign-off
      </Badge>
    );
  }
  return latest.map((s) => (
    <Badge key={s.reviewer} size="xs" variant="light" color={s.decision === 'approve' ? 'teal' : 'red'} data-testid="badge-signoff" title={s.comment ?? undefined}>
      {s.decision === 'approve' ? 'approved' : 'rejected'} by {s.reviewer}
    </Badge>
  ));
}

function matches(r: Row, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const s = r.local;
  return [r.note, s?.author ?? null, r.remote?.author ?? null, s?.model ?? null, s?.data ?? null, s?.target ?? null, r.id].some((t) => t !== null && t.toLowerCase().includes(q));
}

/** The experiments saved in this browser and on the team server: search, filter by task, open, compare; snapshots opened from files join the list. */
export function ExperimentsList({ onCompare }: { onCompare: (ids: string[]) => void }) {
  const { view, setView } = useSession();
  const list = useSnapshotList();
  const { state, pending } = useServer();
  const remote = useServerSnapshots();
  const signoffIndex = useSignoffIndex();
  const [awaitingOnly, setAwaitingOnly] = useState(false);
  const onServer = state.kind === 'signed-in';
  const importer = useImportSnapshot();
  const [query, setQuery] = useState('');
  const [task, setTask] = useState<'all' | 'classification' | 'regression'>('all');
  const [picked, setPicked] = useState<string[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const rows = useMemo(() => {
    const waiting = new Set(pending.filter((p) => p.refused === null).map((p) => p.id));
    return mergeRows(list.data ?? [], onServer ? (remote.data?.pages.flatMap((p) => p.items) ?? []) : [], waiting);
  }, [list.data, remote.data, onServer, pending]);
  const awaiting = (r: Row) => r.remote !== null && (signoffIndex.data?.get(r.id) ?? []).length === 0;
  const shown = rows.filter((r) => (task === 'all' || r.local?.task === task) && matches(r, query) && (!awaitingOnly || awaiting(r)));
  return (
    <Paper withBorder radius="sm" p="md" data-testid="experiments">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{onServer ? 'Experiments in this browser and on the team server' : 'Experiments in this browser'}</Text>
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
        {onServer && <Checkbox label="Awaiting sign-off" checked={awaitingOnly} onChange={(e) => setAwaitingOnly(e.currentTarget.checked)} data-testid="filter-awaiting" />}
      </Group>
      {onServer && remote.error !== null && <QueryError error={remote.error} title="Could not list the team server’s experiments" />}
      {list.error ? (
        <QueryError error={list.error} title="Could not read the experiments stored in this browser" />
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="experiments-empty">
          {rows.length > 0 ? 'No experiment matches.' : 'No experiment saved yet: save one above, or open a snapshot file.'}
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
            {shown.map((r) => {
              const s = r.local;
              return (
                <Table.Tr key={r.id} data-testid="experiment-row">
                  <Table.Td>
                    <Checkbox
                      aria-label={`Compare ${r.id.slice(0, 8)}`}
                      checked={picked.includes(r.id)}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setPicked((cur) => (checked ? [...cur, r.id] : cur.filter((x) => x !== r.id)));
                      }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={viewToHash({ ...view, step: 'audit', auditRef: r.id })} onClick={(e) => (e.preventDefault(), setView({ step: 'audit', auditRef: r.id }))} data-testid="experiment-open">
                      {r.createdAt.slice(0, 19).replace('T', ' ')}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {r.id.slice(0, 12)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.note ?? <Text c="dimmed">—</Text>}
                    {r.remote && (
                      <Text size="xs" c="dimmed">
                        by {r.remote.author}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{s ? s.model : <Text c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>{s ? `${s.data} → ${s.target}` : <Text c="dimmed">—</Text>}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {s ? `${s.metric.name} ${formatStat(s.metric.value)}` : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {s && (
                        <Badge size="xs" variant="light" color="gray" data-testid="badge-local">
                          this browser
                        </Badge>
                      )}
                      {r.remote && (
                        <Badge size="xs" variant="light" color="blue" data-testid="badge-server">
                          team server
                        </Badge>
                      )}
                      {r.remote && signoffIndex.data && <SignoffBadges signoffs={signoffIndex.data.get(r.id) ?? []} />}
                      {r.waiting && (
                        <Badge size="xs" variant="light" color="orange" data-testid="badge-waiting">
                          waiting to upload
                        </Badge>
                      )}
                      {s && (
                        <Badge size="xs" variant="light" color={s.embedded ? 'teal' : 'gray'}>
                          {s.embedded ? 'data embedded' : 'data referenced'}
                        </Badge>
                      )}
                      {s?.hasFairness && (
                        <Badge size="xs" variant="light">
                          fairness
                        </Badge>
                      )}
                      {s?.parent && (
                        <Badge size="xs" variant="light" color="grape">
                          child of {s.parent.slice(0, 6)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {onServer && remote.hasNextPage && (
        <Button mt="sm" size="xs" variant="default" loading={remote.isFetchingNextPage} onClick={() => void remote.fetchNextPage()}>
          Load more from the team server
        </Button>
      )}
    </Paper>
  );
}

import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconCloudUpload, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { describeError } from '../api/errors';
import { QueryError } from '../explore/QueryState';
import { useServer } from './ServerProvider';
import { useAuditLogRecord, useSignOff, useSignoffs, useUploadSnapshot } from './serverQueries';

/** Who signed the experiment off on the team server (separate records: the snapshot never changes), and the reviewer's form. */
export function SignoffsPanel({ snapshot }: { snapshot: Snapshot }) {
  const { state } = useServer();
  const signoffs = useSignoffs(snapshot.id);
  const record = useAuditLogRecord(snapshot.id);
  const upload = useUploadSnapshot();
  if (state.kind !== 'signed-in') return null;
  const onServer = signoffs.data !== null && signoffs.data !== undefined;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="signoffs">
      <Group gap="xs" mb={6}>
        <IconSignature size={18} aria-hidden />
        <Text fw={600} size="sm">
          Sign-offs on the team server
        </Text>
      </Group>
      {signoffs.error ? (
        <QueryError error={signoffs.error} title="Could not read the sign-offs" />
      ) : signoffs.isPending ? (
        <Text size="sm" c="dimmed">
          Reading the sign-offs…
        </Text>
      ) : !onServer ? (
        <Group gap="xs">
          <Text size="sm" data-testid="signoffs-not-on-server">
            This experiment is not on the team server{state.me.role === 'editor' ? '.' : ' (an editor can upload it).'}
          </Text>
          {state.me.role === 'editor' && (
            <Button size="compact-sm" variant="light" leftSection={<IconCloudUpload size={14} aria-hidden />} loading={upload.isPending} onClick={() => upload.mutate(snapshot)} data-testid="upload-snapshot">
              Upload it
            </Button>
          )}
          {upload.error && <Text size="sm" c="red">{describeError(upload.error).message}</Text>}
        </Group>
      ) : (
        <Stack gap="sm">
          {signoffs.data!.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="signoffs-empty">
              No one has signed this experiment off yet.
            </Text>
          ) : (
            <Table fz="sm" withTableBorder data-testid="signoffs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reviewer</Table.Th>
                  <Table.Th>Decision</Table.Th>
                  <Table.Th>Comment</Table.Th>
                  <Table.Th>When (UTC)</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {signoffs.data!.map((s) => (
                  <Table.Tr key={s.id} data-testid="signoff-row">
                    <Table.Td>{s.reviewer}</Table.Td>
                    <Table.Td>
                      <Badge color={s.decision === 'approve' ? 'teal' : 'red'} variant="light">
                        {s.decision === 'approve' ? 'Approved' : 'Rejected'}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{s.comment ?? '—'}</Table.Td>
                    <Table.Td ff="monospace">{s.at.slice(0, 19).replace('T', ' ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {state.me.role === 'reviewer' &&
            (record.data?.created?.actor === state.me.name ? (
              <Text size="sm" c="dimmed" data-testid="signoff-own">
                You created this experiment, so another reviewer must sign it off.
              </Text>
            ) : (
              <SignOffForm id={snapshot.id} />
            ))}
        </Stack>
      )}
    </Paper>
  );
}

function SignOffForm({ id }: { id: string }) {
  const mutation = useSignOff(id);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [comment, setComment] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ decision, comment: comment.trim() || null }, { onSuccess: () => setComment('') });
      }}
      data-testid="signoff-form"
    >
      <Group align="flex-end" gap="xs">
        <SegmentedControl
          value={decision}
          onChange={(v) => setDecision(v as 'approve' | 'reject')}
          aria-label="Decision"
          data={[
            { value: 'approve', label: 'Approve' },
            { value: 'reject', label: 'Reject' },
          ]}
          data-testid="signoff-decision"
        />
        <Textarea label="Comment" placeholder="What you checked, conditions of approval" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={1} w={420} maxLength={10000} data-testid="signoff-comment" />
        <Button type="submit" loading={mutation.isPending} data-testid="signoff-submit">
          Sign off
        </Button>
      </Group>
      {mutation.error && (
        <Alert color="red" variant="light" mt="xs" title="The sign-off was not recorded">
          {describeError(mutation.error).message}
        </Alert>
      )}
    </form>
  );
}

import { Alert, List, Loader, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldQuestion } from '@tabler/icons-react';
import type { AuditLogRecord } from '../../core/experiment/auditLogRecord';
import type { VerifyResult } from '../../core/experiment/verifySnapshot';
import { describeError } from '../api/errors';

/** The team server's audit log as a witness: its record of the snapshot, or why there is none. */
export interface ServerWitness {
  record: AuditLogRecord | null;
  /** Why the record is not available (not signed in, an editor's token, not on the server…), or null. */
  note: string | null;
}

/** As `glassbox verify --server`: the log's reasons make the result not verified. */
export function withWitness(result: VerifyResult, witness: ServerWitness | null): VerifyResult {
  if (!witness?.record || witness.record.reasons.length === 0) return result;
  return { ...result, status: 'not-verified', reasons: [...result.reasons, ...witness.record.reasons] };
}

/** What verification found, as `glassbox verify` says it: verified / consistent (data not embedded) / not verified, with the reasons. */
export function VerificationBanner({ result: own, pending, error, embedded, witness = null }: { result: VerifyResult | undefined; pending: boolean; error: unknown; embedded: boolean; witness?: ServerWitness | null }) {
  const result = own ? withWitness(own, witness) : own;
  if (pending) {
    return (
      <Alert variant="light" color="gray" data-testid="verification-banner" data-status="pending">
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{embedded ? 'Verifying: checking the hashes and re-scoring the model on the embedded data…' : 'Verifying the hashes…'}</Text>
        </Group>
      </Alert>
    );
  }
  if (error || !result) {
    return (
      <Alert variant="light" color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title="Could not verify" data-testid="verification-banner" data-status="error">
        {error ? describeError(error).message : 'No result.'}
      </Alert>
    );
  }
  const look =
    result.status === 'verified'
      ? { color: 'teal', icon: <IconCircleCheck size={18} aria-hidden />, title: 'Verified', text: 'The content, model and data hashes match, and re-scoring the model on the embedded data reproduces every recorded metric and fairness figure (to 1e-9).' }
      : result.status === 'consistent'
        ? { color: 'yellow', icon: <IconShieldQuestion size={18} aria-hidden />, title: 'Consistent', text: 'The hashes match, but the data is referenced rather than embedded, so the recorded figures could not be re-scored here.' }
        : { color: 'red', icon: <IconAlertTriangle size={18} aria-hidden />, title: 'Not verified', text: 'Do not rely on this snapshot: what it records does not match its content.' };
  return (
    <Alert variant="light" color={look.color} icon={look.icon} title={look.title} data-testid="verification-banner" data-status={result.status}>
      <Text size="sm">{look.text}</Text>
      {witness && <WitnessLine witness={witness} />}
      {result.reasons.length > 0 && (
        <List size="sm" mt={4} data-testid="verification-reasons">
          {result.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function WitnessLine({ witness }: { witness: ServerWitness }) {
  const r = witness.record;
  if (!r) {
    return witness.note ? (
      <Text size="sm" mt={4} c="dimmed" data-testid="verification-server">
        {witness.note}
      </Text>
    ) : null;
  }
  if (r.reasons.length > 0) return null;
  return (
    <Text size="sm" mt={4} data-testid="verification-server">
      The team server’s audit log backs it: created by <b>{r.created!.actor}</b> on {r.created!.at.slice(0, 19).replace('T', ' ')} UTC (entry {r.created!.seq}); the log’s hash chain of {r.entries} entries is intact
      {r.signoffs ? `; ${r.signoffs} sign-off${r.signoffs === 1 ? '' : 's'}` : ''}; read {r.reads} time{r.reads === 1 ? '' : 's'}.
    </Text>
  );
}

import { Alert, List, Loader, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconShieldQuestion } from '@tabler/icons-react';
import type { VerifyResult } from '../../core/experiment/verifySnapshot';
import { describeError } from '../api/errors';

/** What verification found, as `glassbox verify` says it: verified / consistent (data not embedded) / not verified, with the reasons. */
export function VerificationBanner({ result, pending, error, embedded }: { result: VerifyResult | undefined; pending: boolean; error: unknown; embedded: boolean }) {
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

import { Alert, Badge, Button, Checkbox, Group, Paper, PasswordInput, Text } from '@mantine/core';
import { IconCloud, IconCloudOff, IconLogout, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '../api/errors';
import { useQueryClient } from '@tanstack/react-query';
import { retryUpload, uploaded } from './outbox';
import { SERVER_KEY, useServer } from './ServerProvider';

const ROLE_CAN: Record<string, string> = {
  editor: 'save experiments',
  reviewer: 'sign experiments off and read the audit log',
  auditor: 'open experiments and read the audit log',
};

/** The team server's state at the top of the Audit step: who is signed in, sign in with a token, or why it is not available. */
export function ServerConnection() {
  const { state, signOut, pending, syncNow, syncing } = useServer();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: SERVER_KEY });
  const waiting = pending.filter((p) => p.refused === null);
  const refused = pending.filter((p) => p.refused !== null);
  if (state.kind === 'checking' || (state.kind === 'none' && pending.length === 0)) return null;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="server-connection" data-state={state.kind}>
      {state.kind === 'signed-in' && (
        <Group justify="space-between">
          <Group gap="xs">
            <IconCloud size={18} aria-hidden color="var(--mantine-color-teal-7)" />
            <Text size="sm" data-testid="server-signed-in">
              Team server: signed in as <b>{state.me.name}</b>
            </Text>
            <Badge size="sm" variant="light" data-testid="server-role">
              {state.me.role}
            </Badge>
            <Text size="xs" c="dimmed">
              may {ROLE_CAN[state.me.role]} · {state.health.storage === 'postgresql' ? 'PostgreSQL' : 'SQLite'} · Glassbox {state.health.version}
              {state.me.expiresAt ? ` · token expires ${state.me.expiresAt.slice(0, 16).replace('T', ' ')}` : ''}
            </Text>
          </Group>
          <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconLogout size={14} aria-hidden />} onClick={signOut} data-testid="server-sign-out">
            Sign out
          </Button>
        </Group>
      )}
      {(state.kind === 'signed-out' || state.kind === 'refused') && <SignInForm refusal={state.kind === 'refused' ? state.message : null} />}
      {state.kind === 'unreachable' && (
        <Alert color="orange" variant="light" icon={<IconCloudOff size={18} aria-hidden />} title="The team server cannot be reached" data-testid="server-unreachable">
          Experiments are kept in this browser in the meantime{waiting.length ? ` — ${waiting.length} waiting to be uploaded when the server is back` : ''}. Nothing is lost. ({state.message})
        </Alert>
      )}
      {state.kind === 'none' && (
        <Text size="sm" c="dimmed">
          This page is not served by a Glassbox server; {waiting.length} experiment{waiting.length === 1 ? '' : 's'} saved for one wait in this browser.
        </Text>
      )}
      {waiting.length > 0 && state.kind === 'signed-in' && (
        <Group gap="xs" mt="xs">
          <Text size="sm" data-testid="server-waiting">
            {waiting.length} experiment{waiting.length === 1 ? '' : 's'} saved while the server was unreachable {syncing ? 'are being uploaded…' : 'wait to be uploaded.'}
          </Text>
          {state.me.role === 'editor' && (
            <Button size="compact-sm" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={syncing} onClick={() => void syncNow()}>
              Upload now
            </Button>
          )}
        </Group>
      )}
      {refused.length > 0 && (
        <Alert color="red" variant="light" mt="xs" title="The server did not take these experiments (they are kept in this browser)">
          {refused.map((p) => (
            <Group key={p.id} gap="xs" wrap="nowrap">
              <Text size="sm">
                {p.id.slice(0, 12)}: {p.refused}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => void retryUpload(p.id).then(refresh)}>
                Try again
              </Button>
              <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void uploaded(p.id).then(refresh)}>
                Keep it in this browser only
              </Button>
            </Group>
          ))}
        </Alert>
      )}
    </Paper>
  );
}

function SignInForm({ refusal }: { refusal: string | null }) {
  const { signIn } = useServer();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!token.trim()) return;
    setBusy(true);
    setError(null);
    signIn(token, remember)
      .then(() => setToken(''))
      .catch((e: unknown) => setError(describeError(e).message))
      .finally(() => setBusy(false));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="server-sign-in"
    >
      <Group gap="xs" mb={4}>
        <IconCloud size={18} aria-hidden />
        <Text size="sm" fw={600}>
          A team server is available
        </Text>
        <Text size="sm" c="dimmed">
          Sign in with the token you were given (<code>glassbox token</code>) to share experiments and sign-offs.
        </Text>
      </Group>
      {refusal && (
        <Alert color="red" variant="light" mb="xs" title="Signed out">
          {refusal}
        </Alert>
      )}
      <Group gap="xs" align="flex-end">
        <PasswordInput label="Token" placeholder="gbx_…" value={token} onChange={(e) => setToken(e.currentTarget.value)} w={420} autoComplete="off" data-testid="server-token" error={error} />
        <Button type="submit" loading={busy} disabled={!token.trim()} data-testid="server-sign-in-button">
          Sign in
        </Button>
        <Checkbox label="Stay signed in on this device" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} mb={8} />
      </Group>
    </form>
  );
}

import { Badge, Button, Tooltip } from '@mantine/core';
import { IconCloud, IconCloudOff, IconLogin } from '@tabler/icons-react';
import { useSession } from '../session/SessionProvider';
import { useServer } from './ServerProvider';

/** The header's sign of the team server: who is signed in, or that it cannot be reached (work goes on in this browser). */
export function ServerBadge() {
  const { state, pending } = useServer();
  const { view, setView } = useSession();
  if ((state.kind === 'signed-out' || state.kind === 'refused') && view.step !== 'audit') {
    // the sign-in form is on the Audit step
    return (
      <Button size="xs" variant="light" leftSection={<IconLogin size={14} aria-hidden />} onClick={() => setView({ step: 'audit', auditRef: null })} data-testid="server-sign-in-link">
        Sign in to the team server
      </Button>
    );
  }
  if (state.kind === 'signed-in') {
    return (
      <Tooltip label={`Signed in to the team server (${state.health.storage === 'postgresql' ? 'PostgreSQL' : 'SQLite'})`} openDelay={300}>
        <Badge variant="light" color="teal" size="lg" radius="sm" leftSection={<IconCloud size={14} aria-hidden />} data-testid="server-badge" data-state="signed-in">
          {state.me.name} · {state.me.role}
        </Badge>
      </Tooltip>
    );
  }
  if (state.kind === 'unreachable') {
    const waiting = pending.filter((p) => p.refused === null).length;
    return (
      <Tooltip label="Experiments are kept in this browser and uploaded when the server is back" openDelay={300}>
        <Badge variant="light" color="orange" size="lg" radius="sm" leftSection={<IconCloudOff size={14} aria-hidden />} data-testid="server-badge" data-state="unreachable">
          Server unreachable{waiting ? ` · ${waiting} waiting` : ''}
        </Badge>
      </Tooltip>
    );
  }
  return null;
}

import { Alert, Button, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { LeakageFlag } from './leakage';

/** The columns that look like target leakage, why, and a one-click exclusion. */
export function LeakageAlert({ flags, excluded, onExclude }: { flags: LeakageFlag[]; excluded: readonly string[]; onExclude: (columns: string[]) => void }) {
  const open = flags.filter((f) => !excluded.includes(f.column));
  if (flags.length === 0) return null;
  return (
    <Alert
      color={open.length ? 'orange' : 'gray'}
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={open.length ? 'Possible target leakage' : 'Possible leakage: excluded'}
      data-testid="leakage-alert"
    >
      <Text size="sm" mb={6}>
        A column that gives the target away this well is often recorded after the outcome (or derived from it). A model using it looks excellent
        in validation and fails in use. Check how and when each is recorded before keeping it.
      </Text>
      <List size="sm" spacing={4}>
        {flags.map((f) => (
          <List.Item key={f.column} data-testid={`leakage-reason-${f.column}`}>
            <b>{f.column}</b>
            {excluded.includes(f.column) ? ' (excluded)' : ''}: {f.reasons.join(' ')}
          </List.Item>
        ))}
      </List>
      {open.length > 0 && (
        <Button size="xs" variant="light" color="orange" mt="sm" onClick={() => onExclude(open.map((f) => f.column))} data-testid="exclude-leaky">
          Exclude {open.length === 1 ? open[0].column : `these ${open.length} columns`}
        </Button>
      )}
    </Alert>
  );
}

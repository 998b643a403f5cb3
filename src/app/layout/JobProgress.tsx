import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface JobProgressProps {
  /** What is being done, e.g. "Scoring: 4,096 of 20,000 rows". */
  text: string;
  /** Share done in [0, 1]; null = not known yet (an animated full bar). */
  fraction: number | null;
  onCancel: () => void;
  /** Accessible names: the Cancel button's ("Cancel scoring") and the bar's. */
  cancelLabel: string;
  barLabel: string;
  /** Test ids of the panel, its text, the Cancel button and the bar. */
  testIds: { panel?: string; text?: string; cancel?: string; bar?: string };
  /** Extra data attributes on the text (e.g. the stage). */
  textData?: Record<`data-${string}`, string>;
  /** A note below the bar. */
  children?: ReactNode;
  mt?: string;
}

/** A job under way in the worker: what it is doing with its percentage, a bar, and Cancel. */
export function JobProgress(p: JobProgressProps) {
  return (
    <Paper withBorder p="sm" radius="sm" mt={p.mt} aria-busy="true" data-testid={p.testIds.panel}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" aria-live="polite" data-testid={p.testIds.text} {...p.textData}>
            {p.text}
            {p.fraction !== null ? ` · ${Math.round(p.fraction * 100)}%` : ''}
          </Text>
          <Button variant="default" size="xs" onClick={p.onCancel} aria-label={p.cancelLabel} data-testid={p.testIds.cancel}>
            Cancel
          </Button>
        </Group>
        <Progress
          value={p.fraction === null ? 100 : p.fraction * 100}
          animated={p.fraction === null}
          striped={p.fraction === null}
          aria-label={p.barLabel}
          data-testid={p.testIds.bar}
        />
        {p.children}
      </Stack>
    </Paper>
  );
}

import { Alert, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { describeError, errorKindLabel } from '../api/errors';

/** The error of a failed query, named for the user. */
export function QueryError({ error, title }: { error: unknown; title: string }) {
  const info = describeError(error);
  return (
    <Alert color="red" variant="light" role="alert" title={title} icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="query-error">
      {info.message}
      <br />
      <small>{errorKindLabel(info.kind)}</small>
    </Alert>
  );
}

/** Placeholder blocks while a query runs. */
export function LoadingBlock({ lines = 4, label, chart = false }: { lines?: number; label: string; chart?: boolean }): ReactNode {
  return (
    <Stack gap="xs" aria-busy="true" aria-label={label} role="status">
      {chart && <Skeleton height={200} radius="sm" />}
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} height={18} radius="sm" width={`${100 - ((i * 13) % 35)}%`} />
      ))}
    </Stack>
  );
}

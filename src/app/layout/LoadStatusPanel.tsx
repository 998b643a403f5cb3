import { Alert, Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { formatBytes, formatCount } from '../format/format';
import { useLoadStatus, useSession } from '../session/SessionProvider';

/** Progress of the running load (with Cancel), or the outcome of the last one (error / cancelled). */
export function LoadStatusPanel() {
  const { load, notice, cancelLoad, dismissNotice } = useLoadStatus();
  const { dataset } = useSession();
  const jobId = load?.jobId;
  const noticeTitle = notice?.title;

  // The status is shown at the top of the page: bring it into view when a load starts or ends.
  useEffect(() => {
    if (jobId || noticeTitle) window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [jobId, noticeTitle]);

  if (load) {
    const p = load.progress;
    const fraction = p && p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : null;
    const parts: string[] = [];
    if (p) {
      parts.push(p.totalBytes ? `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}` : `${formatBytes(p.bytes)} read`);
      parts.push(`${formatCount(p.rows)} rows`);
    } else {
      parts.push('Starting…');
    }
    return (
      <Paper withBorder p="md" radius="sm" data-testid="load-status" aria-busy="true">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Text fw={600} size="sm">
                {load.mode === 'restore' ? 'Restoring your last session: ' : 'Loading '}
                <span className="gb-mono">{load.label}</span>
              </Text>
              <Text size="xs" c="dimmed" data-testid="load-progress-text" aria-live="polite">
                {parts.join(' · ')}
                {fraction !== null ? ` · ${Math.round(fraction * 100)}%` : ''}
              </Text>
            </div>
            <Button variant="default" size="xs" onClick={cancelLoad} aria-label="Cancel loading" data-testid="cancel-load">
              Cancel
            </Button>
          </Group>
          <Progress
            value={fraction === null ? 100 : fraction * 100}
            animated={fraction === null}
            striped={fraction === null}
            size="md"
            aria-label={`Loading ${load.label}`}
            data-testid="load-progress"
          />
        </Stack>
      </Paper>
    );
  }

  if (!notice) return null;
  if (notice.kind === 'error') {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={notice.title}
        withCloseButton
        closeButtonLabel="Dismiss error"
        onClose={dismissNotice}
        role="alert"
        data-testid="load-error"
      >
        <Stack gap={6}>
          <Text size="sm" data-testid="load-error-message">
            {notice.message}
          </Text>
          <Group gap="xs">
            <Badge color="red" variant="outline" size="sm">
              {notice.errorKind}
            </Badge>
            {dataset && (
              <Text size="xs" c="dimmed">
                Nothing was changed: {dataset.summary.name} is still open.
              </Text>
            )}
          </Group>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconInfoCircle size={20} aria-hidden />}
      title={notice.title}
      withCloseButton
      closeButtonLabel="Dismiss notice"
      onClose={dismissNotice}
      role="status"
      data-testid="load-notice"
    >
      {notice.message}
    </Alert>
  );
}

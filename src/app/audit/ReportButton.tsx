import { Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { describeError } from '../api/errors';
import { workbench } from '../api/workbench';
import { downloadBlob } from '../files/downloadBlob';
import { snapshotFileName } from '../files/snapshotFile';

/** Downloads the self-contained HTML audit report (made in the worker, as `glassbox report` makes it). */
export function ReportButton({ snapshot }: { snapshot: Snapshot }) {
  const report = useMutation({
    mutationFn: () => workbench().auditReport(snapshot, snapshotFileName(snapshot)),
    onSuccess: (html) => downloadBlob(new Blob([html], { type: 'text/html' }), `audit-report-${snapshot.id.slice(0, 12)}.html`),
    onError: (e) => notifications.show({ color: 'red', title: 'Could not make the audit report', message: describeError(e).message }),
  });
  return (
    <Tooltip label="One HTML file: opens offline, charts included, aggregated figures only" withArrow>
      <Button variant="default" size="xs" leftSection={<IconFileText size={14} aria-hidden />} loading={report.isPending} onClick={() => report.mutate()} data-testid="export-report">
        Audit report (HTML)
      </Button>
    </Tooltip>
  );
}

import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { JobProgressReport } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { JobProgress } from './JobProgress';

/**
 * A job run on request (Explain and Fairness views): while it runs, what it has done ("`unit`: n of N") with a bar
 * and Cancel; when it failed (not cancelled), why. Test ids `<id>-progress`, `-progress-text`,
 * `-cancel`, `-error`.
 */
export function RequestedJobStatus(p: { busy: boolean; progress: JobProgressReport | null; unit: string; starting: string; what: string; onCancel: () => void; error: unknown; errorTitle: string; id: string }) {
  const error = p.error ? describeError(p.error) : null;
  return (
    <>
      {p.busy && (
        <JobProgress
          text={p.progress ? `${p.unit}: ${p.progress.done} of ${p.progress.total}` : p.starting}
          fraction={p.progress && p.progress.total > 0 ? p.progress.done / p.progress.total : null}
          onCancel={p.onCancel}
          cancelLabel={`Cancel the ${p.what}`}
          barLabel={`${p.what[0].toUpperCase()}${p.what.slice(1)} progress`}
          testIds={{ panel: `${p.id}-progress`, text: `${p.id}-progress-text`, cancel: `${p.id}-cancel` }}
        />
      )}
      {error && error.kind !== 'cancelled' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={p.errorTitle} data-testid={`${p.id}-error`}>
          {error.message}
        </Alert>
      )}
    </>
  );
}

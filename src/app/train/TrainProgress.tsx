import { Text } from '@mantine/core';
import { JobProgress } from '../layout/JobProgress';
import type { TrainingProgress } from '../../workers/workbenchApi';
import { formatCount } from '../format/format';
import type { TrainingJob } from './TrainProvider';

function stageWords(p: TrainingProgress | null): string {
  if (!p) return 'Preparing the rows…';
  switch (p.stage) {
    case 'search':
      return p.unit === 'seconds'
        ? `Search: ${Math.floor(p.done)} s of the ${Math.round(p.total)} s budget (each trial is cross-validated)`
        : `Search: ${p.trials ?? Math.floor(p.done)} of ${p.total} trials cross-validated`;
    case 'cross-validation':
      return `Cross-validation: ${Math.floor(p.done)} of ${p.total} folds fitted and scored`;
    case 'training':
      return p.total > 1
        ? `Fitting the final model on all training rows: ${p.done} of ${p.total} trees`
        : 'Fitting the final model on all training rows and exporting it to ONNX';
    default:
      return `Scoring the dataset through the exported ONNX: ${formatCount(p.done)} of ${formatCount(p.total)} rows`;
  }
}

/** The stage of the training under way, a bar, and Cancel (honoured between folds). */
export function TrainProgress({ job, onCancel }: { job: TrainingJob; onCancel: () => void }) {
  const p = job.progress;
  const fraction = p && p.total > 0 && (p.stage !== 'training' || p.total > 1) ? p.done / p.total : null;
  return (
    <JobProgress
      text={stageWords(p)}
      fraction={fraction}
      onCancel={onCancel}
      cancelLabel="Cancel training"
      barLabel="Training progress"
      testIds={{ panel: 'train-progress', text: 'train-progress-text', cancel: 'cancel-training' }}
      textData={{ 'data-stage': p?.stage ?? 'starting' }}
    >
      <Text size="xs" c="dimmed">
        Cancel stops between trees, folds and trials; the export and the scoring finish once started.
      </Text>
    </JobProgress>
  );
}

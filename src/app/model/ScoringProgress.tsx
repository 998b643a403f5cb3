import { JobProgress } from '../layout/JobProgress';
import { formatCount } from '../format/format';
import type { ScoringRun } from './ModelProvider';
import { useModel } from './ModelProvider';

/** Rows scored so far, with Cancel. */
export function ScoringProgress({ run }: { run: ScoringRun }) {
  const { cancelScoring } = useModel();
  const p = run.progress;
  const fraction = p && p.total > 0 ? p.done / p.total : null;
  return (
    <JobProgress
      text={p ? `Scoring: ${formatCount(p.done)} of ${formatCount(p.total)} rows` : 'Starting the model…'}
      fraction={fraction}
      onCancel={cancelScoring}
      cancelLabel="Cancel scoring"
      barLabel="Scoring the dataset"
      testIds={{ text: 'score-progress-text', cancel: 'cancel-scoring', bar: 'score-progress' }}
      mt="md"
    />
  );
}

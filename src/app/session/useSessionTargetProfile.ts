/**
 * The session's target column with its profile over all rows, or why there is none yet: no
 * target picked (or not a column of this dataset), the profile loading or failed. The Train step
 * and the model evaluation read their targets through this, then apply their own rules.
 */
import type { ColumnProfile } from '../../core/stats/results';
import { useTargetProfile } from '../api/modelQueries';
import { useDataset, useSession } from './SessionProvider';

export type SessionTargetProfile =
  | { state: 'pick' }
  | { state: 'loading'; column: string }
  | { state: 'error'; column: string; error: unknown }
  | { state: 'profiled'; column: string; profile: ColumnProfile; chosenPositive: string | null };

export function useSessionTargetProfile(): SessionTargetProfile {
  const { target } = useSession();
  const { dataset } = useDataset();
  const column = target.column && dataset.summary.columns.some((c) => c.name === target.column) ? target.column : null;
  const q = useTargetProfile(column);
  if (column === null) return { state: 'pick' };
  if (q.error) return { state: 'error', column, error: q.error };
  if (!q.data) return { state: 'loading', column };
  return { state: 'profiled', column, profile: q.data.profile, chosenPositive: target.positive };
}

/**
 * What the Train step trains on: the session's target column, the model kind it calls for (two
 * classes → logistic regression; a numeric target → linear regression) and, for two classes, the
 * positive class — or why it cannot (no target yet, 3+ classes, a single value, a date or text).
 */
import type { ColumnProfile } from '../../core/stats/results';
import { useTargetProfile } from '../api/modelQueries';
import { defaultPositive } from '../explore/positiveClass';
import { useDataset, useSession } from '../session/SessionProvider';
import type { TrainTarget } from './trainSettings';

export type TrainTargetState =
  | { state: 'pick' }
  | { state: 'loading'; column: string }
  | { state: 'error'; column: string; error: unknown }
  | { state: 'multiclass'; column: string; profile: ColumnProfile }
  | { state: 'one-class'; column: string; profile: ColumnProfile }
  | { state: 'unsupported'; column: string; profile: ColumnProfile }
  | { state: 'ready'; column: string; profile: ColumnProfile; classes: string[]; target: TrainTarget };

export function useTrainTarget(): TrainTargetState {
  const { target } = useSession();
  const { dataset } = useDataset();
  const column = target.column && dataset.summary.columns.some((c) => c.name === target.column) ? target.column : null;
  const q = useTargetProfile(column);
  if (column === null) return { state: 'pick' };
  if (q.error) return { state: 'error', column, error: q.error };
  if (!q.data) return { state: 'loading', column };
  const profile = q.data.profile;
  if (profile.distinct < 2) return { state: 'one-class', column, profile };
  if (profile.distinct === 2 && profile.type !== 'datetime') {
    const classes = profile.top.map((t) => String(t.value));
    const positive = target.positive !== null && classes.includes(target.positive) ? target.positive : (defaultPositive(profile) ?? classes[1]);
    return { state: 'ready', column, profile, classes, target: { column, kind: 'logistic', positive } };
  }
  if (profile.type === 'numeric') return { state: 'ready', column, profile, classes: [], target: { column, kind: 'linear', positive: null } };
  if (profile.type === 'categorical' || profile.type === 'boolean') return { state: 'multiclass', column, profile };
  return { state: 'unsupported', column, profile };
}

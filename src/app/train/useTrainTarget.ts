/**
 * What the Train step trains on: the session's target column, the model kind it calls for (two
 * classes → logistic regression; a numeric target → linear regression) and, for two classes, the
 * positive class — or why it cannot (no target yet, 3+ classes, a single value, a date or text).
 */
import type { ColumnProfile } from '../../core/stats/results';
import { pickPositive } from '../explore/positiveClass';
import { useSessionTargetProfile } from '../session/useSessionTargetProfile';
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
  const t = useSessionTargetProfile();
  if (t.state !== 'profiled') return t;
  const { column, profile } = t;
  if (profile.distinct < 2) return { state: 'one-class', column, profile };
  if (profile.distinct === 2 && profile.type !== 'datetime') {
    const classes = profile.top.map((t) => String(t.value));
    const positive = pickPositive(classes, t.chosenPositive, null, profile) ?? classes[1];
    return { state: 'ready', column, profile, classes, target: { column, kind: 'logistic', positive } };
  }
  if (profile.type === 'numeric') return { state: 'ready', column, profile, classes: [], target: { column, kind: 'linear', positive: null } };
  if (profile.type === 'categorical' || profile.type === 'boolean') return { state: 'multiclass', column, profile };
  return { state: 'unsupported', column, profile };
}

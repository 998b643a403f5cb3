/**
 * What the evaluation compares the scores with: the session's target column, its positive class
 * (classifiers) and the task of the model — or why it cannot yet (no target, 3+ classes, a
 * non-numeric target for a regressor) — and which rows: all, or the training or held-out rows of
 * the last training on this dataset.
 */
import type { ColumnProfile } from '../../core/stats/results';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { pickPositive } from '../explore/positiveClass';
import { useModel, type ImportedModel } from '../model/ModelProvider';
import { useDataset } from '../session/SessionProvider';
import { useSessionTargetProfile } from '../session/useSessionTargetProfile';

export type EvaluationTarget =
  | { state: 'pick' }
  | { state: 'loading'; column: string }
  | { state: 'error'; column: string; error: unknown }
  | { state: 'multiclass'; column: string; profile: ColumnProfile }
  | { state: 'one-class'; column: string; profile: ColumnProfile }
  | { state: 'not-numeric'; column: string; profile: ColumnProfile }
  | { state: 'ready'; column: string; profile: ColumnProfile; classes: string[]; request: EvaluationRequest };

export function useEvaluationTarget(model: ImportedModel): EvaluationTarget {
  const { dataset } = useDataset();
  const { holdout, split: chosenSplit } = useModel();
  // Rows of the last training's split only while the worker still holds it (this page, this dataset).
  const split = holdout && holdout.datasetId === dataset.id ? chosenSplit : 'all';
  const t = useSessionTargetProfile();
  if (t.state !== 'profiled') return t;
  const { column, profile } = t;
  const task = model.info.signature.task;
  if (task === 'regression') {
    if (profile.type !== 'numeric') return { state: 'not-numeric', column, profile };
    return { state: 'ready', column, profile, classes: [], request: { target: column, task, split } };
  }
  if (profile.distinct > 2) return { state: 'multiclass', column, profile };
  if (profile.distinct < 2) return { state: 'one-class', column, profile };
  const classes = profile.top.map((t) => String(t.value));
  const positive = pickPositive(classes, t.chosenPositive, model.info.signature.positive, profile) ?? classes[1];
  return { state: 'ready', column, profile, classes, request: { target: column, positive, task, split } };
}

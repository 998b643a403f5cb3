import { Text } from '@mantine/core';
import type { CvScheme } from './trainSettings';

const SCHEME_WORDS: Record<CvScheme, string> = {
  kfold: 'The training rows are shuffled and cut into equal folds.',
  stratified: 'The training rows are cut into folds that each keep the class ratio of the target.',
  group: 'Rows of the same group always land in the same fold, so the model is tested on groups it has never seen.',
  time: 'The rows are ordered in time; each fold trains on the earlier rows and tests on the next block, as the model will be used.',
};

/** The validation scheme in plain words (after "Introducing MLOps", fig. 4-2). */
export function SchemeNote({ scheme, folds, holdout }: { scheme: CvScheme; folds: number; holdout: boolean }) {
  return (
    <Text size="xs" c="dimmed" data-testid="train-scheme-note">
      {holdout ? 'First the test set is put aside. ' : 'No test set is held out: the CV mean is the only estimate. '}
      {SCHEME_WORDS[scheme]} Each of the {Number.isFinite(folds) ? folds : 'k'} folds is scored by a model fitted on the others — recipe
      included, so nothing leaks from the scored rows — and the spread across folds shows how much the score depends on the rows.
      Compare settings on the cross-validation mean; {holdout ? 'use the held-out score once, for the final estimate of the model you keep' : 'hold out a test set for an untouched final estimate'}{' '}
      (Introducing MLOps, fig. 4-2).
    </Text>
  );
}

import { Stack } from '@mantine/core';
import { ExploreView } from '../explore/ExploreView';
import { FilterBar } from '../filter/FilterBar';
import { ExplainStep } from '../explain/ExplainStep';
import { FairnessStep } from '../fairness/FairnessStep';
import { DriftStep } from '../drift/DriftStep';
import { ModelStep } from '../model/ModelStep';
import { useDataset, useSession } from '../session/SessionProvider';
import { TrainStep } from '../train/TrainStep';
import { DataStep } from './DataStep';
import { DatasetHeader } from './DatasetHeader';

/** Everything shown while a dataset is open: header, filter bar, then the active workflow step. */
export function DatasetWorkspace() {
  const { view } = useSession();
  const { dataset } = useDataset();
  return (
    <Stack gap="md">
      <DatasetHeader />
      {/* Keyed by dataset so the draft filter resets when another dataset is opened. */}
      <FilterBar key={dataset.id} />
      {view.step === 'data' ? <DataStep /> : view.step === 'train' ? <TrainStep /> : view.step === 'model' ? <ModelStep /> : view.step === 'explain' ? <ExplainStep /> : view.step === 'fairness' ? <FairnessStep /> : view.step === 'drift' ? <DriftStep /> : <ExploreView />}
    </Stack>
  );
}

import { Grid, Stack } from '@mantine/core';
import { LoadingBlock } from '../explore/QueryState';
import { useDataset } from '../session/SessionProvider';
import { FeatureSelection } from './FeatureSelection';
import { Leaderboard } from './Leaderboard';
import { RecipeEditor } from './RecipeEditor';
import { stepColumns } from './recipeEdit';
import { SearchPanel } from './SearchPanel';
import { SetupPanel } from './SetupPanel';
import { TrainBar } from './TrainBar';
import { useTrain } from './TrainProvider';
import { TrainResults } from './TrainResults';
import { settingsProblems } from './trainSettings';
import { useTrainRecipe } from './useTrainRecipe';
import { useTrainTarget } from './useTrainTarget';

/** The Train step: setup and feature selection, the recipe, Train, the selected run's results, the leaderboard. */
export function TrainStep() {
  const { dataset } = useDataset();
  const state = useTrainTarget();
  const { runs, selectedRunId, settings, restoring } = useTrain();
  const ready = state.state === 'ready' ? state : null;
  const { recipe } = useTrainRecipe(ready ? ready.column : null);
  if (restoring) return <LoadingBlock lines={8} label="Restoring the Train step" />;

  const selectedIndex = runs.findIndex((r) => r.id === selectedRunId);
  const selected = selectedIndex >= 0 ? runs[selectedIndex] : null;
  const problems = ready
    ? [
        ...settingsProblems(settings, ready.target.kind, dataset.summary.columns, ready.column),
        ...(recipe?.steps ?? []).flatMap((s, i) => (stepColumns(s).length === 0 ? [`Recipe step ${i + 1} has no columns: choose some or remove it.`] : [])),
      ]
    : [];
  return (
    <Stack gap="md" data-testid="train-step">
      {ready ? (
        <Grid gap="md" align="stretch">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <SetupPanel state={state} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <FeatureSelection target={ready.target} targetStd={ready.profile.std} recipe={recipe} />
          </Grid.Col>
        </Grid>
      ) : (
        <SetupPanel state={state} />
      )}
      {ready && <RecipeEditor target={ready.target} run={selected} />}
      {ready && <TrainBar target={ready.target} recipe={recipe} problems={problems} />}
      {ready && <SearchPanel target={ready.target} recipe={recipe} problems={problems} />}
      {selected && <TrainResults record={selected} number={selectedIndex + 1} />}
      <Leaderboard />
    </Stack>
  );
}

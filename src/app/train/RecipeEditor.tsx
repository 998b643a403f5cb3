import { Alert, Badge, Button, FileButton, Grid, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconPlus, IconRestore, IconUpload } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { Recipe, RecipeStep } from '../../core/recipe/recipe';
import { describeError } from '../api/errors';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { useDataset } from '../session/SessionProvider';
import { downloadBlob } from '../files/downloadBlob';
import { FeatureList } from './FeatureList';
import { addStep, ALL_KINDS, canonicalJson, createdColumns, isKnownKind, KIND_WORDS, moveStep, newStep, recipeHash, removeStep, replaceStep, stepCount, stepProblems } from './recipeEdit';
import { readRecipe, recipeFileName, recipeText } from './recipeFile';
import type { RunRecord } from './runRecord';
import { kindLabel, StepCard } from './StepCard';
import { StepPreviewPanel } from './StepPreviewPanel';
import { useTrain } from './TrainProvider';
import { trainingRequest, type TrainTarget } from './trainSettings';
import { useTrainRecipe } from './useTrainRecipe';

/** Keeps keyboard focus on the step just moved: its move button in the same direction, or the other one at either end. */
function focusMoveButton(container: HTMLElement | null, index: number, delta: number): void {
  requestAnimationFrame(() => {
    const n = index + 1;
    const first = container?.querySelector<HTMLButtonElement>(`[aria-label="Move step ${n} ${delta < 0 ? 'up' : 'down'}"]`);
    const other = container?.querySelector<HTMLButtonElement>(`[aria-label="Move step ${n} ${delta < 0 ? 'down' : 'up'}"]`);
    (first && !first.disabled ? first : other)?.focus();
  });
}

/** The feature recipe: ordered steps to add, edit, reorder and remove; reset, import and export as JSON; a preview. */
export function RecipeEditor({ target, run }: { target: TrainTarget; run: RunRecord | null }) {
  const { dataset } = useDataset();
  const { settings, setRecipe, resetRecipe, job } = useTrain();
  const { recipe, edited, loading, error } = useTrainRecipe(target.column);
  const [selected, setSelected] = useState(0);
  const [importError, setImportError] = useState<string | null>(null);
  const stepsRef = useRef<HTMLDivElement>(null);
  const busy = job !== null;
  const columnOptions = useMemo(
    () => dataset.summary.columns.filter((c) => c.name !== target.column).map((c) => ({ value: c.name, label: c.name, type: c.type })),
    [dataset.summary.columns, target.column],
  );

  const importFile = async (file: File | null) => {
    if (!file) return;
    setImportError(null);
    try {
      const imported = readRecipe(await file.text(), file.name);
      setRecipe(imported);
      setSelected(0);
    } catch (e) {
      setImportError(describeError(e).message);
    }
  };

  if (error) return <QueryError error={error} title="Could not make the default recipe" />;
  if (loading || !recipe) return <LoadingBlock lines={5} label="Making the default recipe" />;

  const update = (next: Recipe) => setRecipe(next);
  const step: RecipeStep | null = recipe.steps[Math.min(selected, recipe.steps.length - 1)] ?? null;
  const runMatches = run !== null && canonicalJson(run.recipe) === canonicalJson(recipe);

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-recipe-heading" data-testid="recipe-editor">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="sm">
        <div>
          <Group gap="xs">
            <Title order={3} size="h5" id="gb-recipe-heading">
              Feature recipe
            </Title>
            <Badge variant="light" color={edited ? 'navy' : 'gray'} radius="sm" data-testid="recipe-status">
              {edited ? 'edited' : 'default'}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm" className="gb-mono" title="Fingerprint of the recipe" data-testid="recipe-hash">
              {stepCount(recipe)} · {recipeHash(recipe)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" maw={640}>
            Steps run in order, each fitted on the training rows only (inside every fold too) and exported into the ONNX file, so the model carries
            its own preprocessing. Columns no step mentions pass through as numbers; categorical columns need an encoding step (one-hot, ordinal or target).
          </Text>
        </div>
        <Group gap="xs">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={busy} data-testid="recipe-add">
                Add step
              </Button>
            </Menu.Target>
            <Menu.Dropdown style={{ maxHeight: 'min(70vh, 560px)', overflowY: 'auto' }}>
              {ALL_KINDS.map((k) => (
                <Menu.Item
                  key={k}
                  onClick={() => {
                    update(addStep(recipe, newStep(k)));
                    setSelected(recipe.steps.length);
                  }}
                  data-testid={`recipe-add-${k}`}
                >
                  <Text size="sm">{kindLabel(k)}</Text>
                  <Text size="xs" c="dimmed" maw={300}>
                    {isKnownKind(k) ? KIND_WORDS[k].help : 'Settings written as JSON (see the recipe reference).'}
                  </Text>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button size="xs" variant="default" leftSection={<IconRestore size={14} aria-hidden />} onClick={resetRecipe} disabled={busy || !edited} data-testid="recipe-reset">
            Reset to default
          </Button>
          <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json" disabled={busy} inputProps={{ 'aria-label': 'Recipe JSON file', 'data-testid': 'recipe-file-input' } as React.ComponentProps<'input'>}>
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} aria-hidden />} disabled={busy}>
                Import JSON
              </Button>
            )}
          </FileButton>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => downloadBlob(new Blob([recipeText(recipe)], { type: 'application/json' }), recipeFileName(target.column))}
            data-testid="recipe-export"
          >
            Export JSON
          </Button>
        </Group>
      </Group>
      {importError && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title="Recipe not imported" withCloseButton closeButtonLabel="Dismiss" onClose={() => setImportError(null)} mb="sm" data-testid="recipe-import-error">
          {importError}
          {/[.!?]$/.test(importError) ? '' : '.'} The current recipe is unchanged.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs" data-testid="recipe-steps" ref={stepsRef}>
            {recipe.steps.length === 0 && (
              <Text size="sm" c="dimmed">
                No steps: numeric columns go in as they are. Add a step, or reset to the default recipe.
              </Text>
            )}
            {recipe.steps.map((s, i) => {
              const created = createdColumns(recipe, i);
              return (
                <StepCard
                  // Steps have no ids: cards are keyed by position and kind (their inputs are controlled).
                  key={`${i}-${String(s.step)}`}
                  step={s}
                  index={i}
                  count={recipe.steps.length}
                  selected={i === selected}
                  columnOptions={created.length ? [...columnOptions, ...created.map((c) => ({ value: c, label: c, type: 'made by a step' }))] : columnOptions}
                  problems={stepProblems(s, dataset.summary.columns, target.column, settings.exclude, created)}
                  target={target.column}
                  disabled={busy}
                  onSelect={() => setSelected(i)}
                  onChange={(next) => update(replaceStep(recipe, i, next))}
                  onMove={(delta) => {
                    update(moveStep(recipe, i, delta));
                    setSelected(i + delta);
                    focusMoveButton(stepsRef.current, i + delta, delta);
                  }}
                  onRemove={() => {
                    update(removeStep(recipe, i));
                    setSelected(Math.max(0, i - 1));
                  }}
                />
              );
            })}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <StepPreviewPanel step={step} index={Math.min(selected, recipe.steps.length - 1)} request={trainingRequest(target, settings, recipe)} />
            <FeatureList run={run} current={runMatches} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}

import { ActionIcon, Badge, Card, Group, MultiSelect, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { RecipeStep } from '../../core/recipe/recipe';
import { columnOptionRenderer } from './columnOption';
import { ALL_KINDS, changeKind, isKnownKind, KIND_WORDS, stepColumns, stepWords } from './recipeEdit';
import { StepParams } from './StepParams';
import { UnknownStep } from './UnknownStep';

export interface StepCardProps {
  step: RecipeStep;
  index: number;
  count: number;
  selected: boolean;
  /** Column choices with their types. */
  columnOptions: { value: string; label: string; type: string }[];
  problems: string[];
  /** The target column (never offered; named if a step holds it). */
  target: string;
  disabled: boolean;
  onSelect: () => void;
  onChange: (step: RecipeStep) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}

/** A kind's name in the editor: its label, or the engine's name for kinds without a form. */
export function kindLabel(kind: string): string {
  return isKnownKind(kind) ? KIND_WORDS[kind].label : kind;
}

const KIND_OPTIONS = ALL_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));

/** One recipe step: its kind, columns and settings, with move up/down and remove. Focus or click selects it for the preview. */
export function StepCard(p: StepCardProps) {
  const n = p.index + 1;
  const known = isKnownKind(p.step.step);
  const columns = [...stepColumns(p.step)];
  // Columns named by the step but not offered (e.g. not in this dataset) stay visible so they can be removed.
  const options = [
    ...p.columnOptions,
    ...columns.filter((c) => !p.columnOptions.some((o) => o.value === c)).map((c) => ({ value: c, label: c, type: c === p.target ? 'the target' : 'not in the data' })),
  ];
  const types = new Map(options.map((o) => [o.value, o.type]));
  return (
    <Card
      withBorder
      radius="sm"
      padding="sm"
      onFocusCapture={p.onSelect}
      onClick={p.onSelect}
      style={{ borderColor: p.selected ? 'var(--mantine-color-navy-6)' : undefined, boxShadow: p.selected ? '0 0 0 1px var(--mantine-color-navy-6)' : undefined }}
      data-testid={`recipe-step-${p.index}`}
      data-kind={String(p.step.step)}
      aria-label={`Step ${n}: ${kindLabel(String(p.step.step))}`}
      role="group"
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={6}>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Badge variant={p.selected ? 'filled' : 'light'} radius="sm" size="lg" w={34} px={0} aria-hidden>
            {n}
          </Badge>
          <Select
            aria-label={`Step ${n} kind`}
            size="xs"
            w={200}
            data={KIND_OPTIONS.some((o) => o.value === p.step.step) ? KIND_OPTIONS : [...KIND_OPTIONS, { value: String(p.step.step), label: String(p.step.step) }]}
            value={String(p.step.step)}
            onChange={(v) => v && p.onChange(changeKind(p.step, v))}
            allowDeselect={false}
            disabled={p.disabled}
            data-testid={`step-${p.index}-kind`}
          />
          <Text size="xs" c="dimmed" truncate="end" visibleFrom="md">
            {stepWords(p.step)}
          </Text>
        </Group>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Move up" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" onClick={() => p.onMove(-1)} disabled={p.disabled || p.index === 0} aria-label={`Move step ${n} up`}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Move down" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" onClick={() => p.onMove(1)} disabled={p.disabled || p.index === p.count - 1} aria-label={`Move step ${n} down`}>
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Remove" openDelay={400}>
            <ActionIcon variant="subtle" color="red" onClick={p.onRemove} disabled={p.disabled} aria-label={`Remove step ${n}`}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap={6}>
        <MultiSelect
          aria-label={`Step ${n} columns`}
          placeholder={columns.length ? undefined : 'Choose columns'}
          size="xs"
          data={options.map((o) => ({ value: o.value, label: o.label }))}
          value={columns}
          onChange={(v) => p.onChange({ ...p.step, columns: v } as RecipeStep)}
          maxValues={p.step.step === 'combine' ? 2 : undefined}
          description={p.step.step === 'combine' ? 'Left, then right' : undefined}
          searchable
          hidePickedOptions
          disabled={p.disabled}
          maxDropdownHeight={240}
          nothingFoundMessage="No such column"
          renderOption={columnOptionRenderer(types)}
          data-testid={`step-${p.index}-columns`}
        />
        {known ? (
          <StepParams
            step={p.step}
            index={p.index}
            onChange={p.onChange}
            disabled={p.disabled}
            hasNumbers={columns.some((c) => ['numeric', 'datetime', 'boolean'].includes(types.get(c) ?? ''))}
          />
        ) : (
          <UnknownStep step={p.step} index={p.index} onChange={p.onChange} disabled={p.disabled} />
        )}
      </Stack>
      {p.problems.length > 0 && (
        <Stack gap={2} mt={6} data-testid={`step-${p.index}-problems`}>
          {p.problems.map((problem) => (
            <Group key={problem} gap={4} wrap="nowrap" align="flex-start">
              <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="xs" c="orange.8">
                {problem}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

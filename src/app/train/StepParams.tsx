import { Group, MultiSelect, NumberInput, Select, Switch, TagsInput, TextInput } from '@mantine/core';
import { OP_SYMBOL } from './recipeEdit';
import { COMBINE_OPS, DATE_PARTS, DEFAULT_BINS, DEFAULT_SMOOTHING, DEFAULT_TARGET_FOLDS, type DatePart, type RecipeStep } from '../../core/recipe/recipe';

const PART_LABELS: Record<DatePart, string> = { year: 'Year', month: 'Month', dayOfMonth: 'Day of month', dayOfWeek: 'Day of week', daysSince: 'Days since a date' };

/** The settings of a step of a known kind (columns aside). */
export function StepParams({
  step,
  index,
  onChange,
  disabled,
  hasNumbers,
}: {
  step: RecipeStep;
  index: number;
  onChange: (step: RecipeStep) => void;
  disabled: boolean;
  /** Whether the step names a number column (the missing indicator is for those). */
  hasNumbers: boolean;
}) {
  const n = index + 1;
  switch (step.step) {
    case 'impute':
      return (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Fill with"
            aria-label={`Step ${n} imputation strategy`}
            size="xs"
            w={170}
            data={[
              { value: 'median', label: 'Median' },
              { value: 'mean', label: 'Mean' },
              { value: 'mode', label: 'Most frequent' },
              { value: 'constant', label: 'A constant' },
            ]}
            value={step.strategy}
            onChange={(v) => v && onChange({ ...step, strategy: v as typeof step.strategy, ...(v === 'constant' ? { value: step.value ?? 0 } : { value: undefined }) })}
            allowDeselect={false}
            disabled={disabled}
          />
          {step.strategy === 'constant' && (
            <TextInput
              label="Value"
              aria-label={`Step ${n} constant`}
              size="xs"
              w={120}
              value={step.value === undefined ? '' : String(step.value)}
              onChange={(e) => {
                // A complete number is kept as a number (numeric columns), anything else as text (categories, or typing "1.").
                const text = e.currentTarget.value;
                onChange({ ...step, value: /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text });
              }}
              disabled={disabled}
            />
          )}
          {hasNumbers && (
            <Switch
              label="Add a missing indicator"
              aria-label={`Step ${n} missing indicator`}
              size="xs"
              checked={step.indicator === true}
              onChange={(e) => onChange({ ...step, indicator: e.currentTarget.checked })}
              disabled={disabled}
              mb={6}
            />
          )}
        </Group>
      );
    case 'clip':
      return (
        <Group gap="sm" wrap="wrap">
          <NumberInput label="Lower percentile" aria-label={`Step ${n} lower percentile`} size="xs" w={140} min={0} max={100} value={step.lower} onChange={(v) => onChange({ ...step, lower: typeof v === 'number' ? v : Number.NaN })} disabled={disabled} />
          <NumberInput label="Upper percentile" aria-label={`Step ${n} upper percentile`} size="xs" w={140} min={0} max={100} value={step.upper} onChange={(v) => onChange({ ...step, upper: typeof v === 'number' ? v : Number.NaN })} disabled={disabled} />
        </Group>
      );
    case 'scale':
      return (
        <Select
          label="Method"
          aria-label={`Step ${n} scaling method`}
          size="xs"
          w={260}
          data={[
            { value: 'standard', label: 'Standard (z-score)' },
            { value: 'minmax', label: 'Min–max (0 to 1)' },
            { value: 'robust', label: 'Robust (median, IQR)' },
          ]}
          value={step.method}
          onChange={(v) => v && onChange({ ...step, method: v as typeof step.method })}
          allowDeselect={false}
          disabled={disabled}
          data-testid={`step-${index}-method`}
        />
      );
    case 'oneHot':
      return (
        <NumberInput
          label="Categories kept (the rest is “other”)"
          aria-label={`Step ${n} categories kept`}
          size="xs"
          w={260}
          min={1}
          allowDecimal={false}
          value={step.top ?? 20}
          onChange={(v) => onChange({ ...step, top: typeof v === 'number' ? v : 20 })}
          disabled={disabled}
        />
      );
    case 'ordinal':
      return (
        <TagsInput
          label="Order of the categories (optional)"
          description="Type the categories lowest first (Enter after each); empty = most frequent first. Others become −1."
          aria-label={`Step ${n} category order`}
          size="xs"
          value={step.order ?? []}
          onChange={(v) => {
            const { order: _, ...rest } = step;
            onChange(v.length > 0 ? { ...rest, order: v } : rest);
          }}
          clearable
          disabled={disabled}
          data-testid={`step-${index}-order`}
        />
      );
    case 'targetEncode':
      return (
        <Group gap="sm" wrap="wrap">
          <NumberInput
            label="Smoothing m"
            description="Pull toward the overall mean"
            aria-label={`Step ${n} smoothing`}
            size="xs"
            w={150}
            min={0}
            value={step.smoothing ?? DEFAULT_SMOOTHING}
            onChange={(v) => onChange({ ...step, smoothing: typeof v === 'number' ? v : DEFAULT_SMOOTHING })}
            disabled={disabled}
          />
          <NumberInput
            label="Out-of-fold folds"
            description="Training rows never see their own target"
            aria-label={`Step ${n} folds`}
            size="xs"
            w={200}
            min={2}
            allowDecimal={false}
            value={step.folds ?? DEFAULT_TARGET_FOLDS}
            onChange={(v) => onChange({ ...step, folds: typeof v === 'number' ? v : DEFAULT_TARGET_FOLDS })}
            disabled={disabled}
          />
        </Group>
      );
    case 'bin':
      return (
        <Group gap="sm" wrap="wrap">
          <NumberInput label="Bins" aria-label={`Step ${n} bins`} size="xs" w={110} min={2} max={255} allowDecimal={false} value={step.bins ?? DEFAULT_BINS} onChange={(v) => onChange({ ...step, bins: typeof v === 'number' ? v : DEFAULT_BINS })} disabled={disabled} />
          <Select
            label="Edges"
            aria-label={`Step ${n} binning strategy`}
            size="xs"
            w={230}
            data={[
              { value: 'quantile', label: 'Equal counts (quantiles)' },
              { value: 'uniform', label: 'Equal widths' },
            ]}
            value={step.strategy ?? 'quantile'}
            onChange={(v) => v && onChange({ ...step, strategy: v as 'quantile' | 'uniform' })}
            allowDeselect={false}
            disabled={disabled}
          />
        </Group>
      );
    case 'dateParts':
      return (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <MultiSelect
            label="Parts"
            aria-label={`Step ${n} date parts`}
            size="xs"
            miw={260}
            data={DATE_PARTS.map((p) => ({ value: p, label: PART_LABELS[p] }))}
            value={step.parts}
            onChange={(v) => {
              const parts = DATE_PARTS.filter((p) => v.includes(p));
              const { reference, ...rest } = step;
              onChange(parts.includes('daysSince') ? { ...rest, parts, reference: reference ?? '' } : { ...rest, parts });
            }}
            disabled={disabled}
            data-testid={`step-${index}-parts`}
          />
          {step.parts.includes('daysSince') && (
            <TextInput
              label="Reference date"
              aria-label={`Step ${n} reference date`}
              placeholder="YYYY-MM-DD"
              size="xs"
              w={130}
              value={step.reference ?? ''}
              onChange={(e) => onChange({ ...step, reference: e.currentTarget.value })}
              disabled={disabled}
            />
          )}
        </Group>
      );
    case 'combine':
      return (
        <Group gap="sm" wrap="wrap">
          <Select
            label="Operation"
            aria-label={`Step ${n} operation`}
            size="xs"
            w={160}
            data={COMBINE_OPS.map((o) => ({ value: o, label: `left ${OP_SYMBOL[o]} right` }))}
            value={step.op}
            onChange={(v) => v && onChange({ ...step, op: v as typeof step.op })}
            allowDeselect={false}
            disabled={disabled}
          />
          <TextInput label="New column" aria-label={`Step ${n} new column name`} size="xs" w={220} value={step.name} onChange={(e) => onChange({ ...step, name: e.currentTarget.value })} disabled={disabled} data-testid={`step-${index}-name`} />
        </Group>
      );
    default:
      return null;
  }
}

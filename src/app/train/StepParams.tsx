import { Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import type { RecipeStep } from '../../core/recipe/recipe';

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
    default:
      return null;
  }
}

import { JsonInput } from '@mantine/core';
import { useState } from 'react';
import type { RecipeStep } from '../../core/recipe/recipe';
import { canonicalJson } from './recipeEdit';

/** The settings of a step with no form here (other than its kind and columns), as JSON; the engine checks them when training. */
function settingsOf(step: RecipeStep): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...(step as unknown as Record<string, unknown>) };
  delete rest.step;
  delete rest.columns;
  return rest;
}

export function UnknownStep({ step, index, onChange, disabled }: { step: RecipeStep; index: number; onChange: (step: RecipeStep) => void; disabled: boolean }) {
  // The text being typed, for the settings it belongs to; other settings (step moved, reset) show their own JSON.
  const [draft, setDraft] = useState<{ text: string; forSettings: string; error: string | null } | null>(null);
  const settings = settingsOf(step);
  const key = canonicalJson(settings);
  const current = draft && draft.forSettings === key ? draft : { text: JSON.stringify(settings, null, 2), forSettings: key, error: null };
  return (
    <JsonInput
      label="Settings (JSON)"
      description={`No form for “${String(step.step)}” steps here: write its settings as JSON (see the recipe reference); the engine checks them when you train.`}
      aria-label={`Step ${index + 1} settings as JSON`}
      value={current.text}
      onChange={(text) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (e) {
          setDraft({ text, forSettings: key, error: `Not valid JSON: ${(e as Error).message}` });
          return;
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          setDraft({ text, forSettings: key, error: 'The settings are an object, e.g. { "bins": 5 } ({} for none).' });
          return;
        }
        const next = { ...(parsed as Record<string, unknown>), step: step.step, columns: (step as { columns?: unknown }).columns ?? [] };
        setDraft({ text, forSettings: canonicalJson(settingsOf(next as unknown as RecipeStep)), error: null });
        onChange(next as unknown as RecipeStep);
      }}
      error={current.error}
      autosize
      minRows={2}
      maxRows={10}
      size="xs"
      disabled={disabled}
      classNames={{ input: 'gb-mono' }}
      data-testid={`step-${index}-json`}
    />
  );
}

import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ColumnProfile } from '../../core/stats/results';
import { describeError } from '../api/errors';
import { useDataset, useSession } from '../session/SessionProvider';

function quoteName(name: string): string {
  return /^[A-Za-z_][\w]*$/.test(name) ? name : `\`${name}\``;
}

/** A starting condition: "quality >= 7" style for numbers (the upper quartile), "= value" for categories. */
function exampleCondition(column: string, profile: ColumnProfile): string {
  const name = quoteName(column);
  if (profile.type === 'numeric' && profile.q75 !== null) return `${name} >= ${profile.q75}`;
  const top = profile.top[0];
  return top ? `${name} = ${JSON.stringify(String(top.value))}` : `${name} is missing`;
}

function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}_${k}`)) return `${base}_${k}`;
}

/** Adds a boolean column from a condition (saved with the workspace) and makes it the target. */
export function BinarizeForm({ column, profile }: { column: string; profile: ColumnProfile }) {
  const { dataset } = useDataset();
  const { addDerivedColumn, setTarget } = useSession();
  const taken = new Set(dataset.summary.columns.map((c) => c.name));
  const [name, setName] = useState(() => freeName(`${column}_high`, taken));
  const [expression, setExpression] = useState(() => exampleCondition(column, profile));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const added = { name: name.trim(), expression: expression.trim() };
      await addDerivedColumn(added);
      setTarget({ column: added.name, positive: 'true' });
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Binarize the target" data-testid="binarize-form">
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label="New column"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={260}
          classNames={{ input: 'gb-mono' }}
          spellCheck={false}
          data-testid="binarize-name"
        />
        <TextInput
          label="Is true when"
          description="A filter expression, e.g. quality >= 7"
          value={expression}
          onChange={(e) => setExpression(e.currentTarget.value)}
          error={error ?? undefined}
          style={{ flex: '1 1 260px' }}
          classNames={{ input: 'gb-mono' }}
          spellCheck={false}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="binarize-expression"
        />
        <Button type="submit" mt={25} loading={busy} data-testid="binarize-submit">
          Add column and evaluate
        </Button>
      </Group>
    </form>
  );
}

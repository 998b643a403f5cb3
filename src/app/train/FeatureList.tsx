import { Badge, Group, ScrollArea, Text, Title } from '@mantine/core';
import type { RunRecord } from './runRecord';

/** The features a recipe made in a training run (the model's inputs after preprocessing). */
export function FeatureList({ run, current }: { run: RunRecord | null; current: boolean }) {
  return (
    <div data-testid="recipe-features">
      <Title order={4} size="h6" mb={4}>
        Features {run ? `(${run.features.length})` : ''}
      </Title>
      {!run ? (
        <Text size="sm" c="dimmed">
          Train to see the features this recipe makes: one per numeric column, a 0/1 indicator per missing-value flag and per kept category.
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed" mb={6}>
            {current ? 'Made by this recipe in the selected run.' : 'Made by the selected run’s recipe, which differs from the one above.'}
          </Text>
          <ScrollArea.Autosize mah={150} type="auto" offsetScrollbars>
            <Group gap={4}>
              {run.features.map((f) => (
                <Badge key={f} variant="outline" color="gray" radius="sm" className="gb-mono" fw={400}>
                  {f}
                </Badge>
              ))}
            </Group>
          </ScrollArea.Autosize>
        </>
      )}
    </div>
  );
}

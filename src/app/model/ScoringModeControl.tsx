import { SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { fastThreads, saveScoringMode, scoringMode, threadsAvailable, type ScoringMode } from './scoringMode';

/**
 * Deterministic (1 thread, the CLI's numbers) or fast (several threads). Switching reloads the
 * page, because onnxruntime-web fixes its threads when it starts; the workspace comes back.
 */
export function ScoringModeControl({ threadsInUse, disabled }: { threadsInUse: number; disabled: boolean }) {
  const mode = scoringMode();
  const available = threadsAvailable();
  const change = (next: string) => {
    if (next === mode) return;
    saveScoringMode(next as ScoringMode);
    window.location.reload();
  };
  const control = (
    <SegmentedControl
      size="xs"
      value={mode}
      onChange={change}
      disabled={disabled}
      aria-label="Scoring mode"
      data-testid="scoring-mode"
      data={[
        { value: 'deterministic', label: 'Deterministic · 1 thread' },
        { value: 'fast', label: `Fast · ${fastThreads()} threads`, disabled: !available },
      ]}
    />
  );
  return (
    <Stack gap={2}>
      {available ? control : <Tooltip label="Threads need a cross-origin-isolated page (COOP/COEP headers)">{control}</Tooltip>}
      <Text size="xs" c="dimmed">
        {threadsInUse === 1
          ? 'Same numbers as glassbox predict, to the last digit. Switching reloads the page; your workspace is kept.'
          : `Scoring uses ${threadsInUse} threads: the last digits of scores may differ from the CLI's. Use Deterministic for recorded results.`}
      </Text>
    </Stack>
  );
}

import { Group, NumberInput, Slider, Text } from '@mantine/core';
import { useModel } from '../model/ModelProvider';

const MARKS = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, label: value.toFixed(2) }));

/** The decision threshold: a slider (arrow keys move it by 0.01) and a number field. */
export function ThresholdControl({ positive }: { positive: string }) {
  const { threshold, setThreshold } = useModel();
  return (
    <div data-testid="threshold-control">
      <Group justify="space-between" align="flex-end" mb={4} wrap="nowrap">
        <div>
          <Text fw={600} size="sm" id="gb-threshold-label">
            Decision threshold
          </Text>
          <Text size="xs" c="dimmed">
            Rows with a score ≥ the threshold are predicted {positive}.
          </Text>
        </div>
        <NumberInput
          aria-label="Threshold value"
          value={threshold}
          onChange={(v) => {
            const n = typeof v === 'number' ? v : Number.parseFloat(v);
            if (Number.isFinite(n)) setThreshold(n);
          }}
          min={0}
          max={1}
          step={0.01}
          decimalScale={2}
          fixedDecimalScale
          clampBehavior="strict"
          allowNegative={false}
          w={96}
          size="xs"
          data-testid="threshold-input"
        />
      </Group>
      <Slider
        value={threshold}
        onChange={setThreshold}
        min={0}
        max={1}
        step={0.01}
        precision={2}
        marks={MARKS}
        label={(v) => v.toFixed(2)}
        thumbLabel="Decision threshold"
        mb="lg"
        mx={6}
        data-testid="threshold-slider"
      />
    </div>
  );
}

import { Group, Text, type ComboboxItem } from '@mantine/core';
import type { ReactNode } from 'react';
import { TYPE_COLORS } from '../dataset/columnTypes';

/** A column in a dropdown: its name, and its type on the right (the picked pill shows the name only). */
export function columnOptionRenderer(types: ReadonlyMap<string, string>) {
  return function renderColumnOption({ option }: { option: ComboboxItem }): ReactNode {
    const type = types.get(option.value);
    const color = type && type in TYPE_COLORS ? TYPE_COLORS[type as keyof typeof TYPE_COLORS] : 'gray';
    return (
      <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
        <span>{option.label}</span>
        <Text size="xs" c={`${color}.8`} aria-hidden>
          {type}
        </Text>
      </Group>
    );
  };
}

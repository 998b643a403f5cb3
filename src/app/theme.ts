import { Badge, createTheme, type MantineColorsTuple } from '@mantine/core';

/** A sober navy: the primary colour of Glassbox. */
const navy: MantineColorsTuple = [
  '#eef3fb',
  '#dce4f2',
  '#b5c7e3',
  '#8ba8d5',
  '#688dc9',
  '#527dc2',
  '#4574c0',
  '#3662a9',
  '#2d5798',
  '#1c3d6e',
];

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 8,
  colors: { navy },
  defaultRadius: 'sm',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // Badges often hold column names and values: keep their case.
    Badge: Badge.extend({ styles: { root: { textTransform: 'none' } } }),
  },
});

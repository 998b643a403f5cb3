import { IconCalendar, IconCategory, IconHash, IconLetterCase, IconToggleLeft } from '@tabler/icons-react';
import { COLUMN_TYPES, type ColumnType } from '../../core/data/table';

export const TYPE_LABELS: Record<ColumnType, string> = {
  numeric: 'Numeric',
  categorical: 'Categorical',
  boolean: 'Boolean',
  datetime: 'Datetime',
  text: 'Text',
};

export const TYPE_OPTIONS = COLUMN_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));

export const TYPE_COLORS: Record<ColumnType, string> = {
  numeric: 'navy',
  categorical: 'teal',
  boolean: 'grape',
  datetime: 'orange',
  text: 'gray',
};

export function TypeIcon({ type, size = 16 }: { type: ColumnType; size?: number }) {
  const props = { size, 'aria-hidden': true, color: `var(--mantine-color-${TYPE_COLORS[type]}-7)` } as const;
  switch (type) {
    case 'numeric':
      return <IconHash {...props} />;
    case 'categorical':
      return <IconCategory {...props} />;
    case 'boolean':
      return <IconToggleLeft {...props} />;
    case 'datetime':
      return <IconCalendar {...props} />;
    default:
      return <IconLetterCase {...props} />;
  }
}

/** One value of a column as displayed and exported: number, boolean, text (datetimes as ISO 8601), or null. */
import { formatIsoDatetime } from './datetime';
import type { Column } from './table';
import { BOOL_MISSING, CODE_MISSING } from './table';

export function cellAt(column: Column, i: number): number | boolean | string | null {
  switch (column.type) {
    case 'numeric': {
      const v = column.values[i];
      return Number.isNaN(v) ? null : v;
    }
    case 'datetime': {
      const v = column.values[i];
      return Number.isNaN(v) ? null : formatIsoDatetime(v);
    }
    case 'boolean': {
      const v = column.values[i];
      return v === BOOL_MISSING ? null : v === 1;
    }
    default: {
      const c = column.codes[i];
      return c === CODE_MISSING ? null : column.dictionary[c];
    }
  }
}

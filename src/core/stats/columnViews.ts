/**
 * The two views the statistics read a column through, whatever its type:
 * - numeric: a Float64Array with NaN for missing (numeric and datetime values as they are,
 *   booleans as 0/1);
 * - categories: Int32 codes (−1 = missing) into a list of labels (categorical/text dictionary,
 *   booleans as "false"/"true").
 */
import { BOOL_MISSING, CODE_MISSING, type Column } from '../data/table';

/** Number of rows of a column (the length of its typed view). */
export function columnLength(column: Column): number {
  switch (column.type) {
    case 'numeric':
    case 'datetime':
    case 'boolean':
      return column.values.length;
    default:
      return column.codes.length;
  }
}

/** Float64 values (NaN = missing) for numeric, datetime and boolean columns; null otherwise. */
export function numericView(column: Column): Float64Array | null {
  switch (column.type) {
    case 'numeric':
    case 'datetime':
      return column.values;
    case 'boolean': {
      const v = column.values;
      const out = new Float64Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = v[i] === BOOL_MISSING ? NaN : v[i];
      return out;
    }
    default:
      return null;
  }
}

export interface CategoryView {
  codes: Int32Array;
  labels: readonly string[];
}

export const BOOLEAN_LABELS: readonly string[] = ['false', 'true'];

/** Codes and labels for categorical, text and boolean columns; null otherwise. */
export function categoryView(column: Column): CategoryView | null {
  switch (column.type) {
    case 'categorical':
    case 'text':
      return { codes: column.codes, labels: column.dictionary };
    case 'boolean': {
      const v = column.values;
      const codes = new Int32Array(v.length);
      for (let i = 0; i < v.length; i++) codes[i] = v[i] === BOOL_MISSING ? CODE_MISSING : v[i];
      return { codes, labels: BOOLEAN_LABELS };
    }
    default:
      return null;
  }
}

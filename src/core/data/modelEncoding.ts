/**
 * The contract's encodings of a cell for a model (shared/spec/cli.md, "Models"): numbers as they
 * are, booleans as 0/1, datetimes as float days since 1970-01-01T00:00Z, missing = NaN; as text,
 * categorical and text values verbatim, missing = empty string. Used by the Scorer's feed
 * encoder and by feature recipes, so that training and scoring see the same values.
 */
import { formatIsoDatetime } from './datetime';
import { BOOL_MISSING, CODE_MISSING, type Column } from './table';

const MS_PER_DAY = 86_400_000;

/** The value of row `r` of `column` as a number fed to a float input. */
export function numberAt(column: Column, r: number): number {
  switch (column.type) {
    case 'numeric':
      return column.values[r];
    case 'datetime':
      return column.values[r] / MS_PER_DAY;
    case 'boolean': {
      const v = column.values[r];
      return v === BOOL_MISSING ? NaN : v;
    }
    default:
      return NaN;
  }
}

/**
 * The value of row `r` as the float32 input of a model carries it: numberAt rounded to float32.
 * Feature recipes read their numeric inputs through this, so the values a recipe is fitted on
 * and applied to in memory are exactly those the exported graph receives.
 */
export function float32At(column: Column, r: number): number {
  return Math.fround(numberAt(column, r));
}

/** The value of row `r` of `column` as text fed to a string input. */
export function textAt(column: Column, r: number): string {
  switch (column.type) {
    case 'categorical':
    case 'text': {
      const code = column.codes[r];
      return code === CODE_MISSING ? '' : column.dictionary[code];
    }
    case 'numeric': {
      const v = column.values[r];
      return Number.isNaN(v) ? '' : String(v);
    }
    case 'datetime': {
      const v = column.values[r];
      return Number.isNaN(v) ? '' : formatIsoDatetime(v);
    }
    case 'boolean': {
      const v = column.values[r];
      return v === BOOL_MISSING ? '' : v === 1 ? 'true' : 'false';
    }
  }
}

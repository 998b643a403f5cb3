/**
 * The columnar table every part of the engine works on.
 *
 * Each column keeps its raw parsed form (`raw`: JSON numbers as Float64, or dictionary-coded
 * strings) and a typed view derived from it for its current type. Overriding a column's type
 * re-derives the view from `raw`, so no information is lost by switching back and forth.
 *
 * Missing values: NaN in Float64Arrays, -1 in dictionary codes, BOOL_MISSING in booleans.
 */
export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text';

export const COLUMN_TYPES: readonly ColumnType[] = ['numeric', 'categorical', 'boolean', 'datetime', 'text'];

/** Code used for a missing value in dictionary-coded columns. */
export const CODE_MISSING = -1;
/** Value used for a missing value in boolean columns (0 = false, 1 = true). */
export const BOOL_MISSING = 255;

/** A column whose every non-missing field was a JSON number (NaN = missing). */
export interface RawNumbers {
  readonly kind: 'numbers';
  readonly values: Float64Array;
}

/** A column kept as text, dictionary-coded in order of first appearance. */
export interface RawStrings {
  readonly kind: 'strings';
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

export type RawColumn = RawNumbers | RawStrings;

interface ColumnBase {
  readonly name: string;
  readonly raw: RawColumn;
  /** The type inferred at load time (the current `type` may be a user override). */
  readonly inferredType: ColumnType;
}

export interface NumericColumn extends ColumnBase {
  readonly type: 'numeric';
  readonly values: Float64Array;
}

/** Datetimes as milliseconds since 1970-01-01T00:00Z; zone-less values are UTC. */
export interface DatetimeColumn extends ColumnBase {
  readonly type: 'datetime';
  readonly values: Float64Array;
}

export interface BooleanColumn extends ColumnBase {
  readonly type: 'boolean';
  readonly values: Uint8Array;
}

export interface StringColumn extends ColumnBase {
  readonly type: 'categorical' | 'text';
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

export type Column = NumericColumn | DatetimeColumn | BooleanColumn | StringColumn;

export interface Table {
  readonly rowCount: number;
  readonly columns: readonly Column[];
}

export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}

/** True when row `i` of `column` is missing. */
export function isMissing(column: Column, i: number): boolean {
  switch (column.type) {
    case 'numeric':
    case 'datetime':
      return Number.isNaN(column.values[i]);
    case 'boolean':
      return column.values[i] === BOOL_MISSING;
    default:
      return column.codes[i] === CODE_MISSING;
  }
}

/**
 * A row selection: the indices of the rows in scope, ascending. `undefined` means all rows.
 * Statistics accept one so that a subpopulation filter re-scopes every view without copying.
 */
export type RowSelection = Uint32Array | undefined;

export function selectionSize(table: Table, rows: RowSelection): number {
  return rows ? rows.length : table.rowCount;
}

/**
 * Which dataset column feeds each model slot: each position of a matrix input, or each
 * per-column input. Suggested from the model (feature_names, input names) or given explicitly
 * (`--features`, the mapping UI), then checked against the table — a missing column or a column
 * of the wrong kind is an InputError naming both sides.
 */
import { closestName } from '../data/columnLookup';
import type { Column, Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { ModelSignature } from './modelSignature';

export interface MappingSlot {
  /** What the model calls this slot: the feature name or input name, or `float_input[3]`. */
  label: string;
  /** The column the model expects here, when it says (feature_names or the input's own name). */
  expected: string | null;
  /** Element type the slot is fed as. */
  elementType: string;
}

/** A complete mapping: the column for each slot, in slot order. */
export type InputMapping = string[];

export function mappingSlots(signature: ModelSignature): MappingSlot[] {
  if (signature.layout === 'matrix') {
    const input = signature.inputs[0];
    const count = signature.featureCount ?? signature.featureNames?.length ?? 0;
    return Array.from({ length: count }, (_, k) => ({
      label: signature.featureNames?.[k] ?? `${input.name}[${k}]`,
      expected: signature.featureNames?.[k] ?? null,
      elementType: input.elementType,
    }));
  }
  return signature.inputs.map((input, i) => ({
    label: input.name,
    expected: signature.featureNames?.length === signature.inputs.length ? signature.featureNames[i] : input.name,
    elementType: input.elementType,
  }));
}

/**
 * The default mapping: each slot's expected column when the table has it (exact name, else a
 * unique case-insensitive match), null where the user must choose.
 */
export function suggestMapping(signature: ModelSignature, columnNames: readonly string[]): (string | null)[] {
  const exact = new Set(columnNames);
  return mappingSlots(signature).map((slot) => {
    if (slot.expected === null) return null;
    if (exact.has(slot.expected)) return slot.expected;
    const lower = slot.expected.toLowerCase();
    const matches = columnNames.filter((c) => c.toLowerCase() === lower);
    return matches.length === 1 ? matches[0] : null;
  });
}

/**
 * Resolve and check the mapping for a table. `explicit` (from `--features` or the UI) wins over
 * the suggestion; `source` names the data in messages.
 */
export function resolveMapping(
  signature: ModelSignature,
  table: Table,
  source: string,
  explicit?: readonly (string | null)[] | null,
): InputMapping {
  const slots = mappingSlots(signature);
  const columnNames = table.columns.map((c) => c.name);
  if (signature.layout === 'matrix' && signature.featureNames === null) {
    const count = signature.featureCount;
    if (!explicit?.length) {
      throw new InputError(
        `model input '${signature.inputs[0].name}' takes ${count ?? 'a matrix of'} features but the model has no feature_names metadata: name its columns in order (--features a,b,c, or map them in the Model step)`,
      );
    }
    if (count === null) return explicit.map((name, k) => checkColumn(table, source, name, `${signature.inputs[0].name}[${k}]`, signature, k));
  }
  if (explicit && explicit.length !== slots.length) {
    throw new InputError(
      `the model takes ${slots.length} feature${slots.length === 1 ? '' : 's'} (${slots.map((s) => s.label).join(', ')}) but ${explicit.length} column${explicit.length === 1 ? ' was' : 's were'} given`,
    );
  }
  const suggested = suggestMapping(signature, columnNames);
  return slots.map((slot, k) => {
    const name = explicit?.[k] ?? suggested[k];
    if (name === null || name === undefined) {
      const wanted = slot.expected ?? slot.label;
      const hint = closestName(wanted, columnNames);
      throw new InputError(
        `the model needs a column '${wanted}', which is not in ${source}` +
          (hint ? ` (did you mean '${hint}'?)` : '') +
          ' — map it to one of the data columns',
      );
    }
    return checkColumn(table, source, name, slot.label, signature, k);
  });
}

function checkColumn(
  table: Table,
  source: string,
  name: string | null,
  slotLabel: string,
  signature: ModelSignature,
  slot: number,
): string {
  if (name === null) throw new InputError(`no column is mapped to model input '${slotLabel}'`);
  const column = table.columns.find((c) => c.name === name);
  if (!column) {
    const hint = closestName(name, table.columns.map((c) => c.name));
    throw new InputError(`column '${name}' not found in ${source}` + (hint ? ` (did you mean '${hint}'?)` : ''));
  }
  const elementType = signature.layout === 'matrix' ? signature.inputs[0].elementType : signature.inputs[slot].elementType;
  if (elementType !== 'string' && !isNumberLike(column)) {
    throw new InputError(
      `column '${name}' is ${column.type} but model input '${slotLabel}' takes numbers (${elementType}); map a numeric, boolean or datetime column, or change the column's type`,
    );
  }
  return name;
}

function isNumberLike(column: Column): boolean {
  return column.type === 'numeric' || column.type === 'boolean' || column.type === 'datetime';
}

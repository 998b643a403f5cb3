/**
 * Reading a target column as the contract says (shared/spec/cli.md, "Conventions"): class labels
 * as text (numbers in shortest form, booleans true/false), the task (classification for exactly
 * two classes unless told), and the positive class (`--positive`; else 1 for {0,1}, true for
 * {true,false}; otherwise it must be given).
 */
import { cellAt } from '../data/cellAt';
import { requireColumn } from '../data/columnLookup';
import { formatNumber } from '../data/formatNumber';
import type { Column, Table } from '../data/table';
import { InputError } from '../errors/errors';
import type { Task } from './evaluateScores';

/** The target's value as a class label text (numbers in shortest form, booleans true/false). */
export function labelAt(column: Column, i: number): string | null {
  if (column.type === 'datetime') throw new InputError(`column '${column.name}' holds dates; it cannot be a target`);
  const v = cellAt(column, i);
  if (v === null) return null;
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

export function distinctInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** --positive if given (must be a class); 1 for {0,1}; true for {true,false}; else required. */
export function positiveClass(name: string, classes: readonly string[], given: string | undefined): string {
  const list = classes.map((c) => `'${c}'`).join(' and ');
  if (given !== undefined) {
    const match = classes.find((c) => c === given || c.toLowerCase() === given.toLowerCase() || Number(c) === Number(given));
    if (match === undefined || given.trim() === '') throw new InputError(`--positive '${given}' is not a class of '${name}' (its classes are ${list})`);
    return match;
  }
  const set = new Set(classes.map((c) => c.toLowerCase()));
  if (set.has('0') && set.has('1')) return classes.find((c) => c === '1')!;
  if (set.has('true') && set.has('false')) return classes.find((c) => c.toLowerCase() === 'true')!;
  throw new InputError(`target '${name}' has classes ${list}: say which is positive with --positive`);
}

export type TargetValues =
  | { task: 'classification'; rows: Uint32Array; label: Uint8Array; positive: string; negative: string }
  | { task: 'regression'; rows: Uint32Array; value: Float64Array };

/** The target over `rows` (rows with a missing target are left out; `rows` says which were kept). */
export function readTarget(
  table: Table,
  name: string,
  options: { rows: Uint32Array; task?: Task; positive?: string; source?: string },
): TargetValues {
  const target = requireColumn(table, name, options.source);
  const kept: number[] = [];
  const labels: string[] = [];
  for (const i of options.rows) {
    const t = labelAt(target, i);
    if (t === null) continue;
    kept.push(i);
    labels.push(t);
  }
  if (kept.length === 0) throw new InputError(`target '${name}' has no values`);
  const classes = distinctInOrder(labels);
  // default: two values classify; more regress when they are numbers (a non-numeric target with 3+ classes gets the classes message)
  const task: Task = options.task ?? (classes.length === 2 || target.type !== 'numeric' ? 'classification' : 'regression');
  const rows = Uint32Array.from(kept);
  if (task === 'regression') {
    if (target.type !== 'numeric') {
      throw new InputError(`regression needs a numeric target; '${name}' is ${target.type} (use --task classification for two classes)`);
    }
    return { task, rows, value: Float64Array.from(kept, (i) => target.values[i]) };
  }
  if (classes.length !== 2) {
    const shown = classes.slice(0, 10).map((c) => `'${c}'`).join(', ') + (classes.length > 10 ? ', …' : '');
    throw new InputError(
      `target '${name}' has ${classes.length} classes (${shown}); binary classification needs exactly two — binarize it first, e.g. '${name} >= 7'`,
    );
  }
  const positive = positiveClass(name, classes, options.positive);
  const negative = classes.find((c) => c !== positive)!;
  return { task, rows, label: Uint8Array.from(labels, (l) => (l === positive ? 1 : 0)), positive, negative };
}

/**
 * Sensitive attributes as groups of rows (shared/spec/cli.md, "fairness"): a column's values as
 * text, missing values their own group "(missing)", numeric (and date) columns with more than 10
 * distinct values cut into `bins` quantile bins labelled by their intervals ("[a, b]", "(b, c]");
 * with two columns, also their intersection `a&b` whose groups are `x|y` — every combination of
 * the two attributes' groups, the empty ones included (count 0), so a missing combination is
 * visible rather than silently absent.
 */
import { formatNumber } from '../data/formatNumber';
import type { Column } from '../data/table';
import { InputError } from '../errors/errors';
import { quantileBins } from '../stats/quantileBins';
import { cellAt } from '../data/cellAt';
import { formatIsoDatetime } from '../data/datetime';

export const MISSING_GROUP = '(missing)';
/** Columns with more distinct values than this are binned when numeric. */
export const MAX_UNBINNED_VALUES = 10;

export interface SensitiveAttribute {
  name: string;
  /** Group labels in report order. */
  groups: string[];
  /** Per group, the positions (into `rows`) of its members. */
  members: Uint32Array[];
  /** Whether the groups are quantile bins of a numeric column. */
  binned: boolean;
}

/** The attributes of one or two sensitive columns over the table rows `rows` (in that order). */
export function sensitiveAttributes(columns: readonly Column[], rows: readonly number[], bins: number): SensitiveAttribute[] {
  if (columns.length === 0) throw new InputError('--sensitive needs at least one column');
  if (columns.length > 2) throw new InputError(`--sensitive takes one or two columns (got ${columns.length})`);
  const labelled = columns.map((c) => groupLabels(c, rows, bins));
  const attributes = columns.map((c, k) => {
    const present = new Set(labelled[k].labels);
    const order = labelled[k].order ? labelled[k].order.filter((g) => present.has(g)) : [...present].sort(compareGroups);
    return attributeOf(c.name, labelled[k].labels, order, labelled[k].order !== null);
  });
  if (columns.length === 2) {
    const [a, b] = attributes;
    const names = a.groups.flatMap((x) => b.groups.map((y) => `${x}|${y}`));
    const labels = labelled[0].labels.map((x, k) => `${x}|${labelled[1].labels[k]}`);
    attributes.push(attributeOf(`${a.name}&${b.name}`, labels, names, a.binned || b.binned));
  }
  return attributes;
}

function attributeOf(name: string, labels: readonly string[], groups: string[], binned: boolean): SensitiveAttribute {
  const index = new Map(groups.map((g, k) => [g, k]));
  const sizes = new Uint32Array(groups.length);
  for (const l of labels) sizes[index.get(l)!]++;
  const members = Array.from(sizes, (s) => new Uint32Array(s));
  const fill = new Uint32Array(groups.length);
  labels.forEach((l, k) => {
    const g = index.get(l)!;
    members[g][fill[g]++] = k;
  });
  return { name, groups, members, binned };
}

/** Each row's group label for a sensitive column (rows = table rows, in order). */
function groupLabels(column: Column, rows: readonly number[], bins: number): { labels: string[]; order: string[] | null } {
  if (column.type === 'numeric' || column.type === 'datetime') {
    const values = Float64Array.from(rows, (i) => column.values[i]);
    const distinct = new Set(values.filter((v) => v === v));
    if (distinct.size > MAX_UNBINNED_VALUES) {
      if (!(Number.isInteger(bins) && bins >= 2)) throw new InputError(`--bins must be a whole number ≥ 2 (got ${bins})`);
      const cut = quantileBins(values, undefined, bins);
      const bound = column.type === 'datetime' ? formatIsoDatetime : formatNumber;
      const text = cut.bounds.map((b, k) => `${k === 0 ? '[' : '('}${bound(b.start)}, ${bound(b.end)}]`);
      return { labels: Array.from(cut.codes, (c) => (c < 0 ? MISSING_GROUP : text[c])), order: [...text, MISSING_GROUP] };
    }
  }
  return { labels: rows.map((i) => textAt(column, i)), order: null };
}

/** A value as group text: numbers as they read back, dates as ISO text, missing as "(missing)". */
function textAt(column: Column, i: number): string {
  const v = cellAt(column, i);
  return v === null ? MISSING_GROUP : typeof v === 'number' ? formatNumber(v) : String(v);
}

/** Groups in a stable order: numbers and intervals by value, text alphabetically, missing last. */
function compareGroups(a: string, b: string): number {
  if (a === MISSING_GROUP || b === MISSING_GROUP) return a === b ? 0 : a === MISSING_GROUP ? 1 : -1;
  const na = Number(a.replace(/^[[(]/, '').split(',')[0]);
  const nb = Number(b.replace(/^[[(]/, '').split(',')[0]);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

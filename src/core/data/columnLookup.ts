/** Finds a column by name, or throws an InputError suggesting the closest existing name. */
import { InputError } from '../errors/errors';
import type { Column, Table } from './table';

export function requireColumn(table: Table, name: string, where?: string): Column {
  const column = table.columns.find((c) => c.name === name);
  if (column) return column;
  const suggestion = closestName(name, table.columns.map((c) => c.name));
  throw new InputError(
    `column '${name}' not found${where ? ` in ${where}` : ''}` + (suggestion ? ` (did you mean '${suggestion}'?)` : ''),
  );
}

/** The candidate within a small edit distance of `name` (case-insensitive), if any. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : null;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * Runtime reading of the snapshot's loosely typed parts (training, explanations, fairness, drift):
 * they are kept as recorded, so every field is checked before the report uses it, and a field of
 * the wrong type reads as absent.
 */
export type Loose = Record<string, unknown>;

export function asRecord(value: unknown): Loose | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : null;
}

export function asArray(value: unknown): unknown[] | null {
  return Array.isArray(value) ? value : null;
}

/** The records of an array (other items skipped); null when `value` is not an array. */
export function asRecords(value: unknown): Loose[] | null {
  const items = asArray(value);
  return items ? items.map(asRecord).filter((r): r is Loose => r !== null) : null;
}

export function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function asBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** The strings of an array (other items skipped); null when `value` is not an array. */
export function asStrings(value: unknown): string[] | null {
  const items = asArray(value);
  return items ? items.filter((s): s is string => typeof s === 'string') : null;
}

/** A [low, high] pair of finite numbers, else null. */
export function asInterval(value: unknown): [number, number] | null {
  const items = asArray(value);
  if (!items || items.length !== 2) return null;
  const [lo, hi] = items.map(asNumber);
  return lo === null || hi === null ? null : [lo, hi];
}

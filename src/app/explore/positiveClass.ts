/** Which class of a binary target counts as positive. */
import type { ColumnProfile } from '../../core/stats/results';

/** The default positive class of a binary target: 1 / true when present, else the rarer class. */
export function defaultPositive(col: ColumnProfile | undefined): string | null {
  if (!col || col.distinct !== 2 || col.top.length < 2) return null;
  const values = col.top.map((t) => String(t.value));
  for (const v of ['1', 'true', 'True', 'TRUE', 'yes', 'Yes']) if (values.includes(v)) return v;
  const sorted = [...col.top].sort((a, b) => a.count - b.count);
  return String(sorted[0].value);
}

/** The positive class for a model's evaluation: the one chosen, else the model's own positive class, else the default. */
export function pickPositive(classes: string[], chosen: string | null, modelPositive: string | number | null, profile: ColumnProfile): string | null {
  if (chosen !== null && classes.includes(chosen)) return chosen;
  const fromModel = modelPositive === null ? null : String(modelPositive);
  if (fromModel !== null && classes.includes(fromModel)) return fromModel;
  return defaultPositive(profile);
}

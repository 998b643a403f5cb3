/**
 * Explanations, when recorded: per explanation its method, output scale, the rows explained and
 * the background rows (as counts — row ids are references, not data), and the aggregated
 * importance per column as a table and a chart. Per-row values are never shown.
 */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, facts, notRecorded, paragraph, subheading, table, text } from '../htmlBlocks';
import { asArray, asNumber, asRecords, asString, type Loose } from '../looseRecord';
import { barsSpec } from '../reportCharts';
import type { ReportPart, ReportSection } from '../reportParts';
import { formatCount, formatNumber } from '../reportFormat';

const TABLE_TOP = 25;
const CHART_TOP = 15;

/** Rows given as "A:B", a count, or a list of row ids: described, never listed. */
export function describeRows(value: unknown): string | null {
  if (typeof value === 'string') return `rows ${code(value)}`;
  const n = asNumber(value);
  if (n !== null) return `${formatCount(n)} rows`;
  const ids = asArray(value)?.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!ids) return null;
  if (!ids.length) return 'no rows';
  const lo = Math.min(...ids);
  const hi = Math.max(...ids);
  const contiguous = hi - lo + 1 === ids.length;
  return `${formatCount(ids.length)} row${ids.length === 1 ? '' : 's'}${contiguous ? ` (row numbers ${formatCount(lo)}–${formatCount(hi)})` : ' (row ids recorded in the snapshot)'}`;
}

function importanceOf(item: Loose): { name: string; value: number }[] {
  return (asRecords(item.importance) ?? [])
    .map((r) => ({ name: asString(r.name), value: asNumber(r.value) }))
    .filter((r): r is { name: string; value: number } => r.name !== null && r.value !== null)
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
}

function explanationParts(item: Loose, k: number): ReportPart[] {
  const method = asString(item.method);
  const output = asString(item.output);
  const rows = describeRows(item.rows);
  const background = describeRows(item.background);
  const importance = importanceOf(item);
  const title = `Explanation ${k + 1}${method ? `: ${method}` : ''}`;
  const parts: ReportPart[] = [
    subheading(title),
    facts([
      ['Method', method ? code(method) : '<span class="absent">not recorded</span>'],
      ['Output', output ? code(output) : '<span class="absent">not recorded</span>'],
      ['Rows explained', rows ?? '<span class="absent">not recorded</span>'],
      ['Background rows', background ?? '<span class="absent">not recorded</span>'],
      ...(asNumber(item.seed) !== null ? [['Seed', String(asNumber(item.seed))] as const] : []),
    ]),
  ];
  if (!importance.length) {
    parts.push(paragraph('No aggregated importance recorded for this explanation.', 'absent'));
    return parts;
  }
  const shown = importance.slice(0, TABLE_TOP);
  parts.push(
    table(['Column', 'Importance'], shown.map((r) => [text(r.name), formatNumber(r.value)]), {
      caption: importance.length > TABLE_TOP ? `The ${TABLE_TOP} most important of ${importance.length} columns` : 'Importance per column, most important first',
      numeric: [1],
    }),
  );
  if (importance.length >= 2) {
    const top = importance.slice(0, CHART_TOP);
    parts.push({ title: `${title} — importance per column`, spec: barsSpec(`${title}: importance per column`, top, `Importance${output ? ` (${output})` : ''}`) });
  }
  return parts;
}

/** A recorded partial-dependence curve: its column, grid size and the range of the average prediction (aggregates only). */
function pdpParts(item: Loose): ReportPart[] {
  const feature = asString(item.feature) ?? 'a column';
  const average = (asArray(item.average) ?? []).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const grid = asArray(item.grid) ?? [];
  return [
    subheading(`Partial dependence on ${feature}`),
    facts([
      ['Grid points', formatCount(grid.length)],
      ['Rows averaged', describeRows(item.rows) ?? '<span class="absent">not recorded</span>'],
      ['Average prediction', average.length ? `${formatNumber(Math.min(...average))} to ${formatNumber(Math.max(...average))}` : '<span class="absent">not recorded</span>'],
      ...(asNumber(item.seed) !== null ? [['Seed', String(asNumber(item.seed))] as const] : []),
    ]),
  ];
}

export function explanationsSection(snapshot: Snapshot): ReportSection {
  const all = snapshot.explanations.filter((e) => typeof e === 'object' && e !== null);
  const pdps = all.filter((e) => e.kind === 'pdp');
  const items = all.filter((e) => e.kind !== 'pdp');
  if (!items.length && !pdps.length) return { id: 'explanations', title: 'Explanations', parts: [notRecorded('Explanations')] };
  return {
    id: 'explanations',
    title: 'Explanations',
    parts: [
      paragraph('Importance per column as recorded with each explanation, aggregated over the rows explained; the values of individual rows are not reproduced.', 'note'),
      ...items.flatMap(explanationParts),
      ...pdps.flatMap((p) => pdpParts(p as Loose)),
    ],
  };
}

/**
 * Data lineage: the dataset's fingerprint (file name, format, SHA-256, size, rows), its schema
 * with each column's role, type overrides and derived columns, whether the bytes are embedded or
 * only referenced, and the columns left out. Never a data row or value: the embedded bytes are
 * not even decoded.
 */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, facts, names, paragraph, table, text } from '../htmlBlocks';
import { asRecord, asRecords, asString, asStrings } from '../looseRecord';
import type { ReportSection } from '../reportParts';
import { base64Bytes, formatBytes, formatCount } from '../reportFormat';

export function dataSection(snapshot: Snapshot): ReportSection {
  const { data, evaluation, model } = snapshot;
  const loose = data as Record<string, unknown>;
  const overrides = Object.entries(asRecord(loose.overrides) ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
  const derived = (asRecords(loose.derived) ?? []).filter((d) => asString(d.name) !== null);
  const embeddedFormat = asString(asRecord(loose.embedded)?.format);
  const sensitive = asStrings((evaluation as Record<string, unknown>).sensitive) ?? [];
  const dialect = data.dialect ? ` (delimiter ${code(data.dialect.delimiter === '\t' ? 'tab' : data.dialect.delimiter)}, decimal ${code(data.dialect.decimal)})` : '';
  const embedded = data.embedded
    ? `embedded in the snapshot (${embeddedFormat ? `${text(embeddedFormat)}, ` : ''}${text(data.embedded.encoding)}, ${formatBytes(base64Bytes(data.embedded.content))}, SHA-256 ${code(data.embedded.sha256)})${data.excluded.length ? ', without the excluded columns' : ''}`
    : 'referenced, not embedded: the snapshot holds its fingerprint only';
  const roles = (name: string): string => {
    const out: string[] = [];
    if (name === evaluation.target) out.push('target');
    const input = model.mapping.indexOf(name);
    if (input >= 0) out.push(`model input ${input + 1}`);
    if (sensitive.includes(name)) out.push('sensitive attribute');
    if (data.excluded.includes(name)) out.push('excluded from the embedded data');
    if (derived.some((d) => d.name === name)) out.push('derived');
    return out.join(', ');
  };
  return {
    id: 'data',
    title: 'Data lineage',
    parts: [
      facts([
        ['File name', text(data.name)],
        ['Format', `${text(data.format)}${dialect}`],
        ['SHA-256 of the file', code(data.sha256)],
        ['Size', formatBytes(data.bytes)],
        ['Rows', formatCount(data.rows)],
        ['Columns', formatCount(data.columns.length)],
        ['Data', embedded],
        ['Excluded columns', names(data.excluded)],
        ['Type overrides', overrides.length ? overrides.map(([c, t]) => `${code(c)} as ${text(t)}`).join(', ') : 'none'],
        ['Derived columns', derived.length ? derived.map((d) => `${code(asString(d.name)!)} = ${code(asString(d.expression) ?? '')}`).join(', ') : 'none'],
      ]),
      table(
        ['#', 'Column', 'Type', 'Role'],
        data.columns.map((c, i) => [String(i + 1), text(c.name), text(c.type), text(roles(c.name))]),
        { caption: 'Schema of the dataset', numeric: [0] },
      ),
      paragraph('The report shows the data’s fingerprint and schema only: no data rows or values are reproduced here.', 'note'),
    ],
  };
}

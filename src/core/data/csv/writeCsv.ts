/**
 * A table (some of its columns) as RFC 4180 CSV text: comma-separated, a header row, fields with
 * a comma, a quote, a line break or surrounding spaces quoted (quotes doubled), numbers as they
 * read back, dates as ISO 8601, booleans as true/false, missing values empty. Reading the text
 * back gives the same values (used to embed data without excluded columns in a snapshot).
 */
import { cellAt } from '../cellAt';
import { formatNumber } from '../formatNumber';
import type { Table } from '../table';

function field(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function tableToCsv(table: Table, columns: readonly string[]): string {
  const picked = columns.map((name) => table.columns.find((c) => c.name === name)!);
  const lines = [picked.map((c) => field(c.name)).join(',')];
  for (let i = 0; i < table.rowCount; i++) {
    lines.push(
      picked
        .map((c) => {
          const v = cellAt(c, i);
          return v === null ? '' : field(typeof v === 'number' ? formatNumber(v) : String(v));
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

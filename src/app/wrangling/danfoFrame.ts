/**
 * Bridge between the worker's pages of rows and danfojs DataFrames, for users who want the
 * dataframe API (and for the CSV export of the preview). danfojs is a 5.6 MB bundle: it is only
 * ever loaded with a dynamic import, the first time one of these functions needs it.
 */
import type { DataFrame } from 'danfojs';
import type { ColumnType } from '../../core/data/table';
import type { Cell, ColumnInfo, RowsPage } from '../../workers/workbenchApi';

type Danfo = typeof import('danfojs');

let danfoPromise: Promise<Danfo> | null = null;

/** Loads danfojs once (lazily). */
export function loadDanfo(): Promise<Danfo> {
  danfoPromise ??= import('danfojs');
  return danfoPromise;
}

/** The danfojs dtype for a Glassbox column type (datetimes travel as ISO text). */
export function danfoDtype(type: ColumnType): 'float32' | 'boolean' | 'string' {
  if (type === 'numeric') return 'float32';
  if (type === 'boolean') return 'boolean';
  return 'string';
}

/**
 * A page of rows as a DataFrame with one column per dataset column (in order) and the
 * original row indices as its index. Missing cells stay `null`. (danfojs' "float32" dtype is a
 * label: values stay JavaScript doubles.)
 */
export async function pageToDataFrame(columns: readonly ColumnInfo[], page: RowsPage): Promise<DataFrame> {
  const dfd = await loadDanfo();
  const names = columns.map((c) => c.name);
  const dtypes = columns.map((c) => danfoDtype(c.type));
  if (page.rows.length === 0) return new dfd.DataFrame([], { columns: names, dtypes });
  return new dfd.DataFrame(
    page.rows.map((r) => [...r]),
    { columns: names, dtypes, index: [...page.index] },
  );
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** The DataFrame's rows as cells (NaN/undefined become null, the missing value). */
export function dataFrameToRows(df: DataFrame): Cell[][] {
  if (df.shape[0] === 0) return [];
  return (df.values as unknown[][]).map((row) => row.map(toCell));
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF (or edge spaces). */
export function csvField(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? (Object.is(v, -0) ? '0' : String(v)) : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * CSV text of a DataFrame via danfojs `toCSV`. danfojs joins fields without quoting, so the
 * fields are escaped first (into an all-text copy) to give valid RFC 4180 output.
 */
export async function dataFrameToCsv(df: DataFrame): Promise<string> {
  const dfd = await loadDanfo();
  const columns = (df.columns as string[]).map(csvField);
  const rows = dataFrameToRows(df).map((r) => r.map(csvField));
  const escaped = new dfd.DataFrame(rows, { columns, dtypes: columns.map(() => 'string') });
  const csv = dfd.toCSV(escaped, { download: false, sep: ',', header: true });
  return typeof csv === 'string' ? csv : '';
}

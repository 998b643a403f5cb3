/** "Export rows as CSV": the rows in scope (filtered, sorted), fetched in pages, up to a cap. */
import type { ColumnInfo, RowsPage } from '../../workers/workbenchApi';
import { downloadBlob } from '../files/downloadBlob';

export const EXPORT_ROW_CAP = 100_000;
const EXPORT_PAGE = 10_000;

export interface ExportResult {
  rows: number;
  total: number;
  capped: boolean;
  fileName: string;
}

export interface ExportRequest {
  columns: readonly ColumnInfo[];
  total: number;
  datasetName: string;
  fetchPage(offset: number, limit: number): Promise<RowsPage>;
}

function baseName(name: string): string {
  return name.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^\w.-]+/g, '_') || 'rows';
}

export async function exportRowsAsCsv(req: ExportRequest): Promise<ExportResult> {
  const want = Math.min(req.total, EXPORT_ROW_CAP);
  const index: number[] = [];
  const rows: RowsPage['rows'] = [];
  let total = req.total;
  for (let offset = 0; offset < want; offset += EXPORT_PAGE) {
    const page = await req.fetchPage(offset, Math.min(EXPORT_PAGE, want - offset));
    total = page.total;
    for (let i = 0; i < page.rows.length; i++) {
      rows.push(page.rows[i]);
      index.push(page.index[i]);
    }
    if (page.rows.length === 0) break;
  }
  const { pageToDataFrame, dataFrameToCsv } = await import('./danfoFrame');
  const df = await pageToDataFrame(req.columns, { offset: 0, total, index, rows });
  const csv = await dataFrameToCsv(df);
  const fileName = `${baseName(req.datasetName)}-rows.csv`;
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
  return { rows: rows.length, total, capped: total > rows.length, fileName };
}

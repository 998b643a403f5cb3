/** The rows an evaluation chart was drawn from, as its last subtitle line (so an exported chart says it too). */
import type { RowsUsed } from '../../core/validation/modelEvaluation';

const count = (n: number) => n.toLocaleString('en-US');

/** "20,000 of 20,000 rows", or "16,192 of 16,192 rows in scope (48,842 in the dataset)" under a filter. */
export function rowsLine(rows: RowsUsed): string {
  const base = `${count(rows.n)} of ${count(rows.inScope)} rows`;
  return rows.inScope < rows.total ? `${base} in scope (${count(rows.total)} in the dataset)` : base;
}

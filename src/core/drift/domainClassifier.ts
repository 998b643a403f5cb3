/**
 * The domain classifier of `glassbox drift` (shared/spec/cli.md): a Glassbox GBDT with default
 * parameters and the default recipe learns to tell current rows (1) from reference rows (0) over
 * the compared columns; 5-fold stratified cross-validation (seeded) gives every row an
 * out-of-fold score, and the AUC of those scores says how distinguishable the two sides are
 * (0.5 = not at all). Its permutation importances are out-of-fold too: in each fold, each column
 * of the held-out rows is shuffled (5 repeats, seeded) and the drop of that fold's AUC recorded;
 * a column's importance is the mean drop over the folds.
 */
import { buildTable, withColumnType } from '../data/buildTable';
import { cellAt } from '../data/cellAt';
import { rawFromValues } from '../data/rawFromValues';
import type { Table } from '../data/table';
import { permutationImportance } from '../explain/permutationImportance';
import { stratifiedKFold } from '../folds/stratifiedKFold';
import { predictPipeline, trainPipelineSteps } from '../pipeline/trainPipeline';
import { finishAsync, within, type StepControl } from '../progress/steps';
import { aucFromOrder, scoreOrder } from '../validation/binaryMetrics';
import { rowAt, sideSize, type DriftSide } from './driftSide';

export const DOMAIN_FOLDS = 5;
export const DOMAIN_REPEATS = 5;
export const TOP_FEATURES = 10;
const LABEL = '__glassbox_is_current';

export interface DomainClassifier {
  auc: number | null;
  topFeatures: { name: string; importance: number }[];
}

/** Reference rows then current rows as one table, with the label column. */
export function pooledTable(reference: DriftSide, current: DriftSide, columns: readonly string[]): Table {
  const nr = sideSize(reference);
  const nc = sideSize(current);
  const n = nr + nc;
  const raws = columns.map((name) => {
    const a = reference.table.columns.find((c) => c.name === name)!;
    const b = current.table.columns.find((c) => c.name === name)!;
    const values: (number | boolean | string | null)[] = new Array(n);
    for (let k = 0; k < nr; k++) values[k] = cellAt(a, rowAt(reference, k));
    for (let k = 0; k < nc; k++) values[nr + k] = cellAt(b, rowAt(current, k));
    const numeric = a.type === 'numeric' && b.type === 'numeric';
    const dates = a.type === 'datetime' && b.type === 'datetime';
    return { raw: rawFromValues(numeric || dates ? values : values.map((v) => (v === null ? null : String(v))), dates), type: numeric ? 'numeric' : dates ? 'datetime' : a.type === b.type ? a.type : 'categorical' };
  });
  let table = buildTable([...columns, LABEL], [...raws.map((r) => r.raw), rawFromValues(Array.from({ length: n }, (_, i) => (i < nr ? 0 : 1)))], n);
  raws.forEach((r, k) => {
    if (table.columns[k].type !== r.type) table = withColumnType(table, columns[k], r.type);
  });
  return table;
}

export async function domainClassifier(reference: DriftSide, current: DriftSide, columns: readonly string[], seed: number, control: StepControl): Promise<DomainClassifier> {
  const table = pooledTable(reference, current, columns);
  const n = table.rowCount;
  const label = Uint8Array.from({ length: n }, (_, i) => (i < sideSize(reference) ? 0 : 1));
  const rows = Uint32Array.from({ length: n }, (_, i) => i);
  const folds = stratifiedKFold(rows, label, DOMAIN_FOLDS, seed);
  const score = new Float64Array(n);
  const importance = new Map<string, number>(columns.map((c) => [c, 0]));
  // progress: per fold, training (trees) then the shuffles, as one unit each
  const total = folds.length * 2;
  for (const [k, fold] of folds.entries()) {
    // whole units in the progress text: a fold's training, then its shuffles
    const pipeline = await finishAsync(within(trainPipelineSteps(table, { target: LABEL, kind: 'gbdt', seed, rows: fold.train, positive: '1' }), k * 2, 1, total), { ...control, onProgress: (done, all) => control.onProgress?.(Math.floor(done), all) });
    const s = predictPipeline(pipeline, table, fold.test);
    fold.test.forEach((r, i) => (score[r] = s[i]));
    const drops = await permutationImportance((t, r) => predictPipeline(pipeline, t, r), table, fold.test, columns, { task: 'classification', label: Uint8Array.from(fold.test, (r) => label[r]) }, { repeats: DOMAIN_REPEATS, seed, pause: control.pause, signal: control.signal });
    for (const c of drops.columns) importance.set(c.column, importance.get(c.column)! + c.mean / folds.length);
    control.onProgress?.(k * 2 + 2, total);
  }
  const topFeatures = [...importance.entries()]
    .map(([name, value]) => ({ name, importance: value }))
    .sort((a, b) => b.importance - a.importance)
    .slice(0, TOP_FEATURES);
  return { auc: aucFromOrder(label, score, scoreOrder(score)), topFeatures };
}

/**
 * Two experiments on the same rows, compared pair-wise: when both snapshots embed the same data
 * (same SHA-256) and evaluate the same target on the same rows, both models score those rows
 * again and pairedComparison.ts gives each metric's difference with a paired bootstrap interval;
 * both ROC curves come along for an overlay. Otherwise it says why no paired comparison is possible.
 */
import type { Scorer } from '../inference/scorer';
import type { RocCurve } from '../validation/curves';
import { rocCurve } from '../validation/curves';
import { scoredRows } from '../validation/evaluateScores';
import { thinRoc } from '../validation/modelEvaluation';
import { fromBase64 } from './base64';
import { embeddedTable } from './embeddedData';
import { pairedComparison, type MetricDifference } from './pairedComparison';
import type { Snapshot } from './snapshotSchema';

export interface SnapshotComparison {
  paired: MetricDifference[] | null;
  /** Why there is no paired comparison (null when there is one). */
  reason: string | null;
  rows: number;
  roc: { champion: RocCurve | null; challenger: RocCurve | null } | null;
}

function pairable(a: Snapshot, b: Snapshot): string | null {
  if (!a.data.embedded || !b.data.embedded) return 'a paired comparison re-scores both models on the same rows: both snapshots must embed their data';
  if (a.data.sha256 !== b.data.sha256) return 'the two experiments were evaluated on different data (their SHA-256 differ)';
  const ea = a.evaluation;
  const eb = b.evaluation;
  if (ea.target !== eb.target || ea.positive !== eb.positive || ea.task !== eb.task) return 'the two experiments do not predict the same target';
  if (JSON.stringify(ea.rows) !== JSON.stringify(eb.rows)) return 'the two experiments were evaluated on different rows (e.g. different held-out sets)';
  return null;
}

export async function compareSnapshots(champion: Snapshot, challenger: Snapshot, openScorer: (bytes: Uint8Array) => Promise<Scorer>, seed = 42): Promise<SnapshotComparison> {
  const reason = pairable(champion, challenger);
  if (reason) return { paired: null, reason, rows: 0, roc: null };
  const table = (await embeddedTable(champion))!;
  const e = champion.evaluation;
  const rows = e.rows === 'all' ? undefined : Uint32Array.from(e.rows);
  const scores: Float64Array[] = [];
  for (const s of [champion, challenger]) {
    const scorer = await openScorer(fromBase64(s.model.bytes));
    try {
      scores.push(await scorer.score(table, s.model.mapping));
    } finally {
      await scorer.dispose();
    }
  }
  // the rows both models score, with a target
  const both = Float64Array.from(scores[0], (v, i) => (Number.isNaN(v) || Number.isNaN(scores[1][i]) ? NaN : v));
  const read = (s: Float64Array) => scoredRows(table, s, "the models' scores", { target: e.target, task: e.task, positive: e.positive ?? undefined, rows, source: champion.data.name });
  const a = read(both);
  const b = read(Float64Array.from(scores[1], (v, i) => (Number.isNaN(both[i]) ? NaN : v)));
  if (a.task === 'classification' && b.task === 'classification') {
    return {
      paired: pairedComparison({ task: 'classification', label: a.label, threshold: e.threshold }, a.score, b.score, { seed }),
      reason: null,
      rows: a.rows.length,
      roc: { champion: thin(rocCurve(a.label, a.score)), challenger: thin(rocCurve(b.label, b.score)) },
    };
  }
  if (a.task === 'regression' && b.task === 'regression') return { paired: pairedComparison({ task: 'regression', value: a.value }, a.score, b.score, { seed }), reason: null, rows: a.rows.length, roc: null };
  return { paired: null, reason: 'the two experiments do not predict the same kind of target', rows: 0, roc: null };
}

function thin(c: RocCurve | null): RocCurve | null {
  return c && thinRoc(c);
}

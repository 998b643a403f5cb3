/**
 * `glassbox verify` (shared/spec/cli.md): `verified` = the hashes match (the id recomputed from
 * the content, the model's bytes, the embedded data's bytes) and, with embedded data, re-scoring
 * the model on it reproduces the recorded evaluation — every metric and interval, and the
 * fairness report when one was recorded — to 1e-9; `consistent` = the hashes match but the data is
 * referenced, not embedded (or an excluded column feeds the model), so nothing could be re-scored;
 * `not-verified` otherwise, with the reasons.
 */
import { sha256Hex } from '../fingerprint/sha256';
import type { Scorer } from '../inference/scorer';
import { fromBase64 } from './base64';
import { embeddedTable } from './embeddedData';
import { evaluateForSnapshot } from './evaluationRecord';
import { snapshotId } from './snapshotId';
import type { Snapshot } from './snapshotSchema';

export type VerifyStatus = 'verified' | 'consistent' | 'not-verified';

export interface VerifyResult {
  status: VerifyStatus;
  reasons: string[];
}

export const REPRODUCE_TOLERANCE = 1e-9;

/** Differences between two recorded results (numbers within the tolerance, relative above 1). */
export function differences(recorded: unknown, recomputed: unknown, path: string, out: string[] = []): string[] {
  if (typeof recorded === 'number' && typeof recomputed === 'number') {
    if (!(Math.abs(recorded - recomputed) <= REPRODUCE_TOLERANCE * Math.max(1, Math.abs(recorded)))) out.push(`${path}: recorded ${recorded}, recomputed ${recomputed}`);
    return out;
  }
  if (Array.isArray(recorded) && Array.isArray(recomputed)) {
    if (recorded.length !== recomputed.length) out.push(`${path}: recorded ${recorded.length} entries, recomputed ${recomputed.length}`);
    else recorded.forEach((v, i) => differences(v, recomputed[i], `${path}[${i}]`, out));
    return out;
  }
  if (recorded && recomputed && typeof recorded === 'object' && typeof recomputed === 'object') {
    const keys = new Set([...Object.keys(recorded), ...Object.keys(recomputed)]);
    for (const k of keys) differences((recorded as Record<string, unknown>)[k], (recomputed as Record<string, unknown>)[k], `${path}.${k}`, out);
    return out;
  }
  if (recorded !== recomputed && !(recorded === undefined && recomputed === null) && !(recorded === null && recomputed === undefined)) out.push(`${path}: recorded ${JSON.stringify(recorded)}, recomputed ${JSON.stringify(recomputed)}`);
  return out;
}

export async function verifySnapshot(snapshot: Snapshot, openScorer: (bytes: Uint8Array) => Promise<Scorer>): Promise<VerifyResult> {
  const reasons: string[] = [];
  const id = await snapshotId(snapshot);
  if (id !== snapshot.id) reasons.push(`the id does not match the content: the content hashes to ${id}`);
  const modelBytes = fromBase64(snapshot.model.bytes);
  if ((await sha256Hex(modelBytes)) !== snapshot.model.sha256) reasons.push('the model bytes do not match model.sha256');
  const embedded = snapshot.data.embedded;
  let dataBytes: Uint8Array | null = null;
  if (embedded) {
    dataBytes = fromBase64(embedded.content);
    const hash = await sha256Hex(dataBytes);
    if (hash !== embedded.sha256) reasons.push('the embedded data does not match data.embedded.sha256');
    if (snapshot.data.excluded.length === 0 && hash !== snapshot.data.sha256) reasons.push('the embedded data does not match data.sha256');
  }
  if (reasons.length) return { status: 'not-verified', reasons };
  if (!embedded || !dataBytes) return { status: 'consistent', reasons: ['the data is referenced, not embedded: the hashes match but the metrics could not be re-scored'] };
  const blocked = snapshot.model.mapping.filter((c) => snapshot.data.excluded.includes(c));
  if (blocked.length) return { status: 'consistent', reasons: [`the model reads ${blocked.join(', ')}, left out of the embedded data: the hashes match but the metrics could not be re-scored`] };

  let scorer: Scorer | null = null;
  try {
    const table = (await embeddedTable(snapshot, dataBytes))!;
    if (table.rowCount !== snapshot.data.rows) reasons.push(`the embedded data has ${table.rowCount} rows, the snapshot records ${snapshot.data.rows}`);
    scorer = await openScorer(modelBytes);
    const e = snapshot.evaluation;
    const outcome = await evaluateForSnapshot(table, scorer, snapshot.model.mapping, {
      target: e.target,
      positive: e.positive ?? undefined,
      threshold: e.threshold,
      rows: e.rows === 'all' ? undefined : Uint32Array.from(e.rows),
      seed: e.seed,
      sensitive: e.sensitive,
      favorable: e.favorable ?? undefined,
      bins: e.bins,
      source: snapshot.data.name,
    });
    if (outcome.n !== e.n) reasons.push(`evaluation.n: recorded ${e.n} rows, recomputed ${outcome.n}`);
    differences(e.metrics, JSON.parse(JSON.stringify(outcome.metrics)), 'evaluation.metrics', reasons);
    if (snapshot.fairness || outcome.fairness) differences(snapshot.fairness, JSON.parse(JSON.stringify(outcome.fairness)), 'fairness', reasons);
  } catch (e) {
    reasons.push(`re-scoring the embedded data failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await scorer?.dispose();
  }
  return reasons.length ? { status: 'not-verified', reasons: reasons.slice(0, 20) } : { status: 'verified', reasons: [] };
}

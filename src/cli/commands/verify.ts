/**
 * `glassbox verify --snapshot exp.json [--server URL --token T]` (shared/spec/cli.md) →
 * `{ "status": "verified"|"consistent"|"not-verified", "reasons": [...] }` on stdout (core/
 * experiment/verifySnapshot.ts). With `--server`, the id must also have a `snapshot.create` entry
 * in the server's audit log, whose hash chain must hold. Exit 0 verified, 3 consistent, 1 not
 * verified, 2 unreadable input (not JSON, not a snapshot) or an unreachable server / refused token.
 */
import { readFileSync } from 'node:fs';
import { auditLogRecord } from '../../core/experiment/auditLogRecord';
import { parseSnapshot } from '../../core/experiment/readSnapshot';
import { verifySnapshot, type VerifyResult } from '../../core/experiment/verifySnapshot';
import { InputError } from '../../core/errors/errors';
import { openScorer } from '../../core/inference/scorer';
import { parseOptions, stringOption } from '../args';
import { toJson, writeOutput, type CliIo } from '../io/writeOutput';

const EXIT: Record<VerifyResult['status'], number> = { verified: 0, consistent: 3, 'not-verified': 1 };

export async function verifyCommand(argv: readonly string[], io: CliIo): Promise<VerifyResult & { exitCode: number }> {
  const options = parseOptions('verify', argv, {
    snapshot: { value: true, required: true },
    server: { value: true },
    token: { value: true },
    out: { value: true },
  });
  const path = stringOption(options, 'snapshot')!;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `snapshot file '${path}' not found` : `cannot read '${path}' (${code ?? (e as Error).message})`);
  }
  const snapshot = parseSnapshot(text, path);
  const server = stringOption(options, 'server');
  const token = stringOption(options, 'token');
  if (server !== undefined && token === undefined) throw new InputError('--server needs --token');
  const result = await verifySnapshot(snapshot, openScorer);
  if (server !== undefined) {
    const logReasons = await auditLogReasons(server, token!, snapshot.id);
    if (logReasons.length) {
      result.reasons.push(...logReasons);
      result.status = 'not-verified';
    }
  }
  writeOutput(toJson({ status: result.status, reasons: result.reasons }), stringOption(options, 'out'), io);
  return { ...result, exitCode: EXIT[result.status] };
}

/** Why the server's audit log does not vouch for the id (empty when it does); unreachable or refused → InputError (exit 2). */
async function auditLogReasons(server: string, token: string, id: string): Promise<string[]> {
  let response: Response;
  try {
    response = await fetch(`${server.replace(/\/+$/, '')}/api/audit-log`, { headers: { Authorization: `Bearer ${token}` } });
  } catch (e) {
    throw new InputError(`server ${server} is unreachable (${(e as Error).message})`);
  }
  if (response.status === 401 || response.status === 403) throw new InputError(`server ${server} refused the token (HTTP ${response.status})`);
  if (!response.ok) throw new InputError(`server ${server} answered HTTP ${response.status} for the audit log`);
  let entries: unknown[];
  try {
    entries = (await response.json()) as unknown[];
    if (!Array.isArray(entries)) throw new Error('not an array');
  } catch {
    throw new InputError(`server ${server} sent an audit log that is not a JSON array`);
  }
  return (await auditLogRecord(entries, id)).reasons;
}

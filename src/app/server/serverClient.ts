/**
 * The app's client of the Glassbox snapshot server on its own origin (shared/spec/cli.md,
 * "Snapshot server"; in development Vite proxies /api to it). Failures come in two kinds the UI
 * treats differently: the server is unreachable (work goes on in this browser and syncs later)
 * or it refused the request (the message says why, e.g. a revoked token).
 */
import type { AuditEntry } from '../../core/experiment/auditChain';
import type { Role, Signoff, SignoffPage, SnapshotListItem, SnapshotPage } from '../../core/experiment/teamServerTypes';

export type { Signoff, SnapshotListItem };

export interface ServerHealth {
  version: string;
  storage: 'sqlite' | 'postgresql';
  maxBody: number;
}

export interface Me {
  name: string;
  role: Role;
  expiresAt: string | null;
}

/** The server could not be reached (network down, server stopped, proxy without a server). */
export class ServerUnreachableError extends Error {
  override name = 'ServerUnreachableError';
}

/** The server answered with an error status; `message` is its `{ "error" }` text. */
export class ServerRefusedError extends Error {
  override name = 'ServerRefusedError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const UNREACHABLE_STATUS = new Set([502, 503, 504]);

/** TanStack Query's retry rule for server calls: try twice more while unreachable; a refusal is final. */
export const retryWhileUnreachable = (count: number, error: unknown) => error instanceof ServerUnreachableError && count < 2;

/** Where the API is: '' = this page's origin (the server serves the app; Vite proxies /api in development). Tests point it at a test server. */
let apiBase = '';
export function setApiBase(base: string): void {
  apiBase = base.replace(/\/+$/, '');
}

async function call(path: string, token: string | null, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(apiBase + path, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });
  } catch (e) {
    throw new ServerUnreachableError(`The Glassbox server cannot be reached (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (response.ok) return response;
  let message = `HTTP ${response.status}`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // not JSON: e.g. a development proxy with no server behind it
  }
  if (UNREACHABLE_STATUS.has(response.status) || (response.status === 500 && message === 'HTTP 500')) {
    throw new ServerUnreachableError(`The Glassbox server cannot be reached (HTTP ${response.status}).`);
  }
  if (response.status === 401) throw new ServerRefusedError(401, `The server refused the token: ${message}. Ask for a new one (glassbox token).`);
  if (response.status === 403) throw new ServerRefusedError(403, `Not allowed: ${message}.`);
  throw new ServerRefusedError(response.status, message);
}

/** The server's health, or null when this origin has no Glassbox server (e.g. `vite preview`). Unreachable → throws. */
export async function serverHealth(): Promise<ServerHealth | null> {
  let response: Response;
  try {
    response = await call('/api/health', null);
  } catch (e) {
    if (e instanceof ServerRefusedError) return null;
    throw e;
  }
  try {
    const body = (await response.json()) as { service?: string } & ServerHealth;
    return body.service === 'glassbox' ? { version: body.version, storage: body.storage, maxBody: body.maxBody } : null;
  } catch {
    return null;
  }
}

export async function whoAmI(token: string): Promise<Me> {
  return (await call('/api/me', token)).json() as Promise<Me>;
}

/** Sends the snapshot's text as it is; 201 stored, 200 already stored — both give the id. */
export async function uploadSnapshot(token: string, text: string): Promise<{ id: string; created: boolean }> {
  const response = await call('/api/snapshots', token, { method: 'POST', body: text });
  const { id } = (await response.json()) as { id: string };
  return { id, created: response.status === 201 };
}

/** The snapshot's text exactly as stored, or null when the server does not have it. */
export async function downloadSnapshotText(token: string, id: string): Promise<string | null> {
  try {
    return await (await call(`/api/snapshots/${encodeURIComponent(id)}`, token)).text();
  } catch (e) {
    if (e instanceof ServerRefusedError && e.status === 404) return null;
    throw e;
  }
}

export async function listServerSnapshots(token: string, cursor: string | null, limit = 100): Promise<SnapshotPage> {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  return (await call(`/api/snapshots?${query}`, token)).json() as Promise<SnapshotPage>;
}

/** The sign-offs of a snapshot, or null when the server does not have it. */
export async function listSignoffs(token: string, id: string): Promise<Signoff[] | null> {
  try {
    return (await (await call(`/api/snapshots/${encodeURIComponent(id)}/signoffs`, token)).json()) as Signoff[];
  } catch (e) {
    if (e instanceof ServerRefusedError && e.status === 404) return null;
    throw e;
  }
}

/** Every sign-off on the server (all pages), oldest first. */
export async function listAllSignoffs(token: string): Promise<SignoffPage['items']> {
  const items: SignoffPage['items'] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
    const page = (await (await call(`/api/signoffs?${query}`, token)).json()) as SignoffPage;
    items.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return items;
}

export async function signOff(token: string, id: string, decision: 'approve' | 'reject', comment: string | null): Promise<Signoff> {
  const body = JSON.stringify(comment ? { decision, comment } : { decision });
  return (await call(`/api/snapshots/${encodeURIComponent(id)}/signoffs`, token, { method: 'POST', body })).json() as Promise<Signoff>;
}

export async function fetchAuditLog(token: string): Promise<AuditEntry[]> {
  return (await call('/api/audit-log', token)).json() as Promise<AuditEntry[]>;
}

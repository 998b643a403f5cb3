/**
 * The Audit step's data: the experiments list and a snapshot from browser storage or the team
 * server, a snapshot fetched from an address (a deep link), its verification in the worker, and
 * saving a new one (built in the worker, stored here and, when chosen, on the team server — or
 * queued for it while it is unreachable; the lists refresh).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canonicalJson } from '../../core/experiment/canonicalJson';
import { parseSnapshot } from '../../core/experiment/readSnapshot';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import type { SnapshotRequest } from '../../workers/workbenchApi';
import { jobFor } from '../api/queries';
import { workbench } from '../api/workbench';
import { queueUpload } from '../server/outbox';
import { downloadSnapshotText, ServerUnreachableError, uploadSnapshot } from '../server/serverClient';
import { useServer, type ServerState } from '../server/ServerProvider';
import { getSnapshot, listSnapshots, putSnapshot } from '../workspace/snapshotStore';

/** A snapshot that is neither in this browser nor reachable without signing in to the team server. */
export class SignInNeededError extends Error {
  override name = 'SignInNeededError';
}

const KEY = ['snapshots'] as const;

export function useSnapshotList() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: listSnapshots });
}

/** The snapshot a reference names: an id in browser storage or on the team server, or `url:<address>` to fetch. */
export async function loadSnapshot(ref: string, state: ServerState): Promise<Snapshot> {
  if (ref.startsWith('url:')) {
    const url = ref.slice(4);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (e) {
      throw new Error(`Could not fetch ${url} (${e instanceof Error ? e.message : String(e)}).`);
    }
    if (!response.ok) throw new Error(`Could not fetch ${url}: HTTP ${response.status}.`);
    return parseSnapshot(await response.text(), url);
  }
  const found = await getSnapshot(ref).catch(() => null);
  if (found) return found;
  return fromServer(ref, state);
}

/** The query of one snapshot (keyed by the token too: signing in may make it reachable). */
export function snapshotQuery(ref: string, state: ServerState) {
  return { queryKey: [...KEY, 'one', ref, state.kind === 'signed-in' ? state.token : null], queryFn: () => loadSnapshot(ref, state), enabled: state.kind !== 'checking' };
}

export function useSnapshot(ref: string) {
  const { state } = useServer();
  return useQuery(snapshotQuery(ref, state));
}

async function fromServer(id: string, state: ServerState): Promise<Snapshot> {
  const short = `${id.slice(0, 12)}…`;
  if (state.kind === 'signed-in') {
    const text = await downloadSnapshotText(state.token, id);
    if (text === null) throw new Error(`No experiment ${short} is stored in this browser or on the team server.`);
    return parseSnapshot(text, `the team server's snapshot ${short}`);
  }
  if (state.kind === 'signed-out' || state.kind === 'refused') throw new SignInNeededError(`Experiment ${short} is not stored in this browser. Sign in to the team server to open it there.`);
  if (state.kind === 'unreachable') throw new Error(`Experiment ${short} is not stored in this browser, and the team server cannot be reached right now. Try again when it is back, or open the snapshot file.`);
  throw new Error(`No experiment ${short} is stored in this browser. Open its file, or a link to it, instead.`);
}

/** Keyed by where the snapshot came from, not its id: a tampered copy claims the same id. */
export function useVerification(ref: string, snapshot: Snapshot | null) {
  return useQuery({
    queryKey: [...KEY, 'verify', ref, snapshot?.id ?? ''],
    queryFn: ({ signal }) => workbench().verifySnapshot(jobFor(signal), snapshot!),
    enabled: snapshot !== null,
  });
}

export type SaveDestination = 'browser' | 'server';

export interface SaveOutcome {
  snapshot: Snapshot;
  /** Stored in this browser (IndexedDB). */
  stored: boolean;
  error: string | null;
  /** The team server: stored (or already there), queued while unreachable, refused (with why), or not asked. */
  server: { status: 'stored' | 'queued' | 'refused' | 'not-asked'; message: string | null };
}

export function useSaveSnapshot() {
  const client = useQueryClient();
  const { state } = useServer();
  return useMutation({
    mutationFn: async ({ request, destination }: { request: SnapshotRequest; destination: SaveDestination }): Promise<SaveOutcome> => {
      const snapshot = await workbench().saveSnapshot(jobFor(new AbortController().signal), request);
      let stored = true;
      let error: string | null = null;
      try {
        await putSnapshot(snapshot);
      } catch (e) {
        stored = false;
        error = e instanceof Error ? e.message : String(e);
      }
      if (destination !== 'server') return { snapshot, stored, error, server: { status: 'not-asked', message: null } };
      if (state.kind !== 'signed-in') {
        const why = state.kind === 'unreachable' ? 'The team server cannot be reached.' : 'Not signed in to the team server: it is uploaded once you are.';
        if (!stored) return { snapshot, stored, error, server: { status: 'refused', message: why } };
        await queueUpload(snapshot.id);
        return { snapshot, stored, error, server: { status: 'queued', message: why } };
      }
      try {
        await uploadSnapshot(state.token, JSON.stringify(snapshot, null, 2));
        return { snapshot, stored, error, server: { status: 'stored', message: null } };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof ServerUnreachableError && stored) {
          await queueUpload(snapshot.id);
          return { snapshot, stored, error, server: { status: 'queued', message } };
        }
        return { snapshot, stored, error, server: { status: 'refused', message } };
      }
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      void client.invalidateQueries({ queryKey: ['server'] });
    },
  });
}

/** Stores a snapshot read from a file (after validation). */
export function useImportSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (snapshot: Snapshot) => {
      const stored = await getSnapshot(snapshot.id);
      if (stored && canonicalJson(stored) !== canonicalJson(snapshot)) {
        throw new Error(`A different snapshot with the id ${snapshot.id.slice(0, 12)}… is already stored here: one of the two has been altered. The stored one is kept; open the file by its address to inspect it.`);
      }
      if (!stored) await putSnapshot(snapshot);
      return snapshot;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

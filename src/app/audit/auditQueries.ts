/**
 * The Audit step's data: the experiments list and a snapshot from browser storage, a snapshot
 * fetched from an address (a deep link), its verification in the worker, and saving a new one
 * (built in the worker, stored here; the list refreshes).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canonicalJson } from '../../core/experiment/canonicalJson';
import { parseSnapshot } from '../../core/experiment/readSnapshot';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import type { SnapshotRequest } from '../../workers/workbenchApi';
import { jobFor } from '../api/queries';
import { workbench } from '../api/workbench';
import { getSnapshot, listSnapshots, putSnapshot } from '../workspace/snapshotStore';

const KEY = ['snapshots'] as const;

export function useSnapshotList() {
  return useQuery({ queryKey: [...KEY, 'list'], queryFn: listSnapshots });
}

/** The snapshot a reference names: an id in browser storage, or `url:<address>` to fetch. */
export function useSnapshot(ref: string) {
  return useQuery({
    queryKey: [...KEY, 'one', ref],
    queryFn: async (): Promise<Snapshot> => {
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
      const found = await getSnapshot(ref);
      if (!found) throw new Error(`No experiment ${ref.slice(0, 12)}… is stored in this browser. Open its file, or a link to it, instead.`);
      return found;
    },
  });
}

/** Keyed by where the snapshot came from, not its id: a tampered copy claims the same id. */
export function useVerification(ref: string, snapshot: Snapshot | null) {
  return useQuery({
    queryKey: [...KEY, 'verify', ref, snapshot?.id ?? ''],
    queryFn: ({ signal }) => workbench().verifySnapshot(jobFor(signal), snapshot!),
    enabled: snapshot !== null,
  });
}

export function useSaveSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request: SnapshotRequest): Promise<{ snapshot: Snapshot; stored: boolean; error: string | null }> => {
      const snapshot = await workbench().saveSnapshot(jobFor(new AbortController().signal), request);
      try {
        await putSnapshot(snapshot);
        return { snapshot, stored: true, error: null };
      } catch (e) {
        return { snapshot, stored: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
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

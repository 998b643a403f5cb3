/**
 * The team server's data for the Audit step, through TanStack Query: the snapshots it holds (pages
 * of 100), a snapshot's sign-offs, the record its audit log keeps of a snapshot (chain checked in
 * the worker with core/experiment/auditLogRecord.ts), signing off, and uploading one snapshot.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { workbench } from '../api/workbench';
import { uploaded } from './outbox';
import type { Signoff } from './serverClient';
import { fetchAuditLog, listAllSignoffs, listServerSnapshots, listSignoffs, retryWhileUnreachable, signOff, uploadSnapshot } from './serverClient';
import { SERVER_KEY, useServer } from './ServerProvider';

/** The signed-in token, or null. */
function useToken(): string | null {
  const { state } = useServer();
  return state.kind === 'signed-in' ? state.token : null;
}

export function useServerSnapshots() {
  const token = useToken();
  return useInfiniteQuery({
    queryKey: [...SERVER_KEY, 'list', token],
    queryFn: ({ pageParam }) => listServerSnapshots(token!, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    enabled: token !== null,
    retry: retryWhileUnreachable,
    staleTime: 15_000,
  });
}

/** Who signed off what, for the experiments list: the sign-offs of every snapshot, by snapshot id. */
export function useSignoffIndex() {
  const token = useToken();
  return useQuery({
    queryKey: [...SERVER_KEY, 'signoff-index', token],
    queryFn: async () => {
      const index = new Map<string, Signoff[]>();
      for (const { snapshotId, ...signoff } of await listAllSignoffs(token!)) index.set(snapshotId, [...(index.get(snapshotId) ?? []), signoff]);
      return index;
    },
    enabled: token !== null,
    retry: retryWhileUnreachable,
    staleTime: 15_000,
  });
}

export function useSignoffs(id: string) {
  const token = useToken();
  return useQuery({ queryKey: [...SERVER_KEY, 'signoffs', id, token], queryFn: () => listSignoffs(token!, id), enabled: token !== null, retry: retryWhileUnreachable, staleTime: 0 });
}

/** The audit log's record of a snapshot; null for an editor (the log is open to reviewers and auditors). */
export function useAuditLogRecord(id: string) {
  const { state } = useServer();
  const token = state.kind === 'signed-in' ? state.token : null;
  const canRead = state.kind === 'signed-in' && state.me.role !== 'editor';
  return useQuery({
    queryKey: [...SERVER_KEY, 'audit-record', id, token],
    // the whole chain is re-hashed: in the worker, the log grows with every read
    queryFn: async () => workbench().auditLogRecord(await fetchAuditLog(token!), id),
    enabled: canRead,
    retry: retryWhileUnreachable,
    staleTime: 0,
  });
}

export function useSignOff(id: string) {
  const token = useToken();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, comment }: { decision: 'approve' | 'reject'; comment: string | null }) => signOff(token!, id, decision, comment),
    onSuccess: () => void client.invalidateQueries({ queryKey: SERVER_KEY }),
  });
}

/** Uploads one snapshot now (e.g. one saved only in this browser). */
export function useUploadSnapshot() {
  const token = useToken();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (snapshot: Snapshot) => {
      const result = await uploadSnapshot(token!, JSON.stringify(snapshot, null, 2));
      await uploaded(snapshot.id);
      return result;
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: SERVER_KEY }),
  });
}

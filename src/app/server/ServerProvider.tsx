/**
 * The team server as the app sees it: whether this origin has one, whether it answers, who the
 * token belongs to — one state the views read (TanStack Query polls while it matters: a token is
 * set or uploads are waiting). While signed in as an editor, snapshots saved during an outage are
 * uploaded as soon as the server answers again.
 */
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../api/errors';
import { getSnapshot } from '../workspace/snapshotStore';
import { pendingUploads, uploaded, uploadRefused, type PendingUpload } from './outbox';
import { retryWhileUnreachable, serverHealth, ServerRefusedError, ServerUnreachableError, uploadSnapshot, whoAmI, type Me, type ServerHealth } from './serverClient';
import { forgetToken, storedToken, storeToken } from './serverToken';

export type ServerState =
  | { kind: 'checking' }
  /** This origin has no Glassbox server (e.g. the app served by `vite preview`). */
  | { kind: 'none' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'signed-out'; health: ServerHealth }
  | { kind: 'refused'; health: ServerHealth; message: string }
  | { kind: 'signed-in'; health: ServerHealth; me: Me; token: string };

interface ServerContextValue {
  state: ServerState;
  /** Checks the token with the server and keeps it; throws the server's reason when refused. */
  signIn(token: string, remember: boolean): Promise<Me>;
  signOut(): void;
  pending: PendingUpload[];
  /** Uploads what is waiting now (also runs by itself when the server comes back). */
  syncNow(): Promise<void>;
  syncing: boolean;
}

const ServerContext = createContext<ServerContextValue | null>(null);

export const SERVER_KEY = ['server'] as const;
const POLL_MS = 10_000;

export function ServerProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [token, setToken] = useState<string | null>(storedToken);
  const outbox = useQuery({ queryKey: [...SERVER_KEY, 'outbox'], queryFn: pendingUploads });
  const pending = useMemo(() => outbox.data ?? [], [outbox.data]);
  const waiting = pending.some((p) => p.refused === null);
  const poll = token !== null || waiting ? POLL_MS : false;
  const health = useQuery({ queryKey: [...SERVER_KEY, 'health'], queryFn: serverHealth, retry: retryWhileUnreachable, refetchInterval: poll, staleTime: 0, refetchOnWindowFocus: true, refetchOnReconnect: true });
  const me = useQuery({
    queryKey: [...SERVER_KEY, 'me', token],
    queryFn: () => whoAmI(token!),
    enabled: token !== null && !!health.data,
    retry: retryWhileUnreachable,
    refetchInterval: poll,
    staleTime: 0,
  });

  const state: ServerState = useMemo(() => {
    if (health.isPending) return { kind: 'checking' };
    // unreachable matters to someone who uses a server (a token, or uploads waiting); to others there is none
    if (health.error) return token === null && !waiting ? { kind: 'none' } : { kind: 'unreachable', message: describeError(health.error).message };
    if (health.data === null || health.data === undefined) return { kind: 'none' };
    if (token === null) return { kind: 'signed-out', health: health.data };
    if (me.error instanceof ServerUnreachableError) return { kind: 'unreachable', message: me.error.message };
    if (me.error) return { kind: 'refused', health: health.data, message: describeError(me.error).message };
    if (!me.data) return { kind: 'checking' };
    return { kind: 'signed-in', health: health.data, me: me.data, token };
  }, [health.isPending, health.error, health.data, token, waiting, me.error, me.data]);

  const signIn = useCallback(
    async (candidate: string, remember: boolean) => {
      const trimmed = candidate.trim();
      const who = await whoAmI(trimmed);
      storeToken(trimmed, remember);
      client.setQueryData([...SERVER_KEY, 'me', trimmed], who);
      setToken(trimmed);
      void client.invalidateQueries({ queryKey: ['snapshots'] });
      return who;
    },
    [client],
  );
  const signOut = useCallback(() => {
    forgetToken();
    setToken(null);
    client.removeQueries({ queryKey: [...SERVER_KEY, 'list'] });
  }, [client]);

  const [syncing, setSyncing] = useState(false);
  const running = useRef(false);
  const canUpload = state.kind === 'signed-in' && state.me.role === 'editor';
  const syncNow = useCallback(async () => {
    if (running.current || state.kind !== 'signed-in' || state.me.role !== 'editor') return;
    running.current = true;
    setSyncing(true);
    let sent = 0;
    try {
      for (const item of await pendingUploads()) {
        if (item.refused !== null) continue;
        const snapshot = await getSnapshot(item.id);
        if (!snapshot) {
          await uploadRefused(item.id, 'It is no longer stored in this browser.');
          continue;
        }
        try {
          await uploadSnapshot(state.token, JSON.stringify(snapshot, null, 2));
          await uploaded(item.id);
          sent++;
        } catch (e) {
          if (e instanceof ServerUnreachableError || (e instanceof ServerRefusedError && (e.status === 401 || e.status === 403))) break;
          await uploadRefused(item.id, e instanceof Error ? e.message : String(e));
        }
      }
    } finally {
      if (sent > 0) notifications.show({ color: 'teal', title: 'Uploaded to the team server', message: `${sent} experiment${sent === 1 ? '' : 's'} saved while the server was unreachable ${sent === 1 ? 'is' : 'are'} now on the server.` });
      running.current = false;
      setSyncing(false);
      void client.invalidateQueries({ queryKey: SERVER_KEY });
    }
  }, [state, client]);

  // the server answers again (or the editor signs in) with uploads waiting: send them
  useEffect(() => {
    if (canUpload && waiting) void syncNow();
  }, [canUpload, waiting, syncNow, health.dataUpdatedAt]);

  const value = useMemo(() => ({ state, signIn, signOut, pending, syncNow, syncing }), [state, signIn, signOut, pending, syncNow, syncing]);
  return <ServerContext.Provider value={value}>{children}</ServerContext.Provider>;
}

export function useServer(): ServerContextValue {
  const value = useContext(ServerContext);
  if (!value) throw new Error('useServer outside ServerProvider');
  return value;
}

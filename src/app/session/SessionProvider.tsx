/**
 * The UI's session: which dataset is open (the table itself lives in the worker), the
 * subpopulation filter, the target, the active view, and the load in progress. Loads and type
 * overrides are TanStack mutations; the workspace is autosaved to IndexedDB and restored on
 * page load; the active view is mirrored in the URL hash.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ColumnType } from '../../core/data/table';
import type { DataSource, DatasetSummary, FilterCheck, LoadOptions, LoadProgress } from '../../workers/workbenchApi';
import { describeError, errorKindLabel } from '../api/errors';
import { queryKeys, type DatasetKey } from '../api/queryKeys';
import { workbench } from '../api/workbench';
import { callback } from '../../workers/workbenchClient';
import { demoUrl } from '../start/demoDatasets';
import { clearWorkspace, readWorkspace, saveWorkspace } from '../workspace/workspaceStore';
import { hashToView, writeHash } from './hashRoute';
import {
  DEFAULT_VIEW,
  NO_TARGET,
  overridesOf,
  type LoadState,
  type LoadedDataset,
  type Notice,
  type SourceRef,
  type TargetState,
  type CompareState,
  type DriftSetup,
  type FairnessState,
  type DerivedColumn,
  type ViewState,
} from './types';

export interface SessionValue {
  dataset: LoadedDataset | null;
  datasetKey: DatasetKey | null;
  /** The applied subpopulation filter ('' = all rows). */
  filter: string;
  target: TargetState;
  /** The last comparison run in the Compare view, if any. */
  comparison: CompareState | null;
  /** The Fairness step's last choices, if any. */
  fairness: FairnessState | null;
  /** The Drift step's setup while the dataset is open. */
  driftSetup: DriftSetup | null;
  view: ViewState;
  /** True while the saved workspace is being restored at start-up. */
  restoring: boolean;
  /** The column whose type change is running, if any. */
  pendingTypeColumn: string | null;
  openDataset(source: SourceRef, options: LoadOptions): Promise<boolean>;
  closeDataset(): void;
  changeColumnType(column: string, type: ColumnType): Promise<boolean>;
  /** Adds a boolean column from a condition (kept with the workspace); rejects with the engine's error. */
  addDerivedColumn(column: DerivedColumn): Promise<void>;
  setFilter(filter: string): void;
  setTarget(target: TargetState): void;
  setComparison(comparison: CompareState | null): void;
  setFairness(fairness: FairnessState | null): void;
  setDriftSetup(setup: DriftSetup | null): void;
  setView(patch: Partial<ViewState>): void;
}

export interface LoadStatusValue {
  load: LoadState | null;
  notice: Notice | null;
  cancelLoad(): void;
  dismissNotice(): void;
}

const SessionContext = createContext<SessionValue | null>(null);
const LoadStatusContext = createContext<LoadStatusValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside <SessionProvider>');
  return v;
}

export function useLoadStatus(): LoadStatusValue {
  const v = useContext(LoadStatusContext);
  if (!v) throw new Error('useLoadStatus outside <SessionProvider>');
  return v;
}

/** The open dataset; only for components rendered while one is open. */
export function useDataset(): { dataset: LoadedDataset; key: DatasetKey; filter: string } {
  const s = useSession();
  if (!s.dataset || !s.datasetKey) throw new Error('useDataset without an open dataset');
  return { dataset: s.dataset, key: s.datasetKey, filter: s.filter };
}

function toDataSource(source: SourceRef): DataSource {
  return source.kind === 'demo'
    ? { kind: 'url', url: demoUrl(source.name), name: `${source.name}.csv` }
    : { kind: 'file', file: source.file, name: source.name };
}

function sourceLabel(source: SourceRef): string {
  return source.kind === 'demo' ? `${source.name}.csv` : source.name;
}

function newJobId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `job-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

interface LoadVars {
  jobId: string;
  source: SourceRef;
  options: LoadOptions;
  onProgress: (p: LoadProgress) => void;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [dataset, setDataset] = useState<LoadedDataset | null>(null);
  const [filter, setFilterState] = useState('');
  const [target, setTargetState] = useState<TargetState>(NO_TARGET);
  const [comparison, setComparison] = useState<CompareState | null>(null);
  const [fairness, setFairness] = useState<FairnessState | null>(null);
  const [driftSetup, setDriftSetup] = useState<DriftSetup | null>(null);
  const [view, setViewState] = useState<ViewState>(DEFAULT_VIEW);
  const [load, setLoad] = useState<LoadState | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [restoring, setRestoring] = useState(true);
  const [pendingTypeColumn, setPendingTypeColumn] = useState<string | null>(null);
  const datasetRef = useRef<LoadedDataset | null>(null);
  const loadRef = useRef<LoadState | null>(null);
  useEffect(() => {
    datasetRef.current = dataset;
  }, [dataset]);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  const loadMutation = useMutation({
    mutationKey: ['workbench', 'load'],
    mutationFn: (v: LoadVars) => workbench().load(v.jobId, toDataSource(v.source), v.options, callback(v.onProgress)),
  });
  const typeMutation = useMutation({
    mutationKey: ['workbench', 'setColumnType'],
    mutationFn: (v: { column: string; type: ColumnType }) => workbench().setColumnType(v.column, v.type),
  });
  const deriveMutation = useMutation({
    mutationKey: ['workbench', 'addDerivedColumn'],
    mutationFn: (v: DerivedColumn) => workbench().addDerivedColumn(v.name, v.expression),
  });
  const cancelMutation = useMutation({
    mutationKey: ['workbench', 'cancel'],
    mutationFn: (jobId: string) => workbench().cancel(jobId),
  });
  const { mutateAsync: loadAsync } = loadMutation;
  const { mutateAsync: setTypeAsync } = typeMutation;
  const { mutateAsync: deriveAsync } = deriveMutation;
  const { mutate: cancelJob } = cancelMutation;

  /** Runs one load; resolves to the new dataset, or null after an error/cancel (shown as a notice). */
  const runLoad = useCallback(
    async (source: SourceRef, options: LoadOptions, mode: LoadState['mode']): Promise<LoadedDataset | null> => {
      const jobId = newJobId();
      const label = sourceLabel(source);
      setNotice(null);
      const initial: LoadState = { jobId, label, mode, progress: null };
      loadRef.current = initial;
      setLoad(initial);
      let last = 0;
      const onProgress = (p: LoadProgress) => {
        const now = performance.now();
        if (now - last < 80) return;
        last = now;
        setLoad((cur) => (cur && cur.jobId === jobId ? { ...cur, progress: p } : cur));
      };
      try {
        const summary = await loadAsync({ jobId, source, options, onProgress });
        return { id: jobId, source, options, summary, version: 0, derived: [] };
      } catch (e) {
        const info = describeError(e);
        if (info.kind === 'cancelled') {
          setNotice({
            kind: 'info',
            title: 'Loading cancelled',
            message: datasetRef.current
              ? `Loading ${label} was cancelled. ${datasetRef.current.summary.name} is still open.`
              : `Loading ${label} was cancelled.`,
          });
        } else {
          setNotice({
            kind: 'error',
            title: mode === 'restore' ? `Could not restore your last session (${label})` : `Could not load ${label}`,
            errorName: info.name,
            errorKind: errorKindLabel(info.kind),
            message: info.message,
          });
        }
        return null;
      } finally {
        if (loadRef.current?.jobId === jobId) loadRef.current = null;
        setLoad((cur) => (cur && cur.jobId === jobId ? null : cur));
      }
    },
    [loadAsync],
  );

  const dropDatasetQueries = useCallback(
    (id: string | undefined) => {
      if (id) queryClient.removeQueries({ queryKey: ['workbench', id] });
    },
    [queryClient],
  );

  const openDataset = useCallback(
    async (source: SourceRef, options: LoadOptions): Promise<boolean> => {
      if (loadRef.current) return false;
      const ds = await runLoad(source, options, 'open');
      if (!ds) return false;
      dropDatasetQueries(datasetRef.current?.id);
      setDataset(ds);
      setFilterState('');
      setTargetState(NO_TARGET);
      setComparison(null);
      setFairness(null);
      setDriftSetup(null);
      setViewState(DEFAULT_VIEW);
      return true;
    },
    [runLoad, dropDatasetQueries],
  );

  const cancelLoad = useCallback(() => {
    const cur = loadRef.current;
    if (cur) cancelJob(cur.jobId);
  }, [cancelJob]);

  const closeDataset = useCallback(() => {
    dropDatasetQueries(datasetRef.current?.id);
    setDataset(null);
    setFilterState('');
    setTargetState(NO_TARGET);
    setComparison(null);
    setFairness(null);
    setDriftSetup(null);
    setViewState(DEFAULT_VIEW);
    setNotice(null);
    void clearWorkspace().catch(() => undefined);
  }, [dropDatasetQueries]);

  const applySummary = useCallback((summary: DatasetSummary) => {
    setDataset((cur) => (cur ? { ...cur, summary, version: cur.version + 1 } : cur));
  }, []);

  const changeColumnType = useCallback(
    async (column: string, type: ColumnType): Promise<boolean> => {
      setPendingTypeColumn(column);
      try {
        applySummary(await setTypeAsync({ column, type }));
        return true;
      } catch (e) {
        const info = describeError(e);
        notifications.show({
          color: 'red',
          title: `Cannot make '${column}' ${type}`,
          message: info.message,
          autoClose: 8000,
        });
        return false;
      } finally {
        setPendingTypeColumn(null);
      }
    },
    [applySummary, setTypeAsync],
  );

  const addDerivedColumn = useCallback(
    async (column: DerivedColumn): Promise<void> => {
      const summary = await deriveAsync(column);
      setDataset((cur) => (cur ? { ...cur, summary, version: cur.version + 1, derived: [...cur.derived, column] } : cur));
    },
    [deriveAsync],
  );

  const setFilter = useCallback((f: string) => setFilterState(f.trim()), []);
  const setTarget = useCallback((t: TargetState) => setTargetState(t), []);
  const setView = useCallback((patch: Partial<ViewState>) => setViewState((cur) => ({ ...cur, ...patch })), []);
  const dismissNotice = useCallback(() => setNotice(null), []);

  // Restore the saved workspace once at start-up (the ref survives StrictMode's double effects).
  const restoreStarted = useRef(false);
  useEffect(() => {
    if (restoreStarted.current) return;
    restoreStarted.current = true;
    void (async () => {
      try {
        const ws = await readWorkspace().catch(() => null);
        if (!ws) {
          // A deep link to the Model step without a workspace shows why it needs a dataset.
          const linked = hashToView(window.location.hash);
          if (linked?.step === 'model') setViewState((cur) => ({ ...cur, step: 'model' }));
          // an auditor's deep link works without a dataset
          if (linked?.step === 'audit') setViewState(linked);
          return;
        }
        const ds = await runLoad(ws.source, ws.options, 'restore');
        if (!ds) {
          await clearWorkspace().catch(() => undefined);
          return;
        }
        let current = ds;
        const applyOverrides = async () => {
          for (const [column, type] of Object.entries(ws.overrides)) {
            if (!current.summary.columns.some((c) => c.name === column && c.type !== type)) continue;
            try {
              current = { ...current, summary: await setTypeAsync({ column, type }), version: current.version + 1 };
            } catch {
              // The file changed since it was saved; keep the inferred type.
            }
          }
        };
        await applyOverrides();
        for (const column of ws.derived ?? []) {
          try {
            const summary = await deriveAsync(column);
            current = { ...current, summary, version: current.version + 1, derived: [...current.derived, column] };
          } catch {
            // The expression no longer applies to this file; leave the column out.
          }
        }
        // Overrides of added columns (they did not exist on the first pass).
        if (current.derived.length > 0) await applyOverrides();
        const key = { id: current.id, version: current.version };
        let restoredFilter = '';
        if (ws.filter) {
          const check = await queryClient
            .fetchQuery<FilterCheck>({
              queryKey: queryKeys.checkFilter(key, ws.filter),
              queryFn: (): Promise<FilterCheck> => workbench().checkFilter(ws.filter),
            })
            .catch(() => null);
          if (check?.ok) restoredFilter = ws.filter;
        }
        const names = new Set(current.summary.columns.map((c) => c.name));
        const hashView = hashToView(window.location.hash);
        const v = hashView ?? ws.view;
        setDataset(current);
        setFilterState(restoredFilter);
        setTargetState(ws.target.column && names.has(ws.target.column) ? ws.target : NO_TARGET);
        setComparison(ws.comparison && names.has(ws.comparison.column) ? ws.comparison : null);
        setFairness(ws.fairness && names.has(ws.fairness.target) ? { ...ws.fairness, sensitive: ws.fairness.sensitive.filter((c) => names.has(c)) } : null);
        setViewState({ ...v, column: v.column && names.has(v.column) ? v.column : null });
      } finally {
        setRestoring(false);
      }
    })();
  }, [runLoad, setTypeAsync, deriveAsync, queryClient]);

  // Autosave (debounced) once restoring is over; closing the dataset clears the record.
  const saveWarned = useRef(false);
  useEffect(() => {
    if (restoring || !dataset) return;
    const handle = window.setTimeout(() => {
      void saveWorkspace({
        schema: 1,
        savedAt: new Date().toISOString(),
        source: dataset.source,
        options: dataset.options,
        overrides: overridesOf(dataset.summary),
        derived: dataset.derived,
        filter,
        target,
        comparison,
        fairness,
        view,
      }).catch((e: unknown) => {
        // Tell the user once per page: the data stays open, it just won't come back after a reload.
        if (saveWarned.current) return;
        saveWarned.current = true;
        const full = e instanceof DOMException && e.name === 'QuotaExceededError';
        notifications.show({
          color: 'yellow',
          title: 'Workspace not saved in this browser',
          message: full
            ? 'The browser storage is full, so this workspace will not be restored after a reload. Your data is still open; free space (e.g. close other workspaces) or re-open the file next time.'
            : 'The workspace could not be saved, so it will not be restored after a reload. Your data is still open.',
          autoClose: false,
        });
      });
    }, 250);
    return () => window.clearTimeout(handle);
  }, [restoring, dataset, filter, target, comparison, fairness, view]);

  // Mirror the view in the URL hash, and follow manual hash edits / back-forward.
  useEffect(() => {
    if (restoring) return;
    writeHash(dataset || view.step === 'audit' ? view : null);
  }, [restoring, dataset, view]);
  useEffect(() => {
    const onHash = () => {
      const v = hashToView(window.location.hash);
      if (!datasetRef.current && v?.step !== 'audit') return;
      if (v) setViewState(v);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const datasetKey = useMemo<DatasetKey | null>(
    () => (dataset ? { id: dataset.id, version: dataset.version } : null),
    [dataset],
  );

  const session = useMemo<SessionValue>(
    () => ({
      dataset,
      datasetKey,
      filter,
      target,
      comparison,
      fairness,
      driftSetup,
      view,
      restoring,
      pendingTypeColumn,
      openDataset,
      closeDataset,
      changeColumnType,
      addDerivedColumn,
      setFilter,
      setTarget,
      setComparison,
      setFairness,
      setDriftSetup,
      setView,
    }),
    [
      dataset,
      datasetKey,
      filter,
      target,
      comparison,
      fairness,
      driftSetup,
      view,
      restoring,
      pendingTypeColumn,
      openDataset,
      closeDataset,
      changeColumnType,
      addDerivedColumn,
      setFilter,
      setTarget,
      setView,
    ],
  );
  const loadStatus = useMemo<LoadStatusValue>(
    () => ({ load, notice, cancelLoad, dismissNotice }),
    [load, notice, cancelLoad, dismissNotice],
  );

  return (
    <SessionContext.Provider value={session}>
      <LoadStatusContext.Provider value={loadStatus}>{children}</LoadStatusContext.Provider>
    </SessionContext.Provider>
  );
}

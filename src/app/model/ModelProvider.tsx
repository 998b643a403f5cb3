/**
 * The imported model and its use on the open dataset: the model (its file is kept for the
 * workspace), the column mapping, the scoring run (progress, cancel) and its result, and the
 * decision threshold of the evaluation. The model is restored from IndexedDB after the dataset
 * and re-scored at once when its mapping is complete; it stays when another dataset is opened
 * (the mapping is suggested again for the new columns) and goes when the dataset is closed.
 * A model trained in the Train step arrives already loaded and scored (adoptTrained); when the
 * training held rows out, the evaluation can be scoped to them (`holdout`, `split`).
 */
import { useMutation } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EvaluationRequest, JobProgressReport, ModelInfo, ScoringSummary, TrainingRun } from '../../workers/workbenchApi';
import { callback } from '../../workers/workbenchClient';
import { describeError, type ErrorInfo } from '../api/errors';
import { workbench } from '../api/workbench';
import { useSession } from '../session/SessionProvider';
import { clearModel, readModel, saveModel } from '../workspace/modelStore';
import { readTraining } from '../workspace/trainStore';
import { trainingRequest } from '../train/trainSettings';
import { DEFAULT_THRESHOLD, completeMapping, restoredMapping } from './mapping';

export interface ImportedModel {
  /** Unique per import; scorings and their query keys refer to it. */
  id: string;
  name: string;
  /** The .onnx file (saved with the workspace). */
  file: Blob;
  info: ModelInfo;
  /** The training run (Train step) it came from; null for an imported file. */
  runId: string | null;
}

/** The rows the last training in this page held out (the worker keeps them until the data changes). */
export interface HoldoutInfo {
  runId: string;
  datasetId: string;
  trainRows: number;
  testRows: number;
}

export type EvaluationSplit = NonNullable<EvaluationRequest['split']>;

export interface ScoringRun {
  jobId: string;
  progress: JobProgressReport | null;
}

export interface Scored {
  /** Unique per scoring (its job id); part of every evaluation query key. */
  id: string;
  modelId: string;
  datasetId: string;
  summary: ScoringSummary;
}

export interface ModelProblem extends ErrorInfo {
  /** What failed, e.g. "Could not import model.onnx". */
  title: string;
}

export interface ModelValue {
  model: ImportedModel | null;
  /** The file being imported, if any. */
  importing: string | null;
  importError: ModelProblem | null;
  /** True while the saved model is being restored at start-up. */
  restoring: boolean;
  /** The dataset column for each of the model's slots (null = not mapped yet). */
  mapping: (string | null)[];
  run: ScoringRun | null;
  scored: Scored | null;
  scoreError: ModelProblem | null;
  /** Why the dataset has no scores when it had some (cancelled, column types changed). */
  scoreNotice: string | null;
  threshold: number;
  /** The held-out rows of the last training on this dataset, if any; `split` picks the rows evaluated. */
  holdout: HoldoutInfo | null;
  split: EvaluationSplit;
  /** True while the Train step trains (the worker replaces the model at the end): import and scoring wait. */
  training: boolean;
  importModel(name: string, file: Blob): Promise<boolean>;
  removeModel(): void;
  dismissImportError(): void;
  setSlot(slot: number, column: string | null): void;
  resetMapping(): void;
  score(): void;
  cancelScoring(): void;
  setThreshold(threshold: number): void;
  setSplit(split: EvaluationSplit): void;
  setTraining(training: boolean): void;
  /** Takes the model a training exported, loaded and scored in the worker as the current model. */
  adoptTrained(run: TrainingRun, runId: string): void;
}

const ModelContext = createContext<ModelValue | null>(null);

export function useModel(): ModelValue {
  const v = useContext(ModelContext);
  if (!v) throw new Error('useModel outside <ModelProvider>');
  return v;
}

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `m-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

interface ScoreVars {
  jobId: string;
  mapping: (string | null)[];
  onProgress: (p: JobProgressReport) => void;
}

export function ModelProvider({ children }: { children: ReactNode }) {
  const { dataset, restoring: sessionRestoring } = useSession();
  const [model, setModel] = useState<ImportedModel | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const [importError, setImportError] = useState<ModelProblem | null>(null);
  const [restoringModel, setRestoringModel] = useState(false);
  const restoring = sessionRestoring || restoringModel;
  const [mapping, setMappingState] = useState<(string | null)[]>([]);
  const [run, setRun] = useState<ScoringRun | null>(null);
  const [scored, setScored] = useState<Scored | null>(null);
  const [scoreError, setScoreError] = useState<ModelProblem | null>(null);
  const [scoreNotice, setScoreNotice] = useState<string | null>(null);
  const [threshold, setThresholdState] = useState(DEFAULT_THRESHOLD);
  const [holdout, setHoldout] = useState<HoldoutInfo | null>(null);
  const [split, setSplitState] = useState<EvaluationSplit>('all');
  const [training, setTraining] = useState(false);
  const datasetIdRef = useRef<string | null>(null);
  const modelRef = useRef<ImportedModel | null>(null);
  const mappingRef = useRef<(string | null)[]>([]);
  const runRef = useRef<ScoringRun | null>(null);
  const scoredRef = useRef<Scored | null>(null);
  const trainingRef = useRef(false);
  useEffect(() => {
    modelRef.current = model;
    mappingRef.current = mapping;
    runRef.current = run;
    scoredRef.current = scored;
    trainingRef.current = training;
  }, [model, mapping, run, scored, training]);

  const { mutateAsync: loadAsync } = useMutation({
    mutationKey: ['workbench', 'loadModel'],
    mutationFn: (v: { name: string; bytes: Uint8Array }) => workbench().loadModel(v.name, v.bytes),
  });
  const { mutateAsync: scoreAsync } = useMutation({
    mutationKey: ['workbench', 'scoreDataset'],
    mutationFn: (v: ScoreVars) => workbench().scoreDataset(v.jobId, v.mapping, callback(v.onProgress)),
  });

  /** Loads a model into the worker; on failure the current model (if any) stays and the error is shown. */
  const load = useCallback(
    async (name: string, file: Blob, title: string, runId: string | null = null): Promise<ImportedModel | null> => {
      setImporting(name);
      setImportError(null);
      try {
        const info = await loadAsync({ name, bytes: new Uint8Array(await file.arrayBuffer()) });
        const imported: ImportedModel = { id: newId(), name, file, info, runId };
        modelRef.current = imported;
        setModel(imported);
        setScored(null);
        setScoreError(null);
        setScoreNotice(null);
        return imported;
      } catch (e) {
        setImportError({ ...describeError(e), title });
        return null;
      } finally {
        setImporting(null);
      }
    },
    [loadAsync],
  );

  const runScoring = useCallback(
    async (columns: (string | null)[]): Promise<void> => {
      const current = modelRef.current;
      const datasetId = datasetIdRef.current;
      if (!current || !datasetId || runRef.current || trainingRef.current) return;
      const jobId = newId();
      const started: ScoringRun = { jobId, progress: null };
      runRef.current = started;
      setRun(started);
      setScored(null);
      setScoreError(null);
      setScoreNotice(null);
      let last = 0;
      const onProgress = (p: JobProgressReport) => {
        const now = performance.now();
        if (now - last < 80 && p.done < p.total) return;
        last = now;
        setRun((cur) => (cur && cur.jobId === jobId ? { ...cur, progress: p } : cur));
      };
      try {
        const summary = await scoreAsync({ jobId, mapping: columns, onProgress });
        if (modelRef.current?.id === current.id && datasetIdRef.current === datasetId) {
          const result: Scored = { id: jobId, modelId: current.id, datasetId, summary };
          scoredRef.current = result;
          setScored(result);
        }
      } catch (e) {
        const info = describeError(e);
        if (info.kind === 'cancelled') setScoreNotice('Scoring was cancelled: the dataset has no scores. Press Score dataset to start again.');
        else setScoreError({ ...info, title: 'Could not score the dataset' });
      } finally {
        if (runRef.current?.jobId === jobId) runRef.current = null;
        setRun((cur) => (cur && cur.jobId === jobId ? null : cur));
      }
    },
    [scoreAsync],
  );

  const importModel = useCallback(
    async (name: string, file: Blob): Promise<boolean> => {
      if (runRef.current || trainingRef.current) return false;
      const imported = await load(name, file, `Could not import ${name}`);
      if (!imported) return false;
      setMappingState(imported.info.suggestedMapping);
      setThresholdState(DEFAULT_THRESHOLD);
      return true;
    },
    [load],
  );

  const reset = useCallback(() => {
    modelRef.current = null;
    setModel(null);
    setMappingState([]);
    setScored(null);
    setScoreError(null);
    setScoreNotice(null);
    setImportError(null);
    setThresholdState(DEFAULT_THRESHOLD);
    setHoldout(null);
    setSplitState('all');
  }, []);

  const removeModel = useCallback(() => {
    const r = runRef.current;
    if (r) void workbench().cancel(r.jobId);
    reset();
    void workbench().closeModel();
    void clearModel().catch(() => undefined);
  }, [reset]);

  /** After a reload: the held-out rows of the training that made the restored model (they are seeded, so recomputable). */
  const restoreHoldout = useCallback(async (runId: string, forDataset: string) => {
    const saved = await readTraining().catch(() => null);
    const run = saved?.runs.find((r) => r.id === runId);
    if (!run || run.testRows === 0) return;
    try {
      const counts = await workbench().restoreHoldout(trainingRequest(run.target, run.settings, run.recipe));
      if (counts.testRows !== run.testRows || datasetIdRef.current !== forDataset) return;
      setHoldout({ runId, datasetId: forDataset, trainRows: counts.trainRows, testRows: counts.testRows });
    } catch {
      // the data changed since that training: the recorded figures stay, without a held-out scope
    }
  }, []);

  // Follow the dataset: restore the saved model once the workspace is back; keep the model for
  // another dataset (suggesting its mapping again); drop it when the dataset is closed.
  const datasetId = dataset?.id ?? null;
  const datasetColumns = dataset?.summary.columns;
  const seenDataset = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (sessionRestoring) return;
    const previous = seenDataset.current;
    seenDataset.current = datasetId;
    datasetIdRef.current = datasetId;
    if (previous === datasetId) return;
    if (previous === undefined) {
      // First dataset after start-up: the saved model, if any, comes back with it.
      if (datasetId === null) return;
      void (async () => {
        setRestoringModel(true);
        try {
          const saved = await readModel().catch(() => null);
          if (!saved) return;
          const imported = await load(saved.name, saved.file, `Could not restore the model ${saved.name}`, saved.runId ?? null);
          if (!imported) return;
          const names = (datasetColumns ?? []).map((c) => c.name);
          const restored = restoredMapping(saved.mapping, imported.info, names);
          setMappingState(restored);
          setThresholdState(saved.threshold);
          if (completeMapping(restored)) void runScoring(restored);
          if (saved.runId && datasetId) void restoreHoldout(saved.runId, datasetId);
        } finally {
          setRestoringModel(false);
        }
      })();
      return;
    }
    scoredRef.current = null;
    // The held-out rows belong to the dataset they were drawn from.
    setHoldout(null);
    setSplitState('all');
    if (datasetId === null) {
      // The dataset was closed (the workspace record, model included, is deleted with it).
      void (async () => {
        try {
          await workbench().closeModel();
        } finally {
          reset();
        }
      })();
      return;
    }
    if (!modelRef.current) {
      // No model in use: make sure no saved one comes back with this dataset after a reload.
      void clearModel().catch(() => undefined);
      return;
    }
    // Another dataset: same model, a new suggestion for its columns, no scores yet.
    void (async () => {
      const info = await workbench().modelInfo();
      setScored(null);
      setScoreError(null);
      setScoreNotice(null);
      if (!info || modelRef.current === null) return;
      const updated = { ...modelRef.current, info };
      modelRef.current = updated;
      setModel(updated);
      setMappingState(info.suggestedMapping);
    })();
  }, [sessionRestoring, datasetId, datasetColumns, load, reset, runScoring, restoreHoldout]);

  // A type override replaces the table in the worker and drops its scores: score again.
  const datasetVersion = dataset?.version;
  useEffect(() => {
    const before = scoredRef.current;
    if (datasetVersion === undefined || !before || before.datasetId !== datasetIdRef.current || runRef.current) return;
    void (async () => {
      const still = await workbench().scoring();
      if (still || scoredRef.current !== before) return;
      scoredRef.current = null;
      setScored(null);
      // The worker forgot the held-out rows with the scores.
      setHoldout(null);
      setSplitState('all');
      const columns = mappingRef.current;
      if (completeMapping(columns)) void runScoring(columns);
      else setScoreNotice('Column types changed since the dataset was scored, so the scores were dropped: score it again.');
    })();
  }, [datasetVersion, runScoring]);

  // Autosave the model, its mapping and the threshold (debounced) once restoring is over.
  useEffect(() => {
    if (restoring || !model) return;
    const handle = window.setTimeout(() => {
      void saveModel({ name: model.name, file: model.file, mapping, threshold, runId: model.runId }).catch(() => undefined);
    }, 250);
    return () => window.clearTimeout(handle);
  }, [restoring, model, mapping, threshold]);

  const setSlot = useCallback((slot: number, column: string | null) => {
    setMappingState((cur) => cur.map((c, k) => (k === slot ? column : c)));
  }, []);
  const resetMapping = useCallback(() => {
    if (modelRef.current) setMappingState(modelRef.current.info.suggestedMapping);
  }, []);
  const score = useCallback(() => void runScoring(mappingRef.current), [runScoring]);
  const cancelScoring = useCallback(() => {
    const r = runRef.current;
    if (r) void workbench().cancel(r.jobId);
  }, []);
  /** Kept to two decimals, as the slider and the number field show it. */
  // Slider steps snap to the 0.01 grid (no 0.30000000000000004); an exact threshold (e.g. the value-maximising one) stays exact.
  const setThreshold = useCallback((t: number) => {
    const clamped = Math.min(1, Math.max(0, t));
    const snapped = Math.round(clamped * 100) / 100;
    setThresholdState(Math.abs(clamped - snapped) < 1e-9 ? snapped : clamped);
  }, []);
  const dismissImportError = useCallback(() => setImportError(null), []);
  const setSplit = useCallback((next: EvaluationSplit) => setSplitState(next), []);

  const adoptTrained = useCallback((trained: TrainingRun, runId: string) => {
    const datasetId = datasetIdRef.current;
    if (!datasetId) return;
    const imported: ImportedModel = {
      id: newId(),
      name: trained.modelName,
      file: new Blob([trained.modelBytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
      info: trained.model,
      runId,
    };
    const result: Scored = { id: runId, modelId: imported.id, datasetId, summary: trained.scoring };
    modelRef.current = imported;
    scoredRef.current = result;
    setModel(imported);
    setMappingState(trained.scoring.mapping);
    setScored(result);
    setScoreError(null);
    setScoreNotice(null);
    setImportError(null);
    setThresholdState(DEFAULT_THRESHOLD);
    const held = trained.testRows > 0 ? { runId, datasetId, trainRows: trained.trainRows, testRows: trained.testRows } : null;
    setHoldout(held);
    setSplitState(held ? 'test' : 'all');
  }, []);

  const value = useMemo<ModelValue>(
    () => ({
      model,
      importing,
      importError,
      restoring,
      mapping,
      run,
      scored,
      scoreError,
      scoreNotice,
      threshold,
      holdout,
      split,
      training,
      importModel,
      removeModel,
      dismissImportError,
      setSlot,
      resetMapping,
      score,
      cancelScoring,
      setThreshold,
      setSplit,
      setTraining,
      adoptTrained,
    }),
    [
      model,
      importing,
      importError,
      restoring,
      mapping,
      run,
      scored,
      scoreError,
      scoreNotice,
      threshold,
      holdout,
      split,
      training,
      importModel,
      removeModel,
      dismissImportError,
      setSlot,
      resetMapping,
      score,
      cancelScoring,
      setThreshold,
      setSplit,
      adoptTrained,
    ],
  );
  return <ModelContext.Provider value={value}>{children}</ModelContext.Provider>;
}

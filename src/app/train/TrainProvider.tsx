/**
 * The Train step's state: the settings, the recipe edited by hand (null = the contract's default
 * recipe for the target, fetched from the worker), the training in progress (stage, cancel), its
 * error, and the leaderboard of every run on this dataset with the run selected in it. Saved with
 * the workspace (workspace/trainStore.ts) and restored after the dataset; reset when another
 * dataset is opened. A finished training hands its model — exported, loaded and scored by the
 * worker — to the Model step (ModelProvider.adoptTrained).
 */
import { useMutation } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Recipe } from '../../core/recipe/recipe';
import type { MetricsResult } from '../../core/validation/evaluateScores';
import type { TrainingProgress, TrainingRequest } from '../../workers/workbenchApi';
import { callback } from '../../workers/workbenchClient';
import { describeError, type ErrorInfo } from '../api/errors';
import { workbench } from '../api/workbench';
import { useModel } from '../model/ModelProvider';
import { useSession } from '../session/SessionProvider';
import { readTraining, saveTraining } from '../workspace/trainStore';
import { withoutColumns } from './recipeEdit';
import { runRecord, trialRecord, type RunRecord, type SearchTag } from './runRecord';
import { DEFAULT_SETTINGS, modelKind, searchSpec, trainingRequest, withParams, type TrainSettings, type TrainTarget } from './trainSettings';

export interface TrainingJob {
  jobId: string;
  progress: TrainingProgress | null;
  started: number;
}

export interface TrainProblem extends ErrorInfo {
  title: string;
}

export interface TrainValue {
  settings: TrainSettings;
  /** The recipe edited by hand; null = the default recipe of the target (see useTrainRecipe). */
  editedRecipe: Recipe | null;
  runs: RunRecord[];
  selectedRunId: string | null;
  job: TrainingJob | null;
  error: TrainProblem | null;
  notice: string | null;
  restoring: boolean;
  setSettings(patch: Partial<TrainSettings>): void;
  setExclude(exclude: string[]): void;
  /** Replaces the recipe (marks it edited). */
  setRecipe(recipe: Recipe): void;
  resetRecipe(): void;
  train(target: TrainTarget, recipe: Recipe): Promise<void>;
  /** Runs the settings' hyper-parameter search (each trial a leaderboard row), then trains the best trial. */
  search(target: TrainTarget, recipe: Recipe): Promise<void>;
  cancel(): void;
  selectRun(id: string | null): void;
  /** Puts a past run's settings and recipe back (and its target in the session), ready to train again. */
  restoreRun(id: string): void;
  dismissError(): void;
}

const TrainContext = createContext<TrainValue | null>(null);

export function useTrain(): TrainValue {
  const v = useContext(TrainContext);
  if (!v) throw new Error('useTrain outside <TrainProvider>');
  return v;
}

function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `t-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

interface TrainVars {
  jobId: string;
  request: TrainingRequest;
  onProgress: (p: TrainingProgress) => void;
}

export function TrainProvider({ children }: { children: ReactNode }) {
  const { dataset, restoring: sessionRestoring, setTarget } = useSession();
  const { adoptTrained, setTraining, run: scoring } = useModel();
  const [settings, setSettingsState] = useState<TrainSettings>(DEFAULT_SETTINGS);
  const [editedRecipe, setEditedRecipe] = useState<Recipe | null>(null);
  const [runs, setRuns] = useState<RunRecord[]>([]);
  const [selectedRunId, setSelectedRunId] = useState<string | null>(null);
  const [job, setJob] = useState<TrainingJob | null>(null);
  const [error, setError] = useState<TrainProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [restoringTrain, setRestoringTrain] = useState(false);
  const restoring = sessionRestoring || restoringTrain;
  const jobRef = useRef<TrainingJob | null>(null);
  const settingsRef = useRef(settings);
  const runsRef = useRef(runs);
  useEffect(() => {
    jobRef.current = job;
    settingsRef.current = settings;
    runsRef.current = runs;
  }, [job, settings, runs]);

  const { mutateAsync: trainAsync } = useMutation({
    mutationKey: ['workbench', 'trainModel'],
    mutationFn: (v: TrainVars) => workbench().trainModel(v.jobId, v.request, callback(v.onProgress)),
  });

  const reset = useCallback(() => {
    setSettingsState(DEFAULT_SETTINGS);
    setEditedRecipe(null);
    setRuns([]);
    setSelectedRunId(null);
    setError(null);
    setNotice(null);
  }, []);

  // Follow the dataset: the saved state comes back with the first dataset after start-up; another
  // dataset (or none) starts afresh, since settings, recipe and runs name its columns.
  const datasetId = dataset?.id ?? null;
  const seenDataset = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (sessionRestoring) return;
    const previous = seenDataset.current;
    seenDataset.current = datasetId;
    if (previous === datasetId) return;
    if (previous === undefined) {
      if (datasetId === null) return;
      void (async () => {
        setRestoringTrain(true);
        try {
          const saved = await readTraining().catch(() => null);
          if (!saved) return;
          setSettingsState(saved.settings);
          setEditedRecipe(saved.recipe?.edited ? saved.recipe.recipe : null);
          setRuns(saved.runs);
          setSelectedRunId(saved.selectedRunId ?? saved.runs.at(-1)?.id ?? null);
        } finally {
          setRestoringTrain(false);
        }
      })();
      return;
    }
    const running = jobRef.current;
    if (running) void workbench().cancel(running.jobId);
    reset();
  }, [sessionRestoring, datasetId, reset]);

  // Autosave (debounced) once restoring is over; only when this state changes, not the dataset's.
  useEffect(() => {
    if (restoring || datasetId === null) return;
    const handle = window.setTimeout(() => {
      void saveTraining({ settings, recipe: editedRecipe ? { recipe: editedRecipe, edited: true } : null, runs, selectedRunId }).catch(() => undefined);
    }, 250);
    return () => window.clearTimeout(handle);
  }, [restoring, datasetId, settings, editedRecipe, runs, selectedRunId]);

  const setSettings = useCallback((patch: Partial<TrainSettings>) => setSettingsState((cur) => ({ ...cur, ...patch })), []);

  const setExclude = useCallback((exclude: string[]) => {
    const added = exclude.filter((c) => !settingsRef.current.exclude.includes(c));
    setSettingsState((cur) => ({ ...cur, exclude }));
    // An excluded column is no feature: take it out of a hand-edited recipe too.
    if (added.length > 0) setEditedRecipe((cur) => (cur ? withoutColumns(cur, added) : cur));
  }, []);

  const setRecipe = useCallback((recipe: Recipe) => setEditedRecipe(recipe), []);
  const resetRecipe = useCallback(() => setEditedRecipe(null), []);

  /** Starts a job (one at a time); `work` runs with its id and progress callback. */
  const runJob = useCallback(
    async (work: (jobId: string, onProgress: (p: TrainingProgress) => void) => Promise<void>, failure: string, cancelled: string) => {
      if (jobRef.current || scoring) return;
      const jobId = newId();
      const started: TrainingJob = { jobId, progress: null, started: Date.now() };
      jobRef.current = started;
      setJob(started);
      setError(null);
      setNotice(null);
      setTraining(true);
      let last = 0;
      const onProgress = (p: TrainingProgress) => {
        const now = performance.now();
        if (now - last < 80 && p.done < p.total) return;
        last = now;
        setJob((cur) => (cur && cur.jobId === jobId ? { ...cur, progress: p } : cur));
      };
      try {
        await work(jobId, onProgress);
      } catch (e) {
        const info = describeError(e);
        if (info.kind === 'cancelled') setNotice(cancelled);
        else setError({ ...info, title: failure });
      } finally {
        if (jobRef.current?.jobId === jobId) jobRef.current = null;
        setJob((cur) => (cur && cur.jobId === jobId ? null : cur));
        setTraining(false);
      }
    },
    [scoring, setTraining],
  );

  /** Trains with `used` settings, scores the held-out rows and adds the run to the leaderboard. */
  const trainAndRecord = useCallback(
    async (jobId: string, onProgress: (p: TrainingProgress) => void, target: TrainTarget, recipe: Recipe, used: TrainSettings, search?: SearchTag) => {
      const run = await trainAsync({ jobId, request: trainingRequest(target, used, recipe), onProgress });
      let holdout: MetricsResult | null = null;
      if (run.testRows > 0) {
        // The leaderboard's holdout figure (the results add 95 % intervals); a failure here does not undo the training.
        holdout = await workbench()
          .modelMetrics({ target: target.column, positive: target.positive ?? undefined, task: target.kind === 'logistic' ? 'classification' : 'regression', split: 'test', threshold: 0.5 })
          .catch(() => null);
      }
      adoptTrained(run, jobId);
      const record = runRecord(jobId, new Date(), target, used, run, holdout, search);
      setRuns((cur) => [...cur, record]);
      setSelectedRunId(jobId);
    },
    [trainAsync, adoptTrained],
  );

  const train = useCallback(
    (target: TrainTarget, recipe: Recipe) =>
      runJob(
        (jobId, onProgress) => trainAndRecord(jobId, onProgress, target, recipe, settingsRef.current),
        'Could not train the model',
        'Training was cancelled: nothing changed (the leaderboard and the loaded model are as before).',
      ),
    [runJob, trainAndRecord],
  );

  const search = useCallback(
    (target: TrainTarget, recipe: Recipe) =>
      runJob(
        async (jobId, onProgress) => {
          const used = settingsRef.current;
          const kind = modelKind(target, used);
          const result = await workbench().searchModel(jobId, trainingRequest(target, used, recipe), searchSpec(kind, used.search), callback(onProgress));
          const at = new Date();
          const trials = result.trials.map((t) => trialRecord(jobId, at, target, withParams(used, kind, t.params), recipe, result, t));
          setRuns((cur) => [...cur, ...trials]);
          // the best trial, trained on all training rows: its model, holdout and results
          const best = withParams(used, kind, result.trials[result.best].params);
          setSettingsState(best);
          await trainAndRecord(jobId, onProgress, target, recipe, best, { id: jobId, strategy: result.strategy, trial: null, trials: result.trials.length, best: result.best + 1 });
        },
        'Could not run the search',
        'The search was cancelled: what was still running is not kept (a finished search keeps its trials in the leaderboard even when the training of its best trial is cancelled).',
      ),
    [runJob, trainAndRecord],
  );

  const cancel = useCallback(() => {
    const j = jobRef.current;
    if (j) void workbench().cancel(j.jobId);
  }, []);

  const selectRun = useCallback((id: string | null) => setSelectedRunId(id), []);

  const restoreRun = useCallback(
    (id: string) => {
      const record = runsRef.current.find((r) => r.id === id);
      if (!record) return;
      setSettingsState(record.settings);
      setEditedRecipe(record.recipe);
      setTarget({ column: record.target.column, positive: record.target.positive });
      setError(null);
      setNotice(`The settings and recipe of run ${runsRef.current.indexOf(record) + 1} are back: press Train to train with them again.`);
    },
    [setTarget],
  );

  const dismissError = useCallback(() => setError(null), []);

  const value = useMemo<TrainValue>(
    () => ({
      settings,
      editedRecipe,
      runs,
      selectedRunId,
      job,
      error,
      notice,
      restoring,
      setSettings,
      setExclude,
      setRecipe,
      resetRecipe,
      train,
      search,
      cancel,
      selectRun,
      restoreRun,
      dismissError,
    }),
    [settings, editedRecipe, runs, selectedRunId, job, error, notice, restoring, setSettings, setExclude, setRecipe, resetRecipe, train, search, cancel, selectRun, restoreRun, dismissError],
  );
  return <TrainContext.Provider value={value}>{children}</TrainContext.Provider>;
}

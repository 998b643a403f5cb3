/**
 * The quick-model ranking of the Train step: permutation importance computed on demand by the
 * worker (progress, cancel). The result remembers the request it answered, so the view can say
 * when the settings or the recipe have changed since.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgressReport, QuickImportance, TrainingRequest } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { workbench } from '../api/workbench';
import { callback } from '../../workers/workbenchClient';

export interface QuickImportanceState {
  result: QuickImportance | null;
  /** The request the result answers (canonical JSON). */
  resultFor: string | null;
  running: { done: number; total: number } | null;
  error: string | null;
  run(request: TrainingRequest): void;
  cancel(): void;
}

let counter = 0;

export function requestKey(request: TrainingRequest): string {
  const { cv: _cv, calibration: _calibration, ...rest } = request;
  return JSON.stringify(rest);
}

export function useQuickImportance(): QuickImportanceState {
  const [result, setResult] = useState<QuickImportance | null>(null);
  const [resultFor, setResultFor] = useState<string | null>(null);
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (job.current) void workbench().cancel(job.current);
    },
    [],
  );
  const run = useCallback((request: TrainingRequest) => {
    if (job.current) void workbench().cancel(job.current);
    const id = `quick-importance-${++counter}`;
    job.current = id;
    setError(null);
    setRunning({ done: 0, total: 0 });
    workbench()
      .quickImportance(
        id,
        request,
        callback((p: JobProgressReport) => {
          if (job.current === id) setRunning({ done: p.done, total: p.total });
        }),
      )
      .then((r) => {
        if (job.current !== id) return;
        setResult(r);
        setResultFor(requestKey(request));
      })
      .catch((e: unknown) => {
        if (job.current !== id) return;
        const info = describeError(e);
        if (info.kind !== 'cancelled') setError(info.message);
      })
      .finally(() => {
        if (job.current !== id) return;
        job.current = null;
        setRunning(null);
      });
  }, []);
  const cancel = useCallback(() => {
    if (job.current) void workbench().cancel(job.current);
  }, []);
  return { result, resultFor, running, error, run, cancel };
}

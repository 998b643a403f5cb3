/**
 * Hyper-parameter search scored by cross-validation: each trial's parameters (a grid
 * combination or a random draw, searchSpace.ts) over the request's fixed ones, cross-validated
 * with the request's scheme — the same folds for every trial (same seed), so trials differ only
 * by their parameters — and ranked by the mean of the main metric over the folds (ROC AUC for
 * classifiers, R² for regressions; higher is better; ties go to the earlier trial), with its
 * standard deviation (ddof = 1) as the spread. The budget is a number of trials, a time, or
 * both; the time is checked before each trial starts (a trial in progress finishes). A grid
 * stops at its last combination. With a trial budget the result depends only on the seed.
 */
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import { cvSteps, type CvFold, type CvRequest } from '../pipeline/crossValidate';
import type { TrainParams } from '../pipeline/trainParams';
import { within, type Steps } from '../progress/steps';
import { seededRandom } from '../random/seededRandom';
import { checkSpace, GRID_POINTS, gridParams, randomParams, type SearchDimension } from './searchSpace';

export interface SearchOptions {
  strategy: 'grid' | 'random';
  space: SearchDimension[];
  /** At most this many trials. */
  trials?: number;
  /** Start no trial after this many seconds. */
  seconds?: number;
  /** Grid: values per parameter (default 3). */
  gridPoints?: number;
  /** Draws of a random search (default: the request's seed). */
  seed?: number;
  /** The clock (ms); tests pass their own. */
  now?: () => number;
}

export interface SearchTrial {
  trial: number;
  /** The trial's parameters over the fixed ones: exactly what was trained. */
  params: TrainParams;
  mean: Record<string, number | null>;
  std: Record<string, number | null>;
  folds: CvFold[];
  ms: number;
}

export interface SearchResult {
  strategy: 'grid' | 'random';
  space: SearchDimension[];
  metric: 'auc' | 'r2';
  /** In the order they ran. */
  trials: SearchTrial[];
  /** Index into `trials` of the best one. */
  best: number;
  /** Combinations in the grid, or the trial budget (null: a time budget alone). */
  planned: number | null;
  stoppedBy: 'grid' | 'trials' | 'time';
  seed: number;
  seconds: number;
}

export function* searchSteps(table: Table, request: CvRequest, options: SearchOptions): Steps<SearchResult> {
  checkSpace(options.space);
  const { trials: trialBudget, seconds } = options;
  if (trialBudget === undefined && seconds === undefined && options.strategy === 'random') throw new InputError('a random search needs a budget: a number of trials or a time');
  if (trialBudget !== undefined && !(Number.isInteger(trialBudget) && trialBudget >= 1)) throw new InputError(`the trial budget must be a whole number ≥ 1 (got ${trialBudget})`);
  if (seconds !== undefined && !(seconds > 0)) throw new InputError(`the time budget must be positive (got ${seconds} s)`);
  const now = options.now ?? Date.now;
  const started = now();
  const seed = options.seed ?? request.seed ?? 42;
  const rng = seededRandom(seed);
  const grid = options.strategy === 'grid' ? gridParams(options.space, options.gridPoints ?? GRID_POINTS) : null;
  const planned = grid ? Math.min(grid.length, trialBudget ?? Infinity) : (trialBudget ?? null);
  const trials: SearchTrial[] = [];
  let stoppedBy: SearchResult['stoppedBy'] = grid ? 'grid' : 'trials';
  for (let t = 0; ; t++) {
    if (grid && t >= grid.length) break;
    if (trialBudget !== undefined && t >= trialBudget) {
      stoppedBy = 'trials';
      break;
    }
    if (seconds !== undefined && t > 0 && now() - started >= seconds * 1000) {
      stoppedBy = 'time';
      break;
    }
    const params = { ...request.params, ...(grid ? grid[t] : randomParams(options.space, rng)) };
    const trialStart = now();
    const progressTotal = planned ?? seconds!;
    const progressAt = planned !== null ? t : Math.min(seconds!, (trialStart - started) / 1000);
    const width = planned !== null ? 1 : 0;
    const cv = yield* within(cvSteps(table, { ...request, params }), progressAt, width, progressTotal);
    trials.push({ trial: t + 1, params, mean: cv.mean, std: cv.std, folds: cv.folds, ms: now() - trialStart });
    yield { done: planned !== null ? t + 1 : Math.min(seconds!, (now() - started) / 1000), total: progressTotal };
  }
  const metric = trials.length > 0 && 'auc' in trials[0].mean ? 'auc' : 'r2';
  let best = 0;
  trials.forEach((trial, i) => {
    const v = trial.mean[metric];
    const b = trials[best].mean[metric];
    if (v !== null && v !== undefined && (b === null || b === undefined || v > b)) best = i;
  });
  return { strategy: options.strategy, space: options.space, metric, trials, best, planned, stoppedBy, seed, seconds: (now() - started) / 1000 };
}

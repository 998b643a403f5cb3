/**
 * Shapley values of a model's predictions (shared/spec/cli.md, "shap"): interventional, against
 * background rows (weight 1/|bg| each): v(S) = mean_b f(x_S, b_notS), players = the model's raw
 * input columns (its input slots; `feature_names`). One API, three engines, chosen as the
 * contract's `auto` rule says:
 *   - `tree`: exact interventional TreeSHAP on the margin of the model's tree ensemble (rebuilt
 *     from its TreeEnsemble node, fed the model's own preprocessed features), with every encoded
 *     feature attributed to the raw column it derives from (Glassbox's `encoded_feature_sources`;
 *     for a matrix model the input position) — exact grouped values;
 *   - `exact`: every coalition, any model, ≤ 12 players, the model scored by the Scorer on hybrid
 *     rows in large batches;
 *   - `kernel`: KernelSHAP with a standard error per value.
 * Linear models (a MatMul + Add layer, readLinearModel.ts) on the margin get their closed form,
 * φ_p = Σ_{features j of p} w_j (x_j − mean_b b_j) — the exact Shapley values of a linear function
 * under the interventional game, reported as `exact`, in float64 from the model's weights.
 * `margin` is the raw ensemble or linear score — for `exact`/`kernel` evaluated in float64 from the
 * model's own parameters on the encoded features, like `tree`; for other classifiers it is the
 * log-odds of the Scorer's probability (computed from float32 probabilities).
 * Efficiency: baseValue + Σ values = f(x).
 */
import type { Table } from '../data/table';
import { CancelledError, InputError, ModelError } from '../errors/errors';
import { mappingSlots, resolveMapping } from '../inference/inputMapping';
import { readIntermediate } from '../inference/intermediateTensor';
import { analyseModel, type ModelSignature } from '../inference/modelSignature';
import { readModelDescription } from '../inference/onnx/modelDescription';
import { openScorer, type Scorer } from '../inference/scorer';
import { seededRandom } from '../random/seededRandom';
import { exactShapley, kernelShapley, MAX_EXACT_PLAYERS, type CoalitionValues } from './coalitionShap';
import { hybridTable, playerTable, type PlayerTable } from './playerTable';
import { readLinearModel } from './readLinearModel';
import { readTreeEnsemble } from './readTreeEnsemble';
import { ensembleScore } from './treeEnsemble';
import { treeShap } from './treeShap';

export type ShapMethod = 'tree' | 'exact' | 'kernel';
export type ShapOutput = 'margin' | 'probability';

export const DEFAULT_KERNEL_SAMPLES = 2048;
/** Hybrid rows per Scorer call. */
const ROWS_PER_CALL = 1 << 17;

export interface ShapRequest {
  model: Uint8Array;
  data: Table;
  dataSource: string;
  /** Explained rows of `data`. */
  rows: Int32Array;
  background: Table;
  backgroundSource: string;
  backgroundRows: Int32Array;
  /** Columns mapped to the model's inputs by hand (as the Model step does); suggested from the names when omitted. */
  mapping?: readonly (string | null)[];
  method?: ShapMethod | 'auto';
  output?: ShapOutput;
  /** KernelSHAP: coalitions sampled per explained row. */
  samples?: number;
  seed?: number;
  signal?: AbortSignal;
  pause?: () => Promise<void>;
  onProgress?: (done: number, total: number) => void;
}

export interface ShapResult {
  method: ShapMethod;
  output: ShapOutput;
  features: string[];
  baseValue: number;
  rows: number[];
  values: number[][];
  /** KernelSHAP only. */
  stderr?: number[][];
  /** f(x) of each explained row on the output's scale (base + Σ values). */
  predictions: number[];
}

export async function shapValues(request: ShapRequest): Promise<ShapResult> {
  const description = readModelDescription(request.model);
  const signature = analyseModel(description);
  const classifier = signature.task === 'classification';
  const output: ShapOutput = request.output ?? (classifier ? 'probability' : 'margin');
  if (output === 'probability' && !classifier) throw new InputError('--output probability applies to classifiers; a regressor is explained on its value (margin)');
  if (request.backgroundRows.length === 0) throw new InputError('the background has no rows');
  if (request.rows.length === 0) throw new InputError('no rows to explain');
  const slots = mappingSlots(signature);
  const features = slots.map((s) => s.expected ?? s.label);
  const players = playerTable(
    request.data,
    request.rows,
    resolveMapping(signature, request.data, request.dataSource, request.mapping),
    request.background,
    request.backgroundRows,
    resolveMapping(signature, request.background, request.backgroundSource, request.mapping),
  );
  const ensemble = readTreeEnsemble(request.model);
  const linear = ensemble ? null : readLinearModel(request.model);
  const owners = ensemble || linear ? featureOwners(description.metadata, signature, features) : null;
  const method = chooseMethod(request.method ?? 'auto', output, ensemble !== null, owners, features.length);
  const rows = Array.from(request.rows);

  const result = (values: number[][], baseValue: number, predictions: number[], stderr?: number[][]): ShapResult => {
    request.onProgress?.(rows.length, rows.length);
    return { method, output, features, baseValue, rows, values, ...(stderr ? { stderr } : {}), predictions };
  };
  /** The model's own features (the input of its tree ensemble or linear layer) of every row of the player table. */
  const encodedRows = async (input: string) => {
    const encoded = await readIntermediate(request.model, signature, input, players.table, players.mapping, { signal: request.signal, pause: request.pause });
    return { width: encoded.width, at: (i: number) => encoded.data.subarray(i * encoded.width, (i + 1) * encoded.width) };
  };
  const backgroundIndex = (b: number) => players.explained + b;

  if (method === 'tree') {
    const { at } = await encodedRows(ensemble!.input);
    const explained = Array.from({ length: players.explained }, (_, i) => at(i));
    const background = Array.from({ length: players.background }, (_, b) => at(backgroundIndex(b)));
    const tree = treeShap(ensemble!.ensemble, explained, background, owners!, features.length);
    return result(tree.values.map((v) => Array.from(v)), tree.base, Array.from(tree.prediction));
  }

  if (output === 'margin' && owners && (ensemble || linear)) {
    // the margin of a tree ensemble or linear layer, in float64 from the model's own parameters on
    // the encoded features: a hybrid row's encoded feature j is x's or b's as its owner plays or not
    const { width, at } = await encodedRows(ensemble ? ensemble.input : linear!.input);
    if (linear && width !== linear.coefficients.length) throw new ModelError(`the linear layer has ${linear.coefficients.length} weights for ${width} features`);
    const margin = ensemble
      ? (z: ArrayLike<number>) => ensembleScore(ensemble.ensemble, (j) => z[j])
      : (z: ArrayLike<number>) => {
          let f = linear!.intercept;
          for (let j = 0; j < width; j++) f += linear!.coefficients[j] * z[j];
          return f;
        };
    let baseValue = 0;
    for (let b = 0; b < players.background; b++) baseValue += margin(at(backgroundIndex(b)));
    baseValue /= players.background;
    const predictions = Array.from({ length: players.explained }, (_, i) => margin(at(i)));
    if (linear && method === 'exact') {
      // the closed form of a linear margin: φ_p = Σ_{j of p} w_j (x_j − mean_b b_j), exact
      const meanB = new Float64Array(width);
      for (let b = 0; b < players.background; b++) for (let j = 0; j < width; j++) meanB[j] += at(backgroundIndex(b))[j] / players.background;
      const values = Array.from({ length: players.explained }, (_, i) => {
        const phi = new Array<number>(features.length).fill(0);
        for (let j = 0; j < width; j++) phi[owners[j]] += linear.coefficients[j] * (at(i)[j] - meanB[j]);
        return phi;
      });
      return result(values, baseValue, predictions);
    }
    const m = features.length;
    const hybrid = new Float64Array(width);
    const game = (i: number): CoalitionValues => async (coalitions, count) => {
      const x = at(i);
      const out = new Float64Array(count);
      for (let c = 0; c < count; c++) {
        let sum = 0;
        for (let b = 0; b < players.background; b++) {
          const z = at(backgroundIndex(b));
          for (let j = 0; j < width; j++) hybrid[j] = coalitions[c * m + owners[j]] ? x[j] : z[j];
          sum += margin(hybrid);
        }
        out[c] = sum / players.background;
      }
      return out;
    };
    const { values, stderr } = await fromCoalitions(method, m, players.explained, game, request);
    return result(values, baseValue, predictions, stderr);
  }

  // any other model: hybrid rows scored by the Scorer
  const scorer = await openScorer(request.model);
  try {
    const link = output === 'margin' && classifier ? logit : (p: number) => p;
    const baseScores = await scorer.score(players.table, players.mapping, { rows: Int32Array.from({ length: players.background }, (_, b) => backgroundIndex(b)) });
    const baseValue = mean(baseScores, link);
    const { values, stderr } = await fromCoalitions(method, features.length, players.explained, (i) => coalitionValues(scorer, players, i, link, request), request);
    return result(values, baseValue, values.map((v) => baseValue + v.reduce((a, b) => a + b, 0)), stderr);
  } finally {
    await scorer.dispose();
  }
}

/** Exact or Kernel Shapley values of each explained row's game, with progress and cancel points between rows. */
async function fromCoalitions(method: ShapMethod, players: number, rows: number, game: (row: number) => CoalitionValues, request: ShapRequest): Promise<{ values: number[][]; stderr?: number[][] }> {
  const values: number[][] = [];
  const stderr: number[][] = [];
  const rng = seededRandom(request.seed ?? 42);
  for (let i = 0; i < rows; i++) {
    if (request.pause) await request.pause();
    if (request.signal?.aborted) throw new CancelledError();
    if (method === 'exact') values.push(Array.from(await exactShapley(players, game(i))));
    else {
      const estimate = await kernelShapley(players, game(i), request.samples ?? DEFAULT_KERNEL_SAMPLES, rng);
      values.push(Array.from(estimate.values));
      stderr.push(Array.from(estimate.stderr));
    }
    request.onProgress?.(i + 1, rows);
  }
  return method === 'kernel' ? { values, stderr } : { values };
}

function chooseMethod(asked: ShapMethod | 'auto', output: ShapOutput, hasTrees: boolean, owners: Int32Array | null, players: number): ShapMethod {
  if (asked === 'tree') {
    if (!hasTrees) throw new InputError('--method tree needs a tree-ensemble model (TreeEnsembleClassifier / TreeEnsembleRegressor)');
    if (output !== 'margin') throw new InputError('--method tree explains the margin only (--output margin): the sigmoid makes probability-space tree algorithms approximate');
    if (!owners) throw new InputError('--method tree is unavailable: a tree feature derives from several input columns (or cannot be traced to one); use exact or kernel');
    return 'tree';
  }
  if (asked === 'exact' && players > MAX_EXACT_PLAYERS) throw new InputError(`--method exact takes at most ${MAX_EXACT_PLAYERS} players; the model has ${players} input columns (use kernel)`);
  if (asked !== 'auto') return asked;
  if (hasTrees && owners && output === 'margin') return 'tree';
  return players <= MAX_EXACT_PLAYERS ? 'exact' : 'kernel';
}

/**
 * The player (input slot) each feature of the tree ensemble's input belongs to: from Glassbox's
 * `encoded_feature_sources` (null when a feature derives from two columns), else — a matrix model
 * whose ensemble reads its input positions — the position itself.
 */
function featureOwners(metadata: Record<string, string>, signature: ModelSignature, features: string[]): Int32Array | null {
  const sources = metadata.encoded_feature_sources;
  if (sources !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(sources);
    } catch {
      throw new ModelError('metadata encoded_feature_sources is not valid JSON');
    }
    if (!Array.isArray(parsed)) throw new ModelError('metadata encoded_feature_sources must be a JSON array');
    const owners = new Int32Array(parsed.length);
    for (let j = 0; j < parsed.length; j++) {
      const s = parsed[j];
      const name = typeof s === 'string' ? s : Array.isArray(s) && s.length === 1 ? s[0] : null;
      if (name === null) return null;
      const player = features.indexOf(name);
      if (player < 0) return null;
      owners[j] = player;
    }
    return owners;
  }
  if (signature.layout === 'matrix') return Int32Array.from(features, (_, j) => j);
  return null;
}

function coalitionValues(scorer: Scorer, players: PlayerTable, row: number, link: (p: number) => number, request: ShapRequest): CoalitionValues {
  const m = players.mapping.length;
  const nb = players.background;
  return async (coalitions, count) => {
    const out = new Float64Array(count);
    const perCall = Math.max(1, Math.floor(ROWS_PER_CALL / nb));
    for (let from = 0; from < count; from += perCall) {
      if (request.signal?.aborted) throw new CancelledError();
      const to = Math.min(count, from + perCall);
      const n = (to - from) * nb;
      const table = hybridTable(
        players,
        (slot) => {
          const sources = new Int32Array(n);
          for (let c = from; c < to; c++) {
            const own = coalitions[c * m + slot] === 1;
            const at = (c - from) * nb;
            for (let b = 0; b < nb; b++) sources[at + b] = own ? row : players.explained + b;
          }
          return sources;
        },
        n,
      );
      const scores = await scorer.score(table, players.mapping, { signal: request.signal, pause: request.pause });
      for (let c = from; c < to; c++) out[c] = mean(scores.subarray((c - from) * nb, (c - from + 1) * nb), link);
    }
    return out;
  };
}

function mean(values: Float64Array, link: (p: number) => number): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += link(values[i]);
  return s / values.length;
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

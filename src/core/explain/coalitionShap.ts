/**
 * Shapley values from a coalition value function v(S) (for one explained row: the mean over the
 * background of the model on hybrid rows, explain/shapValues.ts), players 0 … M − 1:
 *
 * - `exactShapley`: every coalition enumerated,
 *     φ_i = Σ_{S ⊆ N∖{i}} |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S));
 * - `kernelShapley`: KernelSHAP (Lundberg & Lee 2017) — coalitions drawn with the Shapley kernel's
 *   size distribution p(s) ∝ (M − 1) / (s (M − s)), s = 1 … M − 1, each with its complement
 *   (paired sampling, Covert & Lee 2021), and the least-squares fit of v(z) ≈ v(∅) + zᵀφ under
 *   the efficiency constraint Σφ = v(N) − v(∅). Its standard error per value comes from
 *   independent batches of the samples (batch means: the spread of the batch estimates / √batches).
 */
import { InputError } from '../errors/errors';
import type { SeededRandom } from '../random/seededRandom';
import { choleskyFactor, choleskySolve } from '../train/cholesky';

/** v for `count` coalitions given as rows of M zeros and ones. */
export type CoalitionValues = (coalitions: Uint8Array, count: number) => Promise<Float64Array>;

export const MAX_EXACT_PLAYERS = 12;

export async function exactShapley(players: number, v: CoalitionValues): Promise<Float64Array> {
  if (players > MAX_EXACT_PLAYERS) throw new InputError(`exact Shapley values enumerate 2^players coalitions: at most ${MAX_EXACT_PLAYERS} players (got ${players}); use kernel`);
  const count = 1 << players;
  const coalitions = new Uint8Array(count * players);
  for (let m = 0; m < count; m++) for (let p = 0; p < players; p++) coalitions[m * players + p] = (m >> p) & 1;
  const values = await v(coalitions, count);
  const fact = [1];
  for (let k = 1; k <= players; k++) fact.push(fact[k - 1] * k);
  const size = new Uint8Array(count);
  for (let m = 1; m < count; m++) size[m] = size[m >> 1] + (m & 1);
  const phi = new Float64Array(players);
  for (let i = 0; i < players; i++) {
    const bit = 1 << i;
    for (let m = 0; m < count; m++) {
      if (m & bit) continue;
      const s = size[m];
      phi[i] += ((fact[s] * fact[players - s - 1]) / fact[players]) * (values[m | bit] - values[m]);
    }
  }
  return phi;
}

export interface KernelEstimate {
  values: Float64Array;
  stderr: Float64Array;
  /** v(∅) and v(N). */
  empty: number;
  full: number;
}

export const KERNEL_BATCHES = 8;

/** `samples` coalitions in pairs (rounded up to whole batches of pairs). */
export async function kernelShapley(players: number, v: CoalitionValues, samples: number, rng: SeededRandom): Promise<KernelEstimate> {
  if (players < 2) throw new InputError('KernelSHAP needs at least 2 players');
  const pairsPerBatch = Math.max(players, Math.ceil(samples / 2 / KERNEL_BATCHES));
  const pairs = pairsPerBatch * KERNEL_BATCHES;
  const n = 2 * pairs;
  // sizes 1 … M − 1 with p(s) ∝ 1 / (s (M − s))
  const cumulative: number[] = [];
  let total = 0;
  for (let s = 1; s < players; s++) cumulative.push((total += 1 / (s * (players - s))));
  const coalitions = new Uint8Array((n + 2) * players);
  const order = Array.from({ length: players }, (_, i) => i);
  for (let k = 0; k < pairs; k++) {
    const u = rng.next() * total;
    let s = 1;
    while (cumulative[s - 1] < u) s++;
    // a uniformly random subset of size s (partial Fisher–Yates), then its complement
    for (let i = 0; i < s; i++) {
      const j = i + rng.int(players - i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const a = 2 * k * players;
    const b = a + players;
    for (let i = 0; i < players; i++) coalitions[b + i] = 1;
    for (let i = 0; i < s; i++) {
      coalitions[a + order[i]] = 1;
      coalitions[b + order[i]] = 0;
    }
  }
  // the empty and the full coalition last
  coalitions.fill(1, (n + 1) * players, (n + 2) * players);
  const values = await v(coalitions, n + 2);
  const empty = values[n];
  const full = values[n + 1];
  const solve = (from: number, to: number) => constrainedFit(coalitions, values, players, from, to, empty, full);
  const batches: Float64Array[] = [];
  for (let g = 0; g < KERNEL_BATCHES; g++) batches.push(solve(2 * g * pairsPerBatch, 2 * (g + 1) * pairsPerBatch));
  const phi = solve(0, n);
  const stderr = new Float64Array(players);
  for (let i = 0; i < players; i++) {
    const mean = batches.reduce((s, b) => s + b[i], 0) / KERNEL_BATCHES;
    const ss = batches.reduce((s, b) => s + (b[i] - mean) ** 2, 0);
    stderr[i] = Math.sqrt(ss / (KERNEL_BATCHES * (KERNEL_BATCHES - 1)));
  }
  return { values: phi, stderr, empty, full };
}

/** argmin Σ (v(z) − v(∅) − zᵀφ)² over the samples [from, to) subject to Σφ = v(N) − v(∅). */
function constrainedFit(coalitions: Uint8Array, values: Float64Array, m: number, from: number, to: number, empty: number, full: number): Float64Array {
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let k = from; k < to; k++) {
    const z = coalitions.subarray(k * m, (k + 1) * m);
    const y = values[k] - empty;
    for (let i = 0; i < m; i++) {
      if (!z[i]) continue;
      b[i] += y;
      for (let j = 0; j < m; j++) if (z[j]) a[i * m + j] += 1;
    }
  }
  for (let i = 0; i < m; i++) a[i * m + i] += 1e-12 * (to - from); // keeps A positive definite when a pair pattern is missing
  const l = choleskyFactor(a, m);
  if (!l) throw new InputError('KernelSHAP could not solve its least-squares problem: take more samples');
  const ainvB = choleskySolve(l, m, b);
  const ainv1 = choleskySolve(l, m, new Float64Array(m).fill(1));
  const sumB = ainvB.reduce((s, x) => s + x, 0);
  const sum1 = ainv1.reduce((s, x) => s + x, 0);
  const lambda = (sumB - (full - empty)) / sum1;
  return ainvB.map((x, i) => x - lambda * ainv1[i]);
}

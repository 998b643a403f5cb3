/**
 * Tests: Shapley values by brute force — every coalition of `players` enumerated, the game
 * `v(mask)` (bit p set = player p plays) evaluated once per coalition —
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S)),
 * and the hybrid rows such games average over: explained row x's values for the playing columns,
 * background row b's for the rest.
 */
import { gatherColumn } from '../../data/gatherRows';
import type { Table } from '../../data/table';

export function bruteForceShapley(players: number, v: (mask: number) => number): number[] {
  const values = new Float64Array(1 << players);
  for (let mask = 0; mask < 1 << players; mask++) values[mask] = v(mask);
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Array<number>(players).fill(0);
  for (let i = 0; i < players; i++) {
    for (let mask = 0; mask < 1 << players; mask++) {
      if ((mask >> i) & 1) continue;
      let size = 0;
      for (let k = 0; k < players; k++) size += (mask >> k) & 1;
      phi[i] += ((fact(size) * fact(players - size - 1)) / fact(players)) * (values[mask | (1 << i)] - values[mask]);
    }
  }
  return phi;
}

/** One hybrid row per background row: the columns named in `players` whose bit is set in `mask` from row `x`, every other column from the background row. */
export function hybridRows(table: Table, players: readonly string[], mask: number, x: number, background: ArrayLike<number>): Table {
  const sources = (name: string) => Int32Array.from(background, (b) => ((mask >> players.indexOf(name)) & 1 ? x : b));
  return { rowCount: background.length, columns: table.columns.map((c) => gatherColumn(c, players.includes(c.name) ? sources(c.name) : background)) };
}

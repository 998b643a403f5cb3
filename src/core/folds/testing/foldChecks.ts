/**
 * Property checks shared by the splitters' tests: brute-force checks of what a fold or split
 * must be, plus seeded test data (the engine's tests use no Math.random either).
 */
import { expect } from 'vitest';
import { seededRandom, type SeededRandom } from '../../random/seededRandom';
import type { Fold, Split } from '../fold';

/** Strictly ascending (so also free of duplicates). */
export function expectAscending(values: Uint32Array): void {
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
}

/** Train and test ascending, disjoint, both non-empty, and together exactly `rows`. */
export function expectSplitOf(split: Split, rows: Uint32Array): void {
  expectAscending(split.train);
  expectAscending(split.test);
  expect(split.train.length).toBeGreaterThan(0);
  expect(split.test.length).toBeGreaterThan(0);
  const union = Uint32Array.from([...split.train, ...split.test]).sort();
  expect(union).toEqual(Uint32Array.from(rows).sort());
}

/** k folds numbered 0..k−1, each a split of `rows`, and every row tested exactly once. */
export function expectPartition(folds: Fold[], rows: Uint32Array, k: number): void {
  expect(folds.map((f) => f.fold)).toEqual(Array.from({ length: k }, (_, i) => i));
  for (const fold of folds) expectSplitOf(fold, rows);
  const tested = folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
  expect(tested).toEqual(Array.from(rows).sort((a, b) => a - b));
}

/** The fold in which each row is tested. */
export function testFoldOf(folds: Fold[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const f of folds) for (const r of f.test) m.set(r, f.fold);
  return m;
}

/**
 * A row list of n distinct rows out of a larger table, in random order (so "position" and
 * "row" differ), or 0..n−1 when `plain`.
 */
export function someRows(n: number, rng: SeededRandom, plain = false): Uint32Array {
  if (plain) return Uint32Array.from({ length: n }, (_, i) => i);
  const picked = new Set<number>();
  while (picked.size < n) picked.add(rng.int(n * 3 + 5));
  const rows = Uint32Array.from(picked);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** Labels 0..classes−1 with skewed frequencies (class c about twice as common as c + 1). */
export function someLabels(n: number, classes: number, rng: SeededRandom): Uint8Array {
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    while (c < classes - 1 && rng.next() < 0.5) c++;
    labels[i] = c;
  }
  return labels;
}

/** A value per position keyed by row: maps each fold's rows back to their positions' values. */
export function byRow<T extends ArrayLike<number>>(rows: Uint32Array, values: T): Map<number, number> {
  const m = new Map<number, number>();
  rows.forEach((r, p) => m.set(r, values[p]));
  return m;
}

export const rngFor = (seed: number) => seededRandom(seed * 7919 + 13);

/**
 * Test helper: the reference fixtures written by scripts/fixtures/make_stats_fixtures.py
 * (pandas / numpy / scipy / scikit-learn values; see the script's docstring for the source of
 * each number), and tolerant comparison of numbers.
 */
import { expect } from 'vitest';
import type { Table } from '../../data/table';
import compas from '../fixtures/compas.json';
import edge from '../fixtures/edge.json';
import german from '../fixtures/german_credit.json';
import mixed from '../fixtures/mixed.json';
import type {
  GroupComparison,
  MissingnessResult,
  OutlierCounts,
  ProfileResult,
} from '../results';
import { type JsonColumn, tableFromJson } from './tableFromJson';

export interface RefMatrix {
  names: string[];
  values: (number | null)[][];
  n: number[][];
}

export interface RefBreakdownRow {
  count: number;
  value: number | null;
  label?: string;
  start?: number;
  end?: number;
}

export interface RefTarget {
  target: string;
  task: 'classification' | 'regression';
  positive: string | null;
  overall: number;
  n: number;
  options: { positive?: string };
  columns: { column: string; mutualInformation: number; rows: RefBreakdownRow[] }[];
}

export interface RefScope {
  profile: ProfileResult;
  outliers: Record<string, OutlierCounts | null>;
  missingness: MissingnessResult & { completeRows: number };
  correlation: { pearson: RefMatrix; spearman: RefMatrix; cramersV: RefMatrix };
}

export interface Fixture {
  name: string;
  rows: number;
  columns: JsonColumn[];
  reference: RefScope & {
    quantiles: { column: string; q: number[]; values: number[] }[];
    mutualInformation: { a: string; b: string; mi: number }[];
    selection?: RefScope & { description: string; rows: number[] };
    groupTests: {
      groups: { column: string; a: string; b: string };
      results: (Omit<GroupComparison, 'test'> & { test: GroupComparison['test'] })[];
    }[];
    target: RefTarget[];
  };
}

export const FIXTURES: readonly Fixture[] = [mixed, edge, german, compas] as unknown as Fixture[];

export function fixtureTable(f: Fixture): Table {
  return tableFromJson(f.columns);
}

/** |a − e| ≤ abs + rel·|e|; null/undefined must match exactly. */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  rel: number,
  abs = 0,
  what = '',
): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(typeof actual, what).toBe('number');
  const a = actual as number;
  const ok = a === expected || Math.abs(a - expected) <= abs + rel * Math.abs(expected);
  if (!ok) expect.fail(`${what}: got ${a}, expected ${expected} (rel ${rel}, abs ${abs})`);
}

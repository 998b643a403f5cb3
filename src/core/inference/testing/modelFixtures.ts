/**
 * Test access to the model fixtures (scripts/fixtures/make_model_fixtures.py): model bytes,
 * the reference scores of scikit-learn / XGBoost, and the datasets they were computed on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesSource } from '../../data/byteSource';
import { readDataset } from '../../data/readDataset';
import type { Table } from '../../data/table';

export const REPO = join(__dirname, '../../../..');
export const FIXTURES = join(__dirname, '../fixtures');

export interface ExpectedScores {
  model: string;
  dataset: string;
  layout: 'matrix' | 'columns';
  task: 'classification' | 'regression';
  features: string[];
  classLabels?: (string | number)[];
  positive?: string | number;
  target: string;
  rows: number;
  scores: number[];
}

export const VALID_MODELS = [
  'loans_logistic',
  'loans_forest',
  'loans_gbm',
  'loans_xgboost',
  'adult_logistic_columns',
  'diabetes_gbr',
  'diabetes_linear_columns',
] as const;

export function modelPath(name: string): string {
  return join(FIXTURES, 'models', name.endsWith('.onnx') ? name : `${name}.onnx`);
}

export function modelBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(modelPath(name)));
}

export function expectedScores(name: string): ExpectedScores {
  return JSON.parse(readFileSync(join(FIXTURES, 'expected', `${name}.json`), 'utf8')) as ExpectedScores;
}

const tables = new Map<string, Promise<Table>>();

/** A repository CSV read by the engine (cached per path). */
export function repoTable(path: string): Promise<Table> {
  let table = tables.get(path);
  if (!table) {
    const bytes = new Uint8Array(readFileSync(join(REPO, path)));
    table = readDataset(bytesSource(bytes, path.split('/').pop()!)).then((r) => r.table);
    tables.set(path, table);
  }
  return table;
}

/**
 * The Explain step's settings and the last requests made, kept by the step (not the tabs) so that
 * switching between Shapley values and partial dependence keeps them — and, the results being
 * cached per request, shows the last results at once.
 */
import type { ExplainRequest, PdpRequest } from '../../workers/workbenchApi';
import type { ImportedModel } from '../model/ModelProvider';

export interface ShapSettings {
  output: NonNullable<ExplainRequest['output']>;
  method: NonNullable<ExplainRequest['method']>;
  rows: number;
  backgroundSize: number;
  seed: number;
  request: ExplainRequest | null;
  /** Index of the explained row shown in the waterfall. */
  row: number;
  /** The feature of the dependence plot (null: the most important one). */
  dependence: string | null;
}

export interface PdpSettings {
  feature: string | null;
  /** A second column for a two-way partial dependence (null: one-way). */
  feature2: string | null;
  /** A custom grid as typed (comma-separated); empty = the contract's default grid. */
  customGrid: string;
  gridSize: number;
  sample: number;
  ice: boolean;
  centred: boolean;
  seed: number;
  request: PdpRequest | null;
}

export function defaultShapSettings(trees: boolean, classifier: boolean): ShapSettings {
  return { output: trees || !classifier ? 'margin' : 'probability', method: 'auto', rows: trees ? 300 : 30, backgroundSize: 100, seed: 42, request: null, row: 0, dependence: null };
}

export function defaultPdpSettings(feature: string | null): PdpSettings {
  return { feature, feature2: null, customGrid: '', gridSize: 20, sample: 1000, ice: true, centred: false, seed: 42, request: null };
}

/** A typed grid in the column's terms: numbers for numeric columns, true/false for booleans, labels otherwise; null when a value does not fit. */
export function parseCustomGrid(text: string, type: string | undefined): (number | string | boolean)[] | null {
  const items = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) return null;
  if (type === 'numeric') {
    const values = items.map(Number);
    return values.every(Number.isFinite) ? values : null;
  }
  if (type === 'boolean') return items.every((i) => i === 'true' || i === 'false') ? items.map((i) => i === 'true') : null;
  if (type === 'datetime') {
    const values = items.map((i) => Date.parse(i));
    return values.every(Number.isFinite) ? values : null;
  }
  return items;
}

/** Whether the model holds a tree ensemble (explained by exact TreeSHAP on its margin). */
export function hasTrees(model: ImportedModel): boolean {
  return model.info.description.operators.some((o) => o.opType === 'TreeEnsembleClassifier' || o.opType === 'TreeEnsembleRegressor');
}

/**
 * A pipeline = a fitted recipe + a model, trained on some rows of a table: the target is read as
 * the contract says (task from the model kind, positive class rules), the recipe (the default one
 * unless given) is fitted on the training rows only, and the model on the recipe's features of
 * those rows as the fit produced them — out-of-fold for targetEncode steps (seeded by `seed`),
 * so a row's own target never enters its features (fitRecipeForTraining).
 * `predictPipeline` scores any rows in memory (float64) with applyRecipe, whose targetEncode
 * mapping is the one fitted on all training rows, as in the exported graph; `exportPipeline`
 * writes the same pipeline as one ONNX file, which onnxruntime scores equal to memory within
 * float32 rounding.
 */
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import { exportLinearModel } from '../export/exportLinearModel';
import { sha256Hex } from '../fingerprint/sha256';
import { applyRecipe } from '../recipe/applyRecipe';
import { defaultRecipe } from '../recipe/defaultRecipe';
import type { FittedRecipe } from '../recipe/fittedRecipe';
import { fitRecipeForTraining, type TrainingTarget } from '../recipe/fitRecipe';
import type { Recipe } from '../recipe/recipe';
import { previewRecipeStep, type StepColumnPreview } from '../recipe/stepPreview';
import { linearPredictor, type LinearModel } from '../train/linearModel';
import { applyCalibrator, CALIBRATION_FOLDS, fitCalibrator, type CalibrationMethod, type Calibrator } from './calibratePipeline';
import { fitLogistic, predictLogistic } from '../train/logisticRegression';
import { fitRidge, predictRidge } from '../train/ridgeRegression';
import { readTarget } from '../validation/targetClasses';
import { GLASSBOX_VERSION } from '../version';
import type { ModelKind, TrainParams } from './trainParams';

export interface TrainRequest {
  target: string;
  kind: ModelKind;
  recipe?: Recipe;
  params?: TrainParams;
  seed?: number;
  exclude?: readonly string[];
  positive?: string;
  /** Training rows (default: all rows). Rows with a missing target are left out. */
  rows?: Uint32Array;
  /** Logistic only: calibrate probabilities on out-of-fold margins (see calibratePipeline.ts). */
  calibration?: CalibrationMethod;
  source?: string;
}

export interface TrainedPipeline {
  kind: 'logistic' | 'linear';
  task: 'classification' | 'regression';
  target: string;
  recipe: Recipe;
  fitted: FittedRecipe;
  model: LinearModel;
  /** [negative, positive] for classifiers. */
  classLabels: (string | number)[] | null;
  params: TrainParams;
  seed: number;
  calibrator: Calibrator | null;
  /** Rows the model was fitted on. */
  trainRows: number;
}

/** What a training request resolves to before anything is fitted: the columns left out, the target on the rows, the recipe and the seed. */
function trainingSetup(table: Table, request: TrainRequest) {
  const exclude = [request.target, ...(request.exclude ?? [])];
  for (const name of request.exclude ?? []) {
    if (!table.columns.some((c) => c.name === name)) throw new InputError(`--exclude: column '${name}' not found${request.source ? ` in ${request.source}` : ''}`);
  }
  const rows = request.rows ?? Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  const target = readTarget(table, request.target, {
    rows,
    task: request.kind === 'logistic' ? 'classification' : 'regression',
    positive: request.positive,
    source: request.source,
  });
  const recipe = request.recipe ?? defaultRecipe(table, exclude, { scale: true });
  return { exclude, target, recipe, seed: request.seed ?? 42 };
}

/**
 * One column before and after step `step` of the request's recipe (the default one when none is
 * given), fitted on the request's rows with a target exactly as trainPipeline fits it.
 */
export function previewPipelineStep(table: Table, request: TrainRequest, step: number, column: string): StepColumnPreview {
  const { exclude, target, recipe, seed } = trainingSetup(table, request);
  const values = target.task === 'classification' ? target.label : target.value;
  return previewRecipeStep(table, recipe, { rows: target.rows, exclude, source: request.source, target: { task: target.task, values }, seed }, step, column);
}

export function trainPipeline(table: Table, request: TrainRequest): TrainedPipeline {
  const { kind } = request;
  if (kind !== 'logistic' && kind !== 'linear') {
    throw new InputError(`--model ${kind} is not available in this version (available: logistic, linear)`);
  }
  const { exclude, target, recipe, seed } = trainingSetup(table, request);
  const params = request.params ?? {};
  if (request.calibration && target.task !== 'classification') throw new InputError('calibration applies to classifiers (logistic) only');
  const position = new Map<number, number>();
  target.rows.forEach((r, i) => position.set(r, i));
  /** Recipe + model fitted on some of the target's rows. */
  const fitOn = (trainRows: Uint32Array) => {
    // the training features as the fit produced them: targetEncode's are out-of-fold (no leak)
    const fit = (y: TrainingTarget) => fitRecipeForTraining(table, recipe, { rows: trainRows, exclude, source: request.source, target: y, seed });
    if (target.task === 'classification') {
      const y = Uint8Array.from(trainRows, (r) => target.label[position.get(r)!]);
      const { fitted, features } = fit({ task: 'classification', values: y });
      const model = fitLogistic(features, y, { l2: params.l2 });
      return { fitted, model: { intercept: model.intercept, coefficients: model.coefficients } as LinearModel };
    }
    const y = Float64Array.from(trainRows, (r) => target.value[position.get(r)!]);
    const { fitted, features } = fit({ task: 'regression', values: y });
    return { fitted, model: fitRidge(features, y, { l2: params.l2 }) };
  };
  const { fitted, model } = fitOn(target.rows);
  const classLabels = target.task === 'classification' ? labelValues([target.negative, target.positive]) : null;
  const calibrator =
    request.calibration && target.task === 'classification'
      ? fitCalibrator(table, target.rows, target.label, request.calibration, seed, fitOn, request.source)
      : null;
  return {
    kind,
    task: target.task,
    target: request.target,
    recipe,
    fitted,
    model,
    classLabels,
    params,
    seed,
    calibrator,
    trainRows: target.rows.length,
  };
}

/** Scores of `rows` in memory: P(positive) for classifiers, the value for regressors. */
export function predictPipeline(pipeline: TrainedPipeline, table: Table, rows: Uint32Array, source?: string): Float64Array {
  const features = applyRecipe(pipeline.fitted, table, rows, source);
  if (pipeline.calibrator) return applyCalibrator(pipeline.calibrator, linearPredictor(pipeline.model, features, rows.length));
  return pipeline.kind === 'logistic' ? predictLogistic(pipeline.model, features, rows.length) : predictRidge(pipeline.model, features, rows.length);
}

/** The pipeline as one ONNX file, with provenance in metadata_props. */
export async function exportPipeline(pipeline: TrainedPipeline, provenance: { dataSha256: string | null; dataName: string }): Promise<Uint8Array> {
  const recipeJson = JSON.stringify(pipeline.recipe);
  const metadata: Record<string, string> = {
    glassbox_version: GLASSBOX_VERSION,
    model_kind: pipeline.kind,
    target: pipeline.target,
    params: JSON.stringify(pipeline.params),
    seed: String(pipeline.seed),
    recipe: recipeJson,
    recipe_sha256: await sha256Hex(recipeJson),
    training_rows: String(pipeline.trainRows),
    calibration: pipeline.calibrator ? `${pipeline.calibrator.method} on ${CALIBRATION_FOLDS}-fold out-of-fold margins` : 'none',
    training_data: provenance.dataName,
  };
  if (provenance.dataSha256) metadata.training_data_sha256 = provenance.dataSha256;
  return exportLinearModel({
    model: { kind: pipeline.kind, intercept: pipeline.model.intercept, coefficients: pipeline.model.coefficients },
    recipe: pipeline.fitted,
    calibrator: pipeline.calibrator,
    classLabels: pipeline.classLabels,
    metadata,
    producerVersion: GLASSBOX_VERSION,
  });
}

/** Class labels as numbers when both are numbers (so predictions print 0/1), else as text. */
export function labelValues(labels: string[]): (string | number)[] {
  const numbers = labels.map(Number);
  return labels.every((l, i) => l.trim() !== '' && Number.isFinite(numbers[i]) && String(numbers[i]) === l) ? numbers : labels;
}

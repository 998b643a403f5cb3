/**
 * A pipeline = a fitted recipe + a model, trained on some rows of a table: the target is read as
 * the contract says (logistic classifies, linear regresses; tree models classify a target with
 * two values and regress any other numeric one, unless `task` says), the recipe (the default one
 * unless given; standard scaling only for linear models) is fitted on the training rows only,
 * and the model on the recipe's features of those rows as the fit produced them — out-of-fold
 * for targetEncode steps (seeded by `seed`), so a row's own target never enters its features
 * (fitRecipeForTraining). `trainPipelineSteps` yields a step per tree (the worker's progress and
 * cancel points). `predictPipeline` scores any rows in memory (float64) with applyRecipe, whose
 * targetEncode mapping is the one fitted on all training rows, as in the exported graph;
 * `exportPipeline` writes the same pipeline as one ONNX file, which onnxruntime scores equal to
 * memory within float32 rounding (trees: the same leaf for every row).
 */
import type { Table } from '../data/table';
import { InputError } from '../errors/errors';
import { exportLinearModel } from '../export/exportLinearModel';
import { exportTreeModel } from '../export/exportTreeModel';
import { sha256Hex } from '../fingerprint/sha256';
import { applyRecipe } from '../recipe/applyRecipe';
import { defaultRecipe } from '../recipe/defaultRecipe';
import type { FittedRecipe } from '../recipe/fittedRecipe';
import { fitRecipeForTraining, type TrainingTarget } from '../recipe/fitRecipe';
import type { Recipe } from '../recipe/recipe';
import { previewRecipeStep, type StepColumnPreview } from '../recipe/stepPreview';
import { finish, type Steps } from '../progress/steps';
import { linearPredictor } from '../train/linearModel';
import { applyCalibrator, CALIBRATION_FOLDS, fitCalibrator, type CalibrationMethod, type Calibrator } from './calibratePipeline';
import { readTarget } from '../validation/targetClasses';
import { effectiveParams, fitModelSteps, LINEAR_KINDS, modelScores, type FittedModel, type Task } from './fittedModel';
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
  /** Tree models: classification or regression (default: classification when the target has exactly two values). Fixed by the kind for logistic/linear. */
  task?: Task;
  /** Training rows (default: all rows). Rows with a missing target are left out. */
  rows?: Uint32Array;
  /** Logistic only: calibrate probabilities on out-of-fold margins (see calibratePipeline.ts). */
  calibration?: CalibrationMethod;
  source?: string;
}

export interface TrainedPipeline {
  kind: ModelKind;
  task: Task;
  target: string;
  recipe: Recipe;
  fitted: FittedRecipe;
  model: FittedModel;
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
  const target = readTarget(table, request.target, { rows, task: requestTask(request), positive: request.positive, source: request.source });
  const recipe = request.recipe ?? defaultRecipe(table, exclude, { scale: LINEAR_KINDS.includes(request.kind) });
  return { exclude, target, recipe, seed: request.seed ?? 42 };
}

/** The task a request fixes (logistic, linear), or the one it asks for (tree models; undefined = from the target). */
export function requestTask(request: Pick<TrainRequest, 'kind' | 'task'>): Task | undefined {
  const fixed = request.kind === 'logistic' ? 'classification' : request.kind === 'linear' ? 'regression' : undefined;
  if (fixed && request.task && request.task !== fixed) {
    throw new InputError(`a ${request.kind} model does ${fixed}; use ${fixed === 'classification' ? 'linear' : 'logistic'} or a tree model for ${request.task}`);
  }
  return fixed ?? request.task;
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

export function trainPipeline(table: Table, request: TrainRequest, onProgress?: (done: number, total: number) => void): TrainedPipeline {
  return finish(trainPipelineSteps(table, request), onProgress);
}

/** trainPipeline as steps: one per tree of a tree model (none for linear models). */
export function* trainPipelineSteps(table: Table, request: TrainRequest): Steps<TrainedPipeline> {
  const { kind } = request;
  const { exclude, target, recipe, seed } = trainingSetup(table, request);
  const params = request.params ?? {};
  if (request.calibration && kind !== 'logistic') throw new InputError('calibration applies to logistic models only');
  const position = new Map<number, number>();
  target.rows.forEach((r, i) => position.set(r, i));
  /** Recipe + model fitted on some of the target's rows. */
  function* fitOn(trainRows: Uint32Array): Steps<{ fitted: FittedRecipe; model: FittedModel }> {
    // the training features as the fit produced them: targetEncode's are out-of-fold (no leak)
    const fit = (y: TrainingTarget) => fitRecipeForTraining(table, recipe, { rows: trainRows, exclude, source: request.source, target: y, seed });
    if (target.task === 'classification') {
      const y = Uint8Array.from(trainRows, (r) => target.label[position.get(r)!]);
      const { fitted, features } = fit({ task: 'classification', values: y });
      return { fitted, model: yield* fitModelSteps(kind, features, y, 'classification', params, seed) };
    }
    const y = Float64Array.from(trainRows, (r) => target.value[position.get(r)!]);
    const { fitted, features } = fit({ task: 'regression', values: y });
    return { fitted, model: yield* fitModelSteps(kind, features, y, 'regression', params, seed) };
  }
  const { fitted, model } = yield* fitOn(target.rows);
  const classLabels = target.task === 'classification' ? labelValues([target.negative, target.positive]) : null;
  const calibrator =
    request.calibration && target.task === 'classification'
      ? fitCalibrator(table, target.rows, target.label, request.calibration, seed, (rows) => {
          const { fitted, model } = finish(fitOn(rows));
          if (model.kind !== 'logistic') throw new InputError('calibration applies to logistic models only');
          return { fitted, model: model.linear };
        }, request.source)
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
  if (pipeline.calibrator && pipeline.model.kind === 'logistic') return applyCalibrator(pipeline.calibrator, linearPredictor(pipeline.model.linear, features, rows.length));
  return modelScores(pipeline.model, pipeline.task, features, rows.length);
}

/** The pipeline as one ONNX file, with provenance in metadata_props. */
export async function exportPipeline(pipeline: TrainedPipeline, provenance: { dataSha256: string | null; dataName: string }): Promise<Uint8Array> {
  const recipeJson = JSON.stringify(pipeline.recipe);
  const metadata: Record<string, string> = {
    glassbox_version: GLASSBOX_VERSION,
    model_kind: pipeline.kind,
    target: pipeline.target,
    params: JSON.stringify(pipeline.params),
    effective_params: JSON.stringify(effectiveParams(pipeline.kind, pipeline.params)),
    seed: String(pipeline.seed),
    recipe: recipeJson,
    recipe_sha256: await sha256Hex(recipeJson),
    training_rows: String(pipeline.trainRows),
    calibration: pipeline.calibrator ? `${pipeline.calibrator.method} on ${CALIBRATION_FOLDS}-fold out-of-fold margins` : 'none',
    training_data: provenance.dataName,
  };
  if (provenance.dataSha256) metadata.training_data_sha256 = provenance.dataSha256;
  const { model } = pipeline;
  if (model.kind === 'logistic' || model.kind === 'linear') {
    return exportLinearModel({
      model: { kind: model.kind, intercept: model.linear.intercept, coefficients: model.linear.coefficients },
      recipe: pipeline.fitted,
      calibrator: pipeline.calibrator,
      classLabels: pipeline.classLabels,
      metadata,
      producerVersion: GLASSBOX_VERSION,
    });
  }
  return exportTreeModel({ model, recipe: pipeline.fitted, classLabels: pipeline.classLabels, metadata, producerVersion: GLASSBOX_VERSION });
}

/** Class labels as numbers when both are numbers (so predictions print 0/1), else as text. */
export function labelValues(labels: string[]): (string | number)[] {
  const numbers = labels.map(Number);
  return labels.every((l, i) => l.trim() !== '' && Number.isFinite(numbers[i]) && String(numbers[i]) === l) ? numbers : labels;
}

/**
 * A schema-valid experiment snapshot for tests of the audit report: a loan-approval classifier
 * with its data (optionally embedded — the CSV holds the cell value ROW_SENTINEL, which a report
 * must never show), metrics with intervals, training with a recipe and CV folds, a SHAP
 * explanation, a fairness report by sex and age band (one small group) and a drift report, their
 * summaries written by the engine's own summary functions. Hashes are fixed hex strings.
 */
import { DRIFT_THRESHOLDS, psiSeverity } from '../../drift/driftThresholds';
import { driftSummary } from '../../drift/driftSummary';
import type { ColumnDrift } from '../../drift/columnDrift';
import { validateSnapshot } from '../../experiment/readSnapshot';
import type { Snapshot } from '../../experiment/snapshotSchema';
import { FAIRNESS_DEFINITIONS } from '../../fairness/fairnessDefinitions';
import { fairnessSummary } from '../../fairness/fairnessSummary';

export const ROW_SENTINEL = 'ROW-SENTINEL-123';

const HEX = (c: string) => c.repeat(64);
const utf8ToBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

export interface SampleOptions {
  /** 'rows': 60 embedded CSV rows (one holds ROW_SENTINEL); 'tiny': a header and one row; 'none': referenced only. */
  embedded?: 'rows' | 'tiny' | 'none';
  /** Leave out training, explanations, fairness and drift. */
  bare?: boolean;
}

function csv(rows: number): string {
  const lines = ['age,income,sex,region,employment_years,approved'];
  for (let i = 0; i < rows; i++) {
    const region = i === 7 ? ROW_SENTINEL : ['north', 'south', 'east', 'west'][i % 4];
    lines.push(`${22 + ((i * 7) % 50)},${31000 + ((i * 3917) % 60000)},${i % 3 ? 'male' : 'female'},${region},${(i * 5) % 23},${i % 4 ? 'yes' : 'no'}`);
  }
  return lines.join('\n') + '\n';
}

type Rates = { count: number; selectionRate: number; truePositiveRate: number; falsePositiveRate: number; precision: number; accuracy: number; auc: number; expectedCalibrationError: number };

function group(attribute: string, name: string, r: Rates) {
  const width = 1.96 * Math.sqrt(0.25 / r.count);
  const around = (x: number): [number, number] => [Math.max(0, Number((x - width).toFixed(4))), Math.min(1, Number((x + width).toFixed(4)))];
  const ci = Object.fromEntries(['selectionRate', 'truePositiveRate', 'falsePositiveRate', 'precision', 'accuracy', 'auc', 'expectedCalibrationError'].map((k) => [k, around(r[k as keyof Rates])]));
  return { attribute, group: name, ...r, small: r.count < 30, ci };
}

function fairness() {
  const overall = { count: 600, selectionRate: 0.5417, truePositiveRate: 0.7812, falsePositiveRate: 0.2431, precision: 0.7021, accuracy: 0.7683, auc: 0.8123, expectedCalibrationError: 0.0412 };
  const groups = [
    group('sex', 'female', { count: 200, selectionRate: 0.41, truePositiveRate: 0.7012, falsePositiveRate: 0.1833, precision: 0.6831, accuracy: 0.755, auc: 0.8011, expectedCalibrationError: 0.0521 }),
    group('sex', 'male', { count: 400, selectionRate: 0.6075, truePositiveRate: 0.8213, falsePositiveRate: 0.2911, precision: 0.7112, accuracy: 0.775, auc: 0.8201, expectedCalibrationError: 0.0388 }),
    group('age', '[18, 35]', { count: 230, selectionRate: 0.4783, truePositiveRate: 0.7402, falsePositiveRate: 0.2201, precision: 0.6912, accuracy: 0.7609, auc: 0.8044, expectedCalibrationError: 0.0477 }),
    group('age', '(35, 60]', { count: 350, selectionRate: 0.5829, truePositiveRate: 0.8051, falsePositiveRate: 0.2612, precision: 0.7101, accuracy: 0.7743, auc: 0.8177, expectedCalibrationError: 0.0402 }),
    group('age', '(60, 85]', { count: 20, selectionRate: 0.55, truePositiveRate: 0.75, falsePositiveRate: 0.25, precision: 0.7, accuracy: 0.75, auc: 0.79, expectedCalibrationError: 0.11 }),
  ];
  const disparities = [
    { attribute: 'sex', demographicParityDifference: 0.1975, demographicParityRatio: 0.6749, equalizedOddsDifference: 0.1201, equalOpportunityDifference: 0.1201, fourFifthsRule: false, selectionRateTest: { chi2: 20.83, pValue: 0.0000050 } },
    { attribute: 'age', demographicParityDifference: 0.1046, demographicParityRatio: 0.8206, equalizedOddsDifference: 0.0649, equalOpportunityDifference: 0.0649, fourFifthsRule: true, selectionRateTest: { chi2: 6.12, pValue: 0.0469 } },
  ];
  const report = { favorable: 'yes', positive: 'yes', overall, groups, disparities };
  return { ...report, summary: fairnessSummary({ ...report, threshold: 0.5 }), definitions: FAIRNESS_DEFINITIONS.map((d) => ({ ...d })) };
}

function drift() {
  const column = (name: string, type: ColumnDrift['type'], test: 'ks' | 'chi2', statistic: number, pValue: number, psi: number, wasserstein: number | null): ColumnDrift => ({
    name, type, test, statistic, pValue, psi, wasserstein, effectSize: test === 'ks' ? statistic : Math.sqrt(statistic / 600), severity: psiSeverity(psi), missing: { reference: 0, current: 0 },
  });
  const columns = [
    column('age', 'numeric', 'ks', 0.0812, 0.3121, 0.0412, 1.2034),
    column('income', 'numeric', 'ks', 0.2133, 0.0000021, 0.2541, 4821.5),
    column('sex', 'categorical', 'chi2', 1.32, 0.2505, 0.0071, null),
    column('region', 'categorical', 'chi2', 14.2, 0.0026, 0.1377, null),
    column('employment_years', 'numeric', 'ks', 0.0513, 0.8711, 0.0123, 0.2212),
  ];
  const domainClassifier = { auc: 0.6812, topFeatures: [ { name: 'income', importance: 0.1411 }, { name: 'region', importance: 0.0523 }, { name: 'age', importance: 0.0041 } ] };
  const rows = { reference: 400, current: 200 };
  return { columns, domainClassifier, rows, summary: driftSummary(columns, domainClassifier, rows), thresholds: DRIFT_THRESHOLDS };
}

function training() {
  const fold = (k: number, auc: number, accuracy: number) => ({ fold: k, trainRows: 384, testRows: 96, metrics: { auc, logLoss: 0.47 + k / 100, accuracy, precision: 0.69, recall: 0.77, f1: 0.7277, brier: 0.158, n: 96 } });
  const folds = [fold(0, 0.8011, 0.76), fold(1, 0.8245, 0.7833), fold(2, 0.7934, 0.75), fold(3, 0.8178, 0.775), fold(4, 0.8102, 0.7667)];
  const mean = { auc: 0.8094, logLoss: 0.49, accuracy: 0.767, precision: 0.69, recall: 0.77, f1: 0.7277, brier: 0.158 };
  const std = { auc: 0.0122, logLoss: 0.0158, accuracy: 0.0129, precision: 0, recall: 0, f1: 0, brier: 0 };
  return {
    kind: 'gbdt',
    params: { trees: 100, maxDepth: 3, learningRate: 0.1 },
    seed: 42,
    holdout: { fraction: 0.2 },
    trainRows: 480,
    testRows: 120,
    recipe: {
      version: 1,
      steps: [
        { step: 'impute', columns: ['age', 'income', 'employment_years'], strategy: 'median', indicator: true },
        { step: 'impute', columns: ['sex', 'region'], strategy: 'mode' },
        { step: 'oneHot', columns: ['sex', 'region'], top: 20 },
        { step: 'log', columns: ['income'] },
      ],
    },
    cv: { folds, mean, std },
  };
}

function explanations() {
  return [
    {
      method: 'tree',
      output: 'margin',
      rows: '0:20',
      seed: 42,
      background: Array.from({ length: 100 }, (_, i) => i * 3),
      importance: [ { name: 'income', value: 0.4123 }, { name: 'employment_years', value: 0.2231 }, { name: 'age', value: 0.1312 }, { name: 'region', value: 0.0611 }, { name: 'sex', value: 0.0102 } ],
    },
  ];
}

/** The sample, validated against the snapshot schema (so it stays schema-valid as the schema evolves). */
export function sampleSnapshot(options: SampleOptions = {}): Snapshot {
  const embedded = options.embedded ?? 'rows';
  const content = embedded === 'none' ? null : utf8ToBase64(csv(embedded === 'tiny' ? 1 : 60));
  const metrics = { auc: 0.8123, logLoss: 0.4571, accuracy: 0.7683, precision: 0.7021, recall: 0.7812, f1: 0.7395, brier: 0.1601, n: 600, ci: { auc: [0.7791, 0.8437], logLoss: [0.4302, 0.4866], accuracy: [0.7333, 0.8017], precision: [0.6601, 0.7433], recall: [0.7388, 0.8215], f1: [0.7043, 0.7731], brier: [0.1488, 0.1722] } };
  const raw = {
    format: 'glassbox.snapshot',
    version: 1,
    id: HEX('a'),
    createdAt: '2025-03-14T09:26:53.000Z',
    author: 'Risk Analytics',
    note: 'Quarterly review of the loan-approval model.',
    assumptions: 'Applicants in the current data come from the same channels as in the training data.',
    parent: HEX('b'),
    data: {
      name: 'loans_2025q1.csv',
      format: 'csv',
      sha256: HEX('c'),
      bytes: 48213,
      rows: 600,
      columns: [
        { name: 'age', type: 'numeric' },
        { name: 'income', type: 'numeric' },
        { name: 'sex', type: 'categorical' },
        { name: 'region', type: 'categorical' },
        { name: 'employment_years', type: 'numeric' },
        { name: 'approved', type: 'categorical' },
        { name: 'applicant_id', type: 'text' },
        { name: 'high_income', type: 'boolean' },
      ],
      dialect: { delimiter: ',', decimal: '.' },
      overrides: { employment_years: 'numeric' },
      derived: [{ name: 'high_income', expression: 'income > 60000' }],
      excluded: ['applicant_id'],
      embedded: content === null ? null : { encoding: 'base64', format: 'csv', sha256: HEX('d'), content },
    },
    model: {
      name: 'loan_gbdt.onnx',
      sha256: HEX('e'),
      bytes: utf8ToBase64('\u0008\u0007\u0012\u0008glassbox:onnx-model-bytes-for-tests'),
      task: 'classification',
      mapping: ['age', 'income', 'sex', 'region', 'employment_years'],
    },
    evaluation: { target: 'approved', task: 'classification', positive: 'yes', threshold: 0.5, rows: 'all', n: 600, metrics, seed: 7, sensitive: ['sex', 'age'], favorable: 'yes', bins: 4 },
    training: options.bare ? null : training(),
    explanations: options.bare ? [] : explanations(),
    fairness: options.bare ? null : fairness(),
    drift: options.bare ? null : drift(),
    modelCard: { intendedUse: 'Ranking consumer-loan applications for manual review.', limitations: 'Not validated for business loans or applicants under 18.' },
    environment: { glassbox: '0.1.0', commit: '8677fbb', runtime: 'node v20.19.0', onnxruntime: '1.30.0' },
  };
  return validateSnapshot(raw, 'the sample snapshot');
}

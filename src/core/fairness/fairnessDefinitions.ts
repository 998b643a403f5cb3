/**
 * The definitions a fairness report uses, carried with every report so a reader knows what each
 * figure means (the issue: "Reports carry the metric definitions they used"). They follow
 * Fairlearn's metrics (fairlearn.metrics) and scikit-learn's.
 */
export interface MetricDefinition {
  name: string;
  label: string;
  definition: string;
}

export const SMALL_GROUP = 30;

export const FAIRNESS_DEFINITIONS: readonly MetricDefinition[] = [
  { name: 'selectionRate', label: 'Selection rate', definition: 'Share of the group whose predicted outcome is the favourable one (fairlearn.metrics.selection_rate with pos_label = the favourable outcome).' },
  { name: 'truePositiveRate', label: 'True positive rate', definition: 'TP / (TP + FN) for the positive class: the share of actual positives the model predicts positive (recall).' },
  { name: 'falsePositiveRate', label: 'False positive rate', definition: 'FP / (FP + TN): the share of actual negatives the model predicts positive. The false-negative rate is 1 − TPR.' },
  { name: 'precision', label: 'Precision', definition: 'TP / (TP + FP): the share of positive predictions that are right.' },
  { name: 'accuracy', label: 'Accuracy', definition: '(TP + TN) / n: the share of right predictions.' },
  { name: 'auc', label: 'ROC AUC', definition: 'sklearn.metrics.roc_auc_score of the scores within the group; undefined for a group with one class or without scores.' },
  { name: 'expectedCalibrationError', label: 'Calibration error (ECE)', definition: 'Scores cut into 10 equal-width bins of [0, 1] (as sklearn.calibration.calibration_curve); Σ (rows in bin / n) · |observed positive rate − mean score|. 0 = perfectly calibrated. Resampling inflates it, so its bootstrap interval can lie above the estimate, more so in small groups.' },
  { name: 'demographicParityDifference', label: 'Demographic-parity difference', definition: 'Largest minus smallest selection rate over the groups (fairlearn.metrics.demographic_parity_difference).' },
  { name: 'demographicParityRatio', label: 'Demographic-parity ratio (disparate impact)', definition: 'Smallest divided by largest selection rate over the groups (fairlearn.metrics.demographic_parity_ratio).' },
  { name: 'equalOpportunityDifference', label: 'Equal-opportunity difference', definition: 'Largest minus smallest true positive rate over the groups.' },
  { name: 'equalizedOddsDifference', label: 'Equalized-odds difference', definition: 'The larger of the TPR difference and the FPR difference over the groups (fairlearn.metrics.equalized_odds_difference).' },
  { name: 'fourFifthsRule', label: 'Four-fifths rule', definition: 'Met when the demographic-parity ratio is at least 0.8. A rule of thumb from US employment practice (the EEOC Uniform Guidelines, 1978) for flagging adverse impact — a heuristic, not a test or a certificate of fairness.' },
  { name: 'selectionRateTest', label: 'Chi-squared test of selection rates', definition: 'Pearson chi-squared test of independence of group and predicted outcome (scipy.stats.chi2_contingency, correction=False); a small p-value says the selection rates differ by more than chance.' },
  { name: 'ci', label: '95% interval', definition: 'Percentile bootstrap: 1,000 resamples of the group’s rows with replacement (seeded), the 2.5th and 97.5th percentiles of the metric.' },
  { name: 'small', label: 'Small group', definition: `Fewer than ${SMALL_GROUP} rows: too few to judge; its figures are shown but carry wide intervals.` },
];

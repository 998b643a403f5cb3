/** What the report calls each metric of `glassbox metrics`, and a one-line meaning for a non-specialist reader. */
const METRICS: Record<string, { label: string; meaning: string; lowerIsBetter?: boolean }> = {
  auc: { label: 'ROC AUC', meaning: 'Chance that a random positive row scores above a random negative one (0.5 = chance, 1 = perfect ranking).' },
  logLoss: { label: 'Log loss', meaning: 'Mean negative log-likelihood of the true class; lower is better.', lowerIsBetter: true },
  accuracy: { label: 'Accuracy', meaning: 'Share of rows classified right at the threshold.' },
  precision: { label: 'Precision', meaning: 'Share of positive predictions that are right.' },
  recall: { label: 'Recall', meaning: 'Share of actual positives the model predicts positive (true positive rate).' },
  f1: { label: 'F1', meaning: 'Harmonic mean of precision and recall.' },
  brier: { label: 'Brier score', meaning: 'Mean squared difference between score and outcome; lower is better.', lowerIsBetter: true },
  rmse: { label: 'RMSE', meaning: 'Root mean squared error, in the target’s units; lower is better.', lowerIsBetter: true },
  mae: { label: 'MAE', meaning: 'Mean absolute error, in the target’s units; lower is better.', lowerIsBetter: true },
  r2: { label: 'R²', meaning: 'Share of the target’s variance the model explains (1 = perfect, 0 = no better than the mean).' },
};

export function metricLabel(name: string): string {
  return METRICS[name]?.label ?? name;
}

export function metricMeaning(name: string): string {
  return METRICS[name]?.meaning ?? '';
}

/** The metric a chart of folds shows first: AUC, else R², else the first one given. */
export function mainMetric(names: readonly string[]): string | null {
  return names.find((n) => n === 'auc') ?? names.find((n) => n === 'r2') ?? names[0] ?? null;
}

/**
 * `glassbox` — the headless front of the engine (contract: shared/spec/cli.md).
 * Bad input exits 2 with one `error: ` line on stderr; never a stack trace, never partial output.
 */
import { GlassboxError } from '../core/errors/errors';
import { cvCommand } from './commands/cv';
import { driftCommand } from './commands/drift';
import { snapshotCommand } from './commands/snapshot';
import { verifyCommand } from './commands/verify';
import { fairnessCommand } from './commands/fairness';
import { metricsCommand } from './commands/metrics';
import { predictCommand } from './commands/predict';
import { pdpCommand } from './commands/pdp';
import { profileCommand } from './commands/profile';
import { reportCommand } from './commands/report';
import { serveCommand } from './commands/serve';
import { tokenCommand } from './commands/token';
import { shapCommand } from './commands/shap';
import { trainCommand } from './commands/train';
import type { CliIo } from './io/writeOutput';

type Command = (argv: readonly string[], io: CliIo) => Promise<unknown>;

const COMMANDS: Record<string, Command> = {
  profile: profileCommand,
  metrics: metricsCommand,
  predict: predictCommand,
  train: trainCommand,
  cv: cvCommand,
  shap: shapCommand,
  pdp: pdpCommand,
  fairness: fairnessCommand,
  drift: driftCommand,
  snapshot: snapshotCommand,
  verify: verifyCommand,
  report: reportCommand,
  serve: serveCommand,
  token: tokenCommand,
};

const USAGE = `usage: glassbox <command> [options]

commands:
  profile --data FILE [--out FILE] [--delimiter ,|;|tab|'|'] [--decimal .|,]
      per-column statistics of a CSV, Parquet or Arrow file as JSON
  metrics --data FILE --target COL --score COL [--threshold 0.5] [--task classification|regression]
          [--positive LABEL] [--ci] [--seed 0] [--out FILE]
      classification (auc, logLoss, accuracy, precision, recall, f1, brier) or regression
      (rmse, mae, r2) metrics; --ci adds 95% bootstrap intervals (1,000 resamples)
  predict --model FILE.onnx --data FILE [--threshold 0.5] [--features a,b,c] [--out FILE]
      the data CSV with its fields copied verbatim plus prediction (and score = P(positive)
      for binary classifiers); labels are score >= threshold
  train --data FILE --target COL --model logistic|linear|tree|forest|gbdt [--recipe FILE.json] [--params JSON]
        [--seed 42] [--exclude a,b] [--positive LABEL] --out MODEL.onnx
      fits the recipe (default: impute, one-hot, scale) and the model on the data and writes one
      ONNX file with the preprocessing inside
  cv --data FILE --target COL --model logistic|linear|tree|forest|gbdt [--recipe FILE.json] [--params JSON] [--folds 5]
     [--stratify] [--group COL | --time COL] [--seed 42] [--exclude a,b] [--positive LABEL] --out CV.json
      cross-validation with the recipe fitted inside each fold; out-of-fold predictions in CV.oof.csv
  shap --model FILE.onnx --data FILE --background FILE [--rows 0:20] [--method auto|tree|exact|kernel]
       [--output margin|probability] [--samples N] [--seed 42] --out SHAP.json
      interventional Shapley values of rows A..B-1 against the background rows, per raw input column
  pdp --model FILE.onnx --data FILE --feature COL (--grid v1,v2,... | --grid-size 20) [--ice]
      [--sample N] [--seed 42] --out PDP.json
      partial dependence (and ICE curves) of the model's prediction on one column
  fairness --data FILE --target COL --pred COL [--score COL] --sensitive a[,b] [--positive LABEL]
           [--favorable LABEL] [--bins 4] [--seed 0] --out FAIRNESS.json
      per-group metrics with 95% bootstrap intervals and the disparities (Fairlearn's definitions)
  drift --reference FILE --current FILE [--columns a,b] [--bins 10] [--seed 0] --out DRIFT.json
      per column KS or chi-squared test, PSI and Wasserstein distance; a GBDT domain classifier's
      out-of-fold AUC and the columns that drive it
  snapshot --data FILE --target COL --model FILE.onnx [--sensitive a,b] [--favorable LABEL] [--embed-data]
           [--note TEXT] [--exclude a,b] [--positive LABEL] [--threshold 0.5] [--seed 42] [--parent ID] --out EXP.json
      an experiment snapshot (docs/snapshot.md): data fingerprint, model, metrics, fairness, environment, id
  verify --snapshot EXP.json [--server URL --token T]
      checks hashes and, with embedded data, re-scores the model to reproduce the recorded metrics;
      exit 0 verified, 3 consistent (data referenced), 1 not verified, 2 unreadable
  report --snapshot EXP.json --out REPORT.html
      a self-contained HTML audit report of a snapshot: lineage, data fingerprint, model card,
      metrics, training, explanations, fairness, drift and environment, with inline charts
  serve [--port 8787] [--host 127.0.0.1] [--data-dir ./glassbox-data] [--database-url postgres://…]
        [--max-body 256mb]
      the snapshot server (SQLite in the data dir, or PostgreSQL; also DATABASE_URL) and the built
      app on one origin; API described at /api/openapi.json
  token [--data-dir DIR | --database-url URL] --role editor|reviewer|auditor [--name NAME] [--expires 90d]
  token [--data-dir DIR | --database-url URL] --revoke NAME
      prints a new bearer token for the server (one line), or revokes every token with that name
`;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (name === undefined) {
    io.stderr(`error: no command given (available: ${Object.keys(COMMANDS).join(', ')}; see glassbox --help)\n`);
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`error: '${name}' is not a glassbox command (available: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    const result = await command(rest, io);
    // a command may end with its own status (verify: 0 verified, 3 consistent, 1 not verified)
    return result !== null && typeof result === 'object' && typeof (result as { exitCode?: unknown }).exitCode === 'number' ? (result as { exitCode: number }).exitCode : 0;
  } catch (e) {
    if (e instanceof GlassboxError) {
      io.stderr(`error: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    io.stderr(`error: internal error: ${(e as Error).message ?? String(e)} (please report this)\n`);
    return 1;
  }
}

/** Entry point of the `glassbox` bin. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}

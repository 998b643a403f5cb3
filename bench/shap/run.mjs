// Glassbox Shapley benchmark — `npm run bench:shap`. See bench/README.md ("Shapley values").
//
// options:
//   --rows N         explained rows for TreeSHAP (default 1,000)
//   --background B   background rows (default 100)
//   --kernel-rows K  explained rows for KernelSHAP (default 100)
//   --no-kernel      skip the KernelSHAP part
//
// TreeSHAP: a 200-tree depth-6 Glassbox GBDT and an XGBoost model with the same settings, trained
// on the same 20,000 rows of the bench/train matrix (one-hot, 60 features); Glassbox's exact
// interventional TreeSHAP for N holdout rows × B background rows, timed in this process, against
// XGBoost's native path-dependent TreeSHAP (pred_contribs, 1 thread) for the same N rows, timed in
// its own process. KernelSHAP: the same GBDT on the ordinal matrix (12 features) explained on
// the probability scale, K rows × B background rows with the default number of samples; its
// largest standard error relative to the range of the predictions.
// Prints a table and the goals and writes bench/out/shap.json; it reports, never asserts.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../common/bundle.mjs';
import { flag, option } from '../common/options.mjs';
import { machineInfo, runProcess } from '../common/process.mjs';
import { fmtMs, fmtX, table } from '../common/report.mjs';
import { ensureTrainData } from '../train/make_data.mjs';
import { readFileSync } from 'node:fs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const OUT = resolve(ROOT, 'bench/out');
const ROWS = option('rows', 1000);
const BACKGROUND = option('background', 100);
const KERNEL_ROWS = option('kernel-rows', 100);
const TRAIN_ROWS = 20_000;
const TREES = 200;
const log = (...a) => console.log(...a);

function columns(dir, which, rows, features, take) {
  const buf = readFileSync(resolve(dir, `${which}-X.f32`));
  const all = new Float32Array(buf.buffer, buf.byteOffset, features * rows);
  return Array.from({ length: features }, (_, j) => Float64Array.from(all.subarray(j * rows, j * rows + take)));
}

function rowsOf(cols, n) {
  return Array.from({ length: n }, (_, i) => Float64Array.from(cols, (c) => c[i]));
}

async function main() {
  const bundle = await bundleForNode(resolve(HERE, 'engine.ts'), resolve(OUT, 'shap-engine.mjs'));
  const lib = await import(bundle);
  const summary = { date: new Date().toISOString(), machine: machineInfo(), params: { rows: ROWS, background: BACKGROUND, kernelRows: KERNEL_ROWS, trees: TREES, trainRows: TRAIN_ROWS } };
  log(`Glassbox Shapley benchmark — ${summary.machine.cpus} cores (${summary.machine.cpuModel}), node ${process.version}`);

  // ── TreeSHAP vs XGBoost pred_contribs
  const data = ensureTrainData({ rows: 125_000, encoding: 'onehot' }, (m) => log('  ' + m));
  const m = data.meta;
  const X = columns(data.dir, 'train', m.trainRows, m.features, TRAIN_ROWS);
  const y = Float64Array.from(new Uint8Array(readFileSync(resolve(data.dir, 'train-y.u8'))).subarray(0, TRAIN_ROWS));
  const model = lib.trainGbdt(X, y, 'classification', { nEstimators: TREES, maxDepth: 6, learningRate: 0.1 }, { seed: 1 });
  const ensemble = lib.ensembleOfTrees(model.trees, model.baseMargin, 'SUM');
  const explained = rowsOf(columns(data.dir, 'holdout', m.holdoutRows, m.features, ROWS), ROWS);
  const background = rowsOf(X, TRAIN_ROWS).filter((_, i) => i % Math.floor(TRAIN_ROWS / BACKGROUND) === 0).slice(0, BACKGROUND);
  const players = Array.from({ length: m.features }, (_, j) => j);
  const times = [];
  let result;
  for (let k = 0; k < 2; k++) {
    const t0 = performance.now();
    result = lib.treeShap(ensemble, explained, background, players, m.features);
    times.push(performance.now() - t0);
  }
  let worst = 0;
  result.values.forEach((v, r) => (worst = Math.max(worst, Math.abs(result.base + v.reduce((a, b) => a + b, 0) - result.prediction[r]))));
  const glassboxMs = Math.min(...times);
  log(`  Glassbox interventional TreeSHAP: ${ROWS} rows × ${BACKGROUND} background rows × ${TREES} trees: ${fmtMs(glassboxMs)} (efficiency error ${worst.toExponential(1)})`);
  const xgb = await runProcess('/usr/bin/python3', [resolve(HERE, 'xgboost_task.py'), '--dir', data.dir, '--train-rows', String(TRAIN_ROWS), '--rows', String(ROWS), '--rounds', String(TREES)], { cwd: ROOT });
  if (xgb.code !== 0) throw new Error(`XGBoost task failed:\n${xgb.stderr.slice(-2000)}`);
  const x = JSON.parse(xgb.stdout.trim().split('\n').pop());
  log(`  XGBoost ${x.xgboost} pred_contribs (path-dependent, 1 thread): ${fmtMs(x.contribsMs)} (efficiency error ${x.efficiencyError.toExponential(1)})`);
  const ratio = glassboxMs / x.contribsMs;
  summary.tree = { glassboxMs, glassboxMsAll: times, xgboostMs: x.contribsMs, ratio, efficiencyError: worst, xgboost: x };

  // ── KernelSHAP error bars
  if (!flag('no-kernel')) {
    const od = ensureTrainData({ rows: 125_000, encoding: 'ordinal' }, (msg) => log('  ' + msg));
    const om = od.meta;
    const OX = columns(od.dir, 'train', om.trainRows, om.features, TRAIN_ROWS);
    const oy = Float64Array.from(new Uint8Array(readFileSync(resolve(od.dir, 'train-y.u8'))).subarray(0, TRAIN_ROWS));
    const omodel = lib.trainGbdt(OX, oy, 'classification', { nEstimators: TREES, maxDepth: 6 }, { seed: 1 });
    const oens = lib.ensembleOfTrees(omodel.trees, omodel.baseMargin, 'SUM');
    const orows = rowsOf(columns(od.dir, 'holdout', om.holdoutRows, om.features, KERNEL_ROWS), KERNEL_ROWS);
    const obg = rowsOf(OX, TRAIN_ROWS).filter((_, i) => i % Math.floor(TRAIN_ROWS / BACKGROUND) === 0).slice(0, BACKGROUND);
    const f = (row) => 1 / (1 + Math.exp(-lib.ensembleScore(oens, (j) => row[j])));
    const rng = lib.seededRandom(42);
    const t0 = performance.now();
    let maxSe = 0;
    const predictions = [];
    for (const x0 of orows) {
      const v = async (coalitions, count) => {
        const out = new Float64Array(count);
        const hybrid = new Float64Array(om.features);
        for (let c = 0; c < count; c++) {
          let s = 0;
          for (const b of obg) {
            for (let j = 0; j < om.features; j++) hybrid[j] = coalitions[c * om.features + j] ? x0[j] : b[j];
            s += f(hybrid);
          }
          out[c] = s / obg.length;
        }
        return out;
      };
      const est = await lib.kernelShapley(om.features, v, 2048, rng);
      maxSe = Math.max(maxSe, ...est.stderr);
      predictions.push(est.full);
    }
    const kernelMs = performance.now() - t0;
    const range = Math.max(...predictions) - Math.min(...predictions);
    summary.kernel = { rows: KERNEL_ROWS, features: om.features, samples: 2048, ms: kernelMs, maxStderr: maxSe, outputRange: range, relative: maxSe / range };
    log(`  KernelSHAP (probability, ${om.features} features, 2,048 samples, in-memory model): ${KERNEL_ROWS} rows × ${BACKGROUND} background rows: ${fmtMs(kernelMs)}; largest standard error ${maxSe.toExponential(2)} = ${(100 * maxSe / range).toFixed(2)} % of the predictions' range`);
  }

  log('\n── Goals');
  log(
    table(
      ['measure', 'value', 'goal', 'met?'],
      [
        ['TreeSHAP time ÷ XGBoost pred_contribs', fmtX(ratio), '≤ 3×', ratio <= 3 ? 'met' : 'NOT MET'],
        ...(summary.kernel ? [['KernelSHAP largest standard error ÷ output range', `${(100 * summary.kernel.relative).toFixed(2)} %`, '< 1 %', summary.kernel.relative < 0.01 ? 'met' : 'NOT MET']] : []),
      ],
    ),
  );
  log('  Note: XGBoost computes path-dependent TreeSHAP (no background, one pass per row); Glassbox the interventional values against the background, which is |background| games per row.');
  writeFileSync(resolve(OUT, 'shap.json'), JSON.stringify(summary, null, 2) + '\n');
  log(`wrote bench/out/shap.json`);
}

await main();

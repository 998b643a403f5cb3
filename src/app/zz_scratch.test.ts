import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { Workbench } from '../workers/workbench';
import { blobSource } from '../core/data/byteSource';
import { readDataset } from '../core/data/readDataset';

it('scratch', async () => {
  const wb = new Workbench();
  const read = await readDataset(blobSource(new Blob([readFileSync('public/datasets/synthetic_loans.csv')]), 'loans.csv'), {}, {});
  wb.adopt(read.table, 'synthetic_loans.csv');
  const info = await wb.loadModel('loans_gbm.onnx', new Uint8Array(readFileSync('public/models/loans_gbm.onnx')));
  console.log(JSON.stringify(info, null, 1));
  const s = await wb.scoreDataset('j1', info.suggestedMapping);
  console.log(s);
  const ev = await wb.evaluateModel({ target: 'default' });
  console.log(JSON.stringify(ev).slice(0, 3000));
  const m = await wb.modelMetrics({ target: 'default', threshold: 0.5, ci: true, seed: 42 });
  console.log(m);
  console.log(await wb.thresholdMetrics({ target: 'default', threshold: 0.3 }));
  for (const f of ['broken_zipmap.onnx', 'broken_not_onnx.onnx', 'adult_logistic_columns.onnx', 'diabetes_gbr.onnx', 'diabetes_linear_columns.onnx']) {
    try { const i = await wb.loadModel(f, new Uint8Array(readFileSync('src/core/inference/fixtures/models/' + f))); console.log(f, JSON.stringify({sig: i.signature, slots: i.slots, sug: i.suggestedMapping, d: {...i.description, operators: i.description.operators}})); }
    catch (e) { console.log(f, (e as Error).name, (e as Error).message); }
  }
}, 60000);

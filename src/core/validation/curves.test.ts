/** ROC, precision–recall and calibration curves against scikit-learn (fixtures/curves.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../data/byteSource';
import { readDataset } from '../data/readDataset';
import { calibrationCurve, precisionRecallCurve, rocCurve } from './curves';
import reference from './fixtures/curves.json';

async function scored() {
  const bytes = new Uint8Array(readFileSync(join(__dirname, 'fixtures', reference.file)));
  const { table } = await readDataset(bytesSource(bytes, reference.file));
  const [y, s] = table.columns;
  if (y.type !== 'numeric' || s.type !== 'numeric') throw new Error('fixture types');
  const keep = Array.from({ length: table.rowCount }, (_, i) => i).filter((i) => !Number.isNaN(y.values[i]) && !Number.isNaN(s.values[i]));
  return { y: Uint8Array.from(keep, (i) => y.values[i]), score: Float64Array.from(keep, (i) => s.values[i]) };
}

function expectArrayClose(actual: readonly (number | null)[], expected: readonly (number | null)[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, k) => {
    if (expected[k] === null) expect(v).toBeNull();
    else expect(v as number).toBeCloseTo(expected[k] as number, 14);
  });
}

describe('curves vs scikit-learn', () => {
  it('ROC (drop_intermediate=False)', async () => {
    const { y, score } = await scored();
    const roc = rocCurve(y, score)!;
    expectArrayClose(roc.fpr, reference.roc.fpr);
    expectArrayClose(roc.tpr, reference.roc.tpr);
    expectArrayClose(roc.thresholds, reference.roc.thresholds);
  });

  it('precision–recall', async () => {
    const { y, score } = await scored();
    const pr = precisionRecallCurve(y, score)!;
    expectArrayClose(pr.precision, reference.pr.precision);
    expectArrayClose(pr.recall, reference.pr.recall);
    expectArrayClose(pr.thresholds, reference.pr.thresholds);
  });

  it('calibration (10 uniform bins)', async () => {
    const { y, score } = await scored();
    const cal = calibrationCurve(y, score, 10);
    expectArrayClose(cal.fractionPositive, reference.calibration.fractionPositive);
    expectArrayClose(cal.meanPredicted, reference.calibration.meanPredicted);
    expect(cal.count.reduce((a, b) => a + b, 0)).toBe(y.length);
  });

  it('has no ROC or PR curve without positives', () => {
    const y = new Uint8Array([0, 0, 0]);
    const s = new Float64Array([0.1, 0.5, 0.9]);
    expect(rocCurve(y, s)).toBeNull();
    expect(precisionRecallCurve(y, s)).toBeNull();
  });
});

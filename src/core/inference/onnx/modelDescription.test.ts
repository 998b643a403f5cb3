/**
 * Glassbox's protobuf reader against what the `onnx` Python package reads from the same files
 * (scripts/fixtures/describe_model_fixtures.py → fixtures/descriptions.json).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../errors/errors';
import references from '../fixtures/descriptions.json';
import { FIXTURES, modelBytes } from '../testing/modelFixtures';
import { readModelDescription } from './modelDescription';

type Reference = Record<string, unknown> & { error?: string };
const cases = Object.entries(references as Record<string, Reference>);

describe('readModelDescription vs the onnx package', () => {
  it('covers every fixture model', () => {
    const files = readdirSync(join(FIXTURES, 'models')).filter((f) => f.endsWith('.onnx')).sort();
    expect(cases.map(([name]) => name).sort()).toEqual(files);
  });

  it.each(cases.filter(([, r]) => !r.error))('%s', (name, reference) => {
    const description = readModelDescription(modelBytes(name));
    const { classifierLabels, operators, ...rest } = description;
    const expectedOperators = reference.operators as { domain: string; opType: string }[];
    const sortKey = (o: { domain: string; opType: string }) => `${o.domain}\u0000${o.opType}`;
    expect([...operators].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      [...expectedOperators].sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
    const { operators: _ignored, ...expectedRest } = reference;
    expect(rest).toEqual(expectedRest);
    if (operators.some((o) => o.opType === 'TreeEnsembleClassifier')) expect(classifierLabels).not.toBeNull();
  });

  it.each(cases.filter(([, r]) => r.error))('refuses %s as not ONNX', (name) => {
    expect(() => readModelDescription(modelBytes(name))).toThrow(ModelError);
    expect(() => readModelDescription(modelBytes(name))).toThrow(/not an ONNX model/);
  });

  it('refuses an empty file and random bytes', () => {
    expect(() => readModelDescription(new Uint8Array(0))).toThrow(/empty/);
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(() => readModelDescription(noise)).toThrow(ModelError);
  });
});

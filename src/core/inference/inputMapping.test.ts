/** Mapping dataset columns to model slots: suggestions, explicit mappings and their errors. */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import { InputError } from '../errors/errors';
import { mappingSlots, resolveMapping, suggestMapping } from './inputMapping';
import type { ModelSignature } from './modelSignature';

const table = buildTable(
  ['Age', 'income', 'region', 'approved'],
  [rawFromValues([30, 40]), rawFromValues([1000, 2000]), rawFromValues(['North', 'South']), rawFromValues([true, false])],
  2,
);

function matrix(featureNames: string[] | null, featureCount: number | null = featureNames?.length ?? null): ModelSignature {
  return {
    layout: 'matrix',
    task: 'classification',
    inputs: [{ name: 'float_input', elementType: 'float32', rank: 2 }],
    featureCount,
    featureNames,
    scoreOutput: { name: 'probabilities', width: 2, index: 1 },
    classLabels: [0, 1],
    positive: 1,
    warnings: [],
  };
}

const columns: ModelSignature = {
  ...matrix(null),
  layout: 'columns',
  inputs: [
    { name: 'age', elementType: 'float32', rank: 2 },
    { name: 'region', elementType: 'string', rank: 2 },
  ],
  featureCount: 2,
};

describe('input mapping', () => {
  it('suggests feature_names, matching case-insensitively when unique', () => {
    expect(suggestMapping(matrix(['age', 'income']), table.columns.map((c) => c.name))).toEqual(['Age', 'income']);
    expect(suggestMapping(columns, table.columns.map((c) => c.name))).toEqual(['Age', 'region']);
  });

  it('labels matrix slots by feature name, or by position without feature_names', () => {
    expect(mappingSlots(matrix(['age', 'income'])).map((s) => s.label)).toEqual(['age', 'income']);
    expect(mappingSlots(matrix(null, 3)).map((s) => s.label)).toEqual(['float_input[0]', 'float_input[1]', 'float_input[2]']);
  });

  it('takes an explicit mapping (--features) over the suggestion', () => {
    expect(resolveMapping(matrix(['age', 'income']), table, 'd.csv', ['income', 'Age'])).toEqual(['income', 'Age']);
    expect(resolveMapping(matrix(null, 2), table, 'd.csv', ['income', 'approved'])).toEqual(['income', 'approved']);
  });

  it('explains what is missing', () => {
    expect(() => resolveMapping(matrix(['age', 'incme']), table, 'd.csv')).toThrow(
      "the model needs a column 'incme', which is not in d.csv (did you mean 'income'?) — map it to one of the data columns",
    );
    expect(() => resolveMapping(matrix(['age', 'incomes_total']), table, 'd.csv')).toThrow(
      "the model needs a column 'incomes_total', which is not in d.csv",
    );
    expect(() => resolveMapping(matrix(['age', 'salary']), table, 'd.csv', ['Age', 'incom'])).toThrow(
      "column 'incom' not found in d.csv (did you mean 'income'?)",
    );
    expect(() => resolveMapping(matrix(null, 2), table, 'd.csv')).toThrow(/no feature_names metadata: name its columns in order/);
    expect(() => resolveMapping(matrix(['age', 'income']), table, 'd.csv', ['Age'])).toThrow(
      'the model takes 2 features (age, income) but 1 column was given',
    );
  });

  it('refuses a text column for a numeric input, but feeds numbers to a string input', () => {
    expect(() => resolveMapping(matrix(['age', 'region']), table, 'd.csv')).toThrow(InputError);
    expect(() => resolveMapping(matrix(['age', 'region']), table, 'd.csv')).toThrow(
      "column 'region' is categorical but model input 'region' takes numbers (float32)",
    );
    expect(resolveMapping(columns, table, 'd.csv', ['Age', 'income'])).toEqual(['Age', 'income']);
  });
});
